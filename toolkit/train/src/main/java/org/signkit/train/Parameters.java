package org.signkit.train;

import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Parameter counts as other frameworks report them. */
public final class Parameters {

    private static final Set<String> RUNNING_STATISTICS = Set.of("mean", "var", "log10stdev");

    private Parameters() {
    }

    /**
     * Trainable parameters: DL4J's {@code numParams()} also counts each batch-norm layer's running mean
     * and variance, which PyTorch keeps as buffers, not parameters.
     */
    public static long trainable(ComputationGraph net) {
        long n = net.numParams();
        for (Layer l : net.getLayers()) {
            if (l instanceof org.deeplearning4j.nn.layers.normalization.BatchNormalization) {
                // Running statistics: "mean" and "var", or "log10stdev" when the layer keeps log std.
                for (Map.Entry<String, INDArray> p : l.paramTable().entrySet()) {
                    if (RUNNING_STATISTICS.contains(p.getKey())) {
                        n -= p.getValue().length();
                    }
                }
            }
        }
        return n;
    }
}
