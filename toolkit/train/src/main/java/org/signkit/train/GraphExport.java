package org.signkit.train;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping2D;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.signkit.core.AtomicFiles;
import org.signkit.core.Json;

/**
 * A DL4J image graph written for a PyTorch twin ({@code signkit bench fidelity}, and {@code bench train}'s peer of
 * the multi-stream network): {@code graph.json} gives the input shape and lists the vertices in topological order
 * (kind, inputs, kernel, stride, padding mode, activation, batch-norm epsilon, crops, dropout on the input) and
 * {@code params.bin} holds every parameter as little-endian float32 (float64 for a double network, {@code "dtype"})
 * in DL4J's own layout, at the offsets the JSON gives. The twin converts layouts (dense weights are [in, out] here, depthwise weights [kh, kw, in, multiplier]).
 */
public final class GraphExport {

    private GraphExport() {
    }

    /** Writes {@code graph.json} and {@code params.bin} of {@code net}, a network of {@code arch}, into {@code dir}. */
    public static void write(ComputationGraph net, NetworkArchitecture arch, Path dir) throws IOException {
        List<Map<String, Object>> vertices = new ArrayList<>();
        List<INDArray> arrays = new ArrayList<>();
        List<Map<String, Object>> params = new ArrayList<>();
        long offset = 0;
        for (int index : net.topologicalSortOrder()) {
            GraphVertex v = net.getVertices()[index];
            if (v.isInputVertex()) {
                continue;
            }
            String name = v.getVertexName();
            Map<String, Object> d = vertex(net, name);
            d.put("name", name);
            d.put("inputs", net.getConfiguration().getVertexInputs().get(name));
            vertices.add(d);
            if (v.hasLayer()) {
                for (Map.Entry<String, INDArray> p : v.getLayer().paramTable().entrySet()) {
                    INDArray a = p.getValue();
                    params.add(Map.of("vertex", name, "param", p.getKey(), "shape", a.shape(), "offset", offset));
                    offset += a.length();
                    arrays.add(a);
                }
            }
        }
        Map<String, Object> graph = new LinkedHashMap<>();
        graph.put("input", net.getConfiguration().getNetworkInputs().get(0));
        // DL4J keeps no input types in a built configuration: the architecture gives the RGB input's size.
        graph.put("inputShape", new int[] {3, arch.height(), arch.width()});
        graph.put("vertices", vertices);
        graph.put("params", params);
        boolean doubles = net.params().dataType() == DataType.DOUBLE;
        graph.put("dtype", doubles ? "float64" : "float32");
        Json.write(dir.resolve("graph.json"), graph);
        AtomicFiles.write(dir.resolve("params.bin"), out -> {
            for (INDArray a : arrays) {
                if (doubles) {
                    writeDoubles(out, a.dup('c').data().asDouble());
                } else {
                    writeFloats(out, a.castTo(DataType.FLOAT).dup('c').data().asFloat());
                }
            }
        });
    }

    /** Writes {@code values} as little-endian float32. */
    public static void writeFloats(OutputStream out, float[] values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        out.write(b.array());
    }

    private static void writeDoubles(OutputStream out, double[] values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(values);
        out.write(b.array());
    }

    private static Map<String, Object> vertex(ComputationGraph net, String name) {
        var conf = net.getConfiguration().getVertices().get(name);
        Map<String, Object> d = new LinkedHashMap<>();
        if (conf instanceof BroadcastMulVertex) {
            d.put("kind", "broadcast_mul");
        } else if (conf instanceof ElementWiseVertex e && e.getOp() == ElementWiseVertex.Op.Add) {
            d.put("kind", "add");
        } else if (conf instanceof MergeVertex) {
            d.put("kind", "concat");
        } else if (conf instanceof LayerVertex lv) {
            InputPreProcessor pre = lv.getPreProcessor();
            if (pre != null && !(pre instanceof CnnToFeedForwardPreProcessor)) {
                throw new IllegalArgumentException(name + ": no twin for preprocessor " + pre.getClass().getSimpleName());
            }
            d.put("flatten", pre != null);
            layer(lv.getLayerConf().getLayer(), name, d);
        } else {
            throw new IllegalArgumentException(name + ": no twin for vertex " + conf.getClass().getSimpleName());
        }
        return d;
    }

    private static void layer(Layer layer, String name, Map<String, Object> d) {
        if (layer.getIDropout() instanceof Dropout dropout) {
            // DL4J's dropout acts on the layer's input and keeps p of it.
            d.put("dropout", 1 - dropout.getP());
        } else if (layer.getIDropout() != null) {
            throw new IllegalArgumentException(name + ": no twin for " + layer.getIDropout().getClass().getSimpleName());
        }
        if (layer instanceof Cropping2D c) {
            d.put("kind", "crop");
            d.put("cropping", c.getCropping());
        } else if (layer instanceof DepthwiseConvolution2D c) {
            d.put("kind", "depthwise_conv");
            convolution(c, d);
        } else if (layer instanceof ConvolutionLayer c) {
            d.put("kind", "conv");
            convolution(c, d);
        } else if (layer instanceof SubsamplingLayer s) {
            d.put("kind", s.getPoolingType().name().toLowerCase(java.util.Locale.ROOT) + "_pool");
            d.put("kernel", s.getKernelSize());
            d.put("stride", s.getStride());
            d.put("same", s.getConvolutionMode() == ConvolutionMode.Same);
        } else if (layer instanceof GlobalPoolingLayer g) {
            d.put("kind", "global_" + g.getPoolingType().name().toLowerCase(java.util.Locale.ROOT) + "_pool");
            d.put("collapse", g.isCollapseDimensions());
        } else if (layer instanceof BatchNormalization b) {
            d.put("kind", "batch_norm");
            d.put("eps", b.getEps());
            d.put("decay", b.getDecay());
            d.put("logStd", b.isUseLogStd());
        } else if (layer instanceof ActivationLayer a) {
            d.put("kind", "activation");
            d.put("activation", activation(a.getActivationFn()));
        } else if (layer instanceof OutputLayer o) {
            d.put("kind", "softmax_output");
            d.put("activation", activation(o.getActivationFn()));
        } else if (layer instanceof DenseLayer l) {
            d.put("kind", "dense");
            d.put("activation", activation(l.getActivationFn()));
            d.put("bias", l.hasBias());
        } else {
            throw new IllegalArgumentException(name + ": no twin for layer " + layer.getClass().getSimpleName());
        }
    }

    private static void convolution(ConvolutionLayer c, Map<String, Object> d) {
        d.put("kernel", c.getKernelSize());
        d.put("stride", c.getStride());
        d.put("dilation", c.getDilation());
        d.put("same", c.getConvolutionMode() == ConvolutionMode.Same);
        d.put("padding", c.getPadding());
        d.put("bias", c.hasBias());
        d.put("activation", activation(c.getActivationFn()));
    }

    private static String activation(IActivation a) {
        return a.getClass().getSimpleName().replace("Activation", "").toLowerCase(java.util.Locale.ROOT);
    }
}
