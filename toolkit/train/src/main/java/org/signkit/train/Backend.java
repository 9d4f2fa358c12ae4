package org.signkit.train;

/**
 * How signkit runs ND4J/DL4J. On CPU, DL4J's convolution, pooling and batch-norm layers can call oneDNN
 * through "layer helpers" instead of im2col + gemm: 2.7–3.3x faster training and 4–5x faster inference
 * here (docs/BENCHMARKS.md). M2.1 ships them switched off by a system property and broken by a moved
 * class (see {@code org.nd4j.nativeblas.Nd4jCpu$Environment}, alone in module nd4j-compat); signkit turns
 * them on unless the user set the property. Gradients with and without helpers agree (OneDnnHelpersTest).
 */
public final class Backend {

    /** DL4J's switch; "true" (its default) disables every layer helper. */
    public static final String HELPERS_DISABLE = "org.eclipse.deeplearning4j.helpers.disable";

    private Backend() {
    }

    /**
     * Allows DL4J's layer helpers for networks created from now on, unless {@value #HELPERS_DISABLE}
     * was set explicitly (e.g. {@code -Dorg.eclipse.deeplearning4j.helpers.disable=true} to compare).
     */
    public static void useOneDnnHelpers() {
        if (System.getProperty(HELPERS_DISABLE) == null) {
            System.setProperty(HELPERS_DISABLE, "false");
        }
    }

    /** True when ND4J runs on its CUDA backend (a {@code -Pcuda} build). */
    public static boolean cuda() {
        return Backend.class.getClassLoader().getResource("org/nd4j/linalg/jcublas/JCublasBackend.class") != null;
    }

    /**
     * The JavaCPP settings every signkit process wants, unless the user set them: no resident-size check
     * on every native allocation (signkit frees its buffers explicitly; the check halved the speed of small
     * per-image operations), and the natives ND4J needs — oneDNN/AVX2 on CPU (3-6x faster than the generic
     * build), cuDNN in a -Pcuda build; other bytedeco libraries fall back to their plain natives.
     */
    public static void configureNatives() {
        if (System.getProperty("org.bytedeco.javacpp.maxPhysicalBytes") == null) {
            System.setProperty("org.bytedeco.javacpp.maxPhysicalBytes", "0");
        }
        if (System.getProperty("org.bytedeco.javacpp.platform.extension") == null) {
            System.setProperty("org.bytedeco.javacpp.platform.extension", cuda() ? "-cudnn" : "-onednn-avx2");
        }
    }
}
