package org.signkit.train;

import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;

/**
 * Squeeze-and-excitation's channel multiply, [N,C,H,W] × [N,C,1,1]. DL4J 1.0.0-M2.1's element-wise
 * vertex already broadcasts at run time, forwards and backwards; only its configuration-time type check
 * rejects inputs of different sizes, so this subclass reports the first input's type. (ND4J's
 * {@code SameDiffLambdaVertex} computes wrong gradients for this product: do not use it.)
 */
public class BroadcastMulVertex extends ElementWiseVertex {

    private static final long serialVersionUID = 1L;

    public BroadcastMulVertex() {
        super(Op.Product);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) {
        return vertexInputs[0];
    }

    @Override
    public BroadcastMulVertex clone() {
        return new BroadcastMulVertex();
    }
}
