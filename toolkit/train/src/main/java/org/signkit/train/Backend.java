package org.signkit.train;

import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.signkit.train.onednn.OneDnnNetwork;

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

    /** signkit's switch for the training path: "onednn" (default on CPU) or "dl4j". */
    public static final String TRAINING_PATH = "signkit.train.path";

    /**
     * Whether training should run on signkit's oneDNN network ({@link OneDnnNetwork}) rather than DL4J's
     * layers: on the CPU backend, unless {@value #TRAINING_PATH} is "dl4j". 2.4-3.5x DL4J's training speed
     * and 5-7x its inference here (docs/BENCHMARKS.md); gradients agree with DL4J's (OneDnnNetworkTest).
     */
    public static boolean oneDnnNetworkWanted() {
        return !"dl4j".equals(System.getProperty(TRAINING_PATH)) && !cuda();
    }

    /**
     * How {@code net} classifies a batch in inference mode: signkit's oneDNN network where it is wanted and
     * runs the graph, else DL4J's {@code outputSingle}. The two agree (OneDnnNetworkTest).
     */
    public static UnaryOperator<INDArray> inference(ComputationGraph net) {
        return inference(oneDnnNetworkWanted() && OneDnnNetwork.unsupported(net) == null ? new OneDnnNetwork(net) : null,
                net);
    }

    /** {@code fast}'s output where there is one (running {@code net}), else DL4J's {@code outputSingle}. */
    static UnaryOperator<INDArray> inference(OneDnnNetwork fast, ComputationGraph net) {
        return fast != null ? fast::output : x -> net.outputSingle(false, x);
    }

    private static boolean cuda() {
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
