package org.signkit.train;

/**
 * How signkit runs ND4J/DL4J. On CPU, DL4J's convolution, pooling and batch-norm layers can call oneDNN
 * through "layer helpers" instead of im2col + gemm: 2.7–3.3x faster training and 4–5x faster inference
 * here (docs/BENCHMARKS.md). M2.1 ships them switched off by a system property and broken by a moved
 * class (see {@code org.nd4j.nativeblas.Nd4jCpu$Environment}); signkit turns them on unless the user
 * set the property. Gradients with and without helpers agree (OneDnnHelpersTest).
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
}
