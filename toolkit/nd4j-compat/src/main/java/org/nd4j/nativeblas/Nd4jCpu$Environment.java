package org.nd4j.nativeblas;

/**
 * Revives DL4J's oneDNN layer helpers on ND4J 1.0.0-M2.1. DL4J decides whether a convolution,
 * pooling or batch-norm layer may call oneDNN by loading {@code org.nd4j.nativeblas.Nd4jCpu$Environment}
 * and asking {@code getInstance().isUseMKLDNN()}; M2.1 moved that class to
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment} (method {@code isUseONEDNN}), so
 * the lookup fails and every layer falls back to im2col + gemm. This class answers the old question
 * from the new binding. It is only consulted when helpers are allowed
 * ({@link org.signkit.train.Backend#useOneDnnHelpers()}).
 */
public final class Nd4jCpu$Environment {

    private static final Nd4jCpu$Environment INSTANCE = new Nd4jCpu$Environment();

    private Nd4jCpu$Environment() {
    }

    /** The single instance DL4J's reflection asks for. */
    public static Nd4jCpu$Environment getInstance() {
        return INSTANCE;
    }

    /**
     * Whether the loaded ND4J natives were built with oneDNN (the {@code -onednn} classifiers). Asked by
     * reflection so that this class also compiles against the CUDA backend, which has no CPU bindings
     * (there the answer is false).
     */
    public boolean isUseMKLDNN() {
        try {
            Class<?> env = Class.forName("org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment");
            return (Boolean) env.getMethod("isUseONEDNN").invoke(env.getMethod("getInstance").invoke(null));
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
