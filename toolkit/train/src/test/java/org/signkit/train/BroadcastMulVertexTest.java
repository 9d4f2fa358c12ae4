package org.signkit.train;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.NoOp;

/** The squeeze-and-excitation multiply's own backward pass gives DL4J's gradients, in either input order. */
class BroadcastMulVertexTest {

    /** The same configuration, run by DL4J's stock element-wise vertex. */
    static final class StockProduct extends BroadcastMulVertex {
        @Override
        public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
                INDArray paramsView, boolean initializeParams, DataType networkDatatype) {
            return new org.deeplearning4j.nn.graph.vertex.impl.ElementWiseVertex(graph, name, idx,
                    org.deeplearning4j.nn.graph.vertex.impl.ElementWiseVertex.Op.Product, networkDatatype);
        }
    }

    @Test
    void gradientsEqualDl4jsWithTheMapFirst() {
        compare(false);
    }

    @Test
    void gradientsEqualDl4jsWithTheGateFirst() {
        compare(true);
    }

    private static void compare(boolean gateFirst) {
        ComputationGraph fast = new ComputationGraph(graph(new BroadcastMulVertex(), gateFirst));
        fast.init();
        ComputationGraph stock = new ComputationGraph(graph(new StockProduct(), gateFirst));
        stock.init(fast.params().dup(), true);
        assertInstanceOf(BroadcastMulVertex.Runtime.class, fast.getVertex("se"));
        GraphGradients.assertAgree(stock, fast, DataType.DOUBLE, 4, 3, 9, 7, 3, 1e-12, 0, 1e-9);
    }

    private static ComputationGraphConfiguration graph(GraphVertex product, boolean gateFirst) {
        ComputationGraphConfiguration.GraphBuilder g = NetworkArchitecture.imageGraph(11, DataType.DOUBLE, new NoOp(), 9, 7);
        g.addLayer("map", new ConvolutionLayer.Builder(3, 3).nOut(6).activation(Activation.TANH).build(), "input");
        g.addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).collapseDimensions(false).build(), "map");
        g.addLayer("gate", new ConvolutionLayer.Builder(1, 1).nOut(6).activation(Activation.SIGMOID).build(), "pool");
        if (gateFirst) {
            g.addVertex("se", product, "gate", "map");
        } else {
            g.addVertex("se", product, "map", "gate");
        }
        g.addLayer("head", new GlobalPoolingLayer.Builder(PoolingType.MAX).build(), "se");
        NetworkArchitecture.softmaxOutput(g, "head", 3, 0);
        return g.build();
    }
}
