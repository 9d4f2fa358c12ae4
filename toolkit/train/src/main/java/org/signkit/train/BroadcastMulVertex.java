package org.signkit.train;

import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Squeeze-and-excitation's channel multiply, [N,C,H,W] × [N,C,1,1]. DL4J 1.0.0-M2.1's element-wise
 * vertex already broadcasts at run time, forwards and backwards; only its configuration-time type check
 * rejects inputs of different sizes, so this subclass reports the first input's type. (ND4J's
 * {@code SameDiffLambdaVertex} computes wrong gradients for this product: do not use it.)
 *
 * <p>Its backward pass is DL4J's rewritten: DL4J materialises the [N,C,1,1] gate at full size with the
 * generic {@code BroadcastTo} op (an element-by-element tile that took about an eighth of EfficientNet-B0's
 * native time) before multiplying; here the gate's gradient is the product reduced over H and W and the
 * feature map's gradient one broadcast multiply, the same numbers without the tile.
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
    public GraphVertex instantiate(ComputationGraph graph, String name, int idx, INDArray paramsView,
                                   boolean initializeParams, DataType networkDatatype) {
        return new Runtime(graph, name, idx, networkDatatype);
    }

    @Override
    public BroadcastMulVertex clone() {
        return new BroadcastMulVertex();
    }

    /** The vertex in a network: DL4J's forward product, the backward pass without the tile. */
    static final class Runtime extends org.deeplearning4j.nn.graph.vertex.impl.ElementWiseVertex {

        Runtime(ComputationGraph graph, String name, int idx, DataType dataType) {
            super(graph, name, idx, org.deeplearning4j.nn.graph.vertex.impl.ElementWiseVertex.Op.Product, dataType);
        }

        @Override
        public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
            if (inputs.length != 2 || inputs[0].equalShapes(inputs[1])) {
                return super.doBackward(tbptt, workspaceMgr);
            }
            int full = inputs[0].equalShapes(epsilon) ? 0 : 1;
            INDArray map = inputs[full];
            INDArray gate = inputs[1 - full];
            INDArray mapGrad = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, epsilon.dataType(),
                    epsilon.shape(), 'c');
            Nd4j.exec(new MulOp(new INDArray[] {epsilon, gate}, new INDArray[] {mapGrad}));
            INDArray weighted = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, epsilon.dataType(),
                    epsilon.shape(), 'c');
            Nd4j.exec(new MulOp(new INDArray[] {epsilon, map}, new INDArray[] {weighted}));
            INDArray gateGrad;
            try (MemoryWorkspace ws = workspaceMgr.notifyScopeBorrowed(ArrayType.ACTIVATION_GRAD)) {
                gateGrad = weighted.sum(true, 2, 3);
            }
            INDArray[] grads = new INDArray[2];
            grads[full] = mapGrad;
            grads[1 - full] = gateGrad;
            return new Pair<>(null, grads);
        }
    }
}
