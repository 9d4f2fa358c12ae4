package org.signkit.train.onednn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping2D;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.bytedeco.dnnl.memory;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationSwish;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.signkit.train.BroadcastMulVertex;
import org.signkit.train.TrainingEngine;
import org.signkit.train.TrainingEngine.Step;
import org.signkit.train.onednn.OneDnn.Buffer;

/**
 * A DL4J {@link ComputationGraph} whose forward and backward passes run as oneDNN primitives in oneDNN's
 * blocked layouts, while the parameters, gradients and updater state stay DL4J's: a step writes the
 * gradient into the graph's own gradient view and applies the graph's own updater, so the model saves,
 * restores and resumes as any DL4J model, and the DL4J path gives the same gradients (OneDnnNetworkTest).
 * It runs float networks of convolutions (plain and depthwise), batch norm, swish/sigmoid/ReLU, max
 * pooling, global average pooling, squeeze-and-excitation products, residual sums, dense layers and a
 * dense softmax output with cross-entropy — EfficientNet-B0 and the baseline CNN — and
 * {@link #unsupported} names what keeps any other graph on DL4J's path. Each batch shape gets a compiled
 * plan; a new shape replaces it (its buffers freed at once).
 */
public final class OneDnnNetwork implements TrainingEngine.BoundNetwork {


    private final ComputationGraph net;
    private final Map<String, Map<String, INDArray>> gradients = new HashMap<>();
    private Plan plan;

    /**
     * @throws IllegalArgumentException if {@link #unsupported} names a reason
     */
    public OneDnnNetwork(ComputationGraph net) {
        String why = unsupported(net);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        this.net = net;
        // DL4J's initGradientsView() always makes a new array; an updater made before (a restored model)
        // would then update views of the old one.
        if (net.getFlattenedGradients() == null) {
            net.initGradientsView();
        }
        for (GraphVertex v : net.getVertices()) {
            if (v.hasLayer() && v.getLayer().numParams() > 0) {
                Layer layer = v.getLayer();
                gradients.put(v.getVertexName(), layer.conf().getLayer().initializer()
                        .getGradientsFromFlattened(layer.conf(), layer.getGradientsViewArray()));
            }
        }
    }

    /** Why {@code net} cannot run here (the first vertex that cannot), or null when it can. */
    public static String unsupported(ComputationGraph net) {
        if (net.getConfiguration().getNetworkInputs().size() != 1 || net.getConfiguration().getNetworkOutputs().size() != 1) {
            return "the oneDNN path runs graphs of one input and one output";
        }
        if (net.params().dataType() != DataType.FLOAT) {
            return "the oneDNN path runs float networks, not " + net.params().dataType();
        }
        for (GraphVertex v : net.getVertices()) {
            if (v.isInputVertex()) {
                continue;
            }
            String why = unsupported(net, v);
            if (why != null) {
                return v.getVertexName() + ": " + why;
            }
        }
        return null;
    }

    private static String unsupported(ComputationGraph net, GraphVertex v) {
        var conf = net.getConfiguration().getVertices().get(v.getVertexName());
        if (conf instanceof BroadcastMulVertex) {
            return null;
        }
        if (conf instanceof ElementWiseVertex e) {
            return e.getOp() == ElementWiseVertex.Op.Add && v.getNumInputArrays() == 2 ? null
                    : "element-wise " + e.getOp() + " of " + v.getNumInputArrays() + " inputs";
        }
        List<String> from = net.getConfiguration().getVertexInputs().get(v.getVertexName());
        if (conf instanceof MergeVertex) {
            // Feature vectors side by side: every input a dense layer's output.
            return from.stream().allMatch(i -> net.getVertex(i).hasLayer()
                    && net.getVertex(i).getLayer().conf().getLayer() instanceof DenseLayer) ? null
                    : "merge of inputs other than dense layers";
        }
        if (!(conf instanceof org.deeplearning4j.nn.conf.graph.LayerVertex lv)) {
            return "vertex " + conf.getClass().getSimpleName();
        }
        var layer = lv.getLayerConf().getLayer();
        if (layer instanceof Cropping2D) {
            // Crops read the plain network input.
            return lv.getPreProcessor() == null && net.getConfiguration().getNetworkInputs().containsAll(from) ? null
                    : "a crop of anything but the network input";
        }
        if (lv.getPreProcessor() != null && !(layer instanceof DenseLayer
                && lv.getPreProcessor() instanceof CnnToFeedForwardPreProcessor p && p.getFormat() == CNN2DFormat.NCHW)) {
            return "input preprocessor " + lv.getPreProcessor().getClass().getSimpleName();
        }
        if (layer instanceof BaseLayer b && b.getGradientNormalization() != null
                && b.getGradientNormalization() != GradientNormalization.None) {
            return "gradient normalization " + b.getGradientNormalization();
        }
        if (layer.getIDropout() != null && !(layer instanceof OutputLayer && layer.getIDropout() instanceof Dropout d
                && d.getPSchedule() == null)) {
            return "dropout " + layer.getIDropout();
        }
        if (layer instanceof ConvolutionLayer c) {
            if (c.getCnn2dDataFormat() != CNN2DFormat.NCHW || c.getDilation()[0] != 1 || c.getDilation()[1] != 1
                    || (c.getConvolutionMode() != ConvolutionMode.Same && c.getConvolutionMode() != ConvolutionMode.Truncate)) {
                return "convolution other than NCHW, dilation 1, Same or Truncate";
            }
            if (layer instanceof DepthwiseConvolution2D d && d.getDepthMultiplier() != 1) {
                return "depth multiplier " + d.getDepthMultiplier();
            }
            if (c.getClass() != ConvolutionLayer.class && c.getClass() != DepthwiseConvolution2D.class) {
                return c.getClass().getSimpleName();
            }
            return activation(c.getActivationFn()) == null && !(c.getActivationFn() instanceof ActivationIdentity)
                    ? "activation " + c.getActivationFn() : null;
        }
        if (layer instanceof BatchNormalization b) {
            return b.isLockGammaBeta() ? "batch norm with locked gamma/beta" : null;
        }
        if (layer instanceof SubsamplingLayer p) {
            return p.getPoolingType() != org.deeplearning4j.nn.conf.layers.PoolingType.MAX
                    || p.getCnn2dDataFormat() != CNN2DFormat.NCHW || p.getDilation()[0] != 1 || p.getDilation()[1] != 1
                    || (p.getConvolutionMode() != ConvolutionMode.Same && p.getConvolutionMode() != ConvolutionMode.Truncate)
                    ? "pooling other than max, NCHW, dilation 1, Same or Truncate" : null;
        }
        if (layer instanceof DenseLayer d) {
            return d.hasBias() && (activation(d.getActivationFn()) != null || d.getActivationFn() instanceof ActivationIdentity)
                    ? null : "dense layer without bias or with activation " + d.getActivationFn();
        }
        if (layer instanceof ActivationLayer a) {
            return activation(a.getActivationFn()) == null && !(a.getActivationFn() instanceof ActivationIdentity)
                    ? "activation " + a.getActivationFn() : null;
        }
        if (layer instanceof GlobalPoolingLayer g) {
            return g.getPoolingType() == PoolingType.AVG ? null : "global pooling " + g.getPoolingType();
        }
        if (layer instanceof OutputLayer o) {
            return o.getLossFn() instanceof LossMCXENT loss && loss.getWeights() == null
                    && o.getActivationFn() instanceof ActivationSoftmax && o.hasBias() ? null
                    : "output layer other than softmax + unweighted cross-entropy with bias";
        }
        return "layer " + layer.getClass().getSimpleName();
    }

    private static ActivationNode.Kind activation(IActivation a) {
        if (a instanceof ActivationSwish) {
            return ActivationNode.Kind.SWISH;
        }
        if (a instanceof ActivationSigmoid) {
            return ActivationNode.Kind.SIGMOID;
        }
        if (a instanceof ActivationReLU r && r.getMax() == null && zero(r.getThreshold()) && zero(r.getNegativeSlope())) {
            return ActivationNode.Kind.RELU;
        }
        return null;
    }

    private static boolean zero(Double d) {
        return d == null || d == 0;
    }

    /** One training step: forward, backward, the graph's updater; returns the mean loss and the predictions. */
    @Override
    public synchronized Step fit(INDArray features, INDArray labels) {
        // DL4J's updater divides every gradient but the running statistics' by the minibatch (one op per
        // parameter run) before its updater blocks; scaling the loss gradient instead gives the same
        // gradient in the backward pass, so only the blocks (Adam, no-op for the statistics) run here.
        boolean miniBatch = net.getConfiguration().getDefaultConfiguration().isMiniBatch();
        Step step = plan(features).train(features, labels, miniBatch ? 1.0 / features.size(0) : 1.0);
        int iteration = net.getConfiguration().getIterationCount();
        int epoch = net.getConfiguration().getEpochCount();
        for (UpdaterBlock block : net.getUpdater().getUpdaterBlocks()) {
            if (!block.skipDueToPretrainConfig(false)) {
                block.update(iteration, epoch);
            }
        }
        INDArray flat = net.getFlattenedGradients();
        net.params().subi(flat.reshape(flat.length()));
        net.getConfiguration().setIterationCount(iteration + 1);
        return step;
    }

    /**
     * Forward and backward in training mode, leaving the gradient (DL4J's, before the updater) in the
     * graph's gradient view; no parameter changes. For comparing with DL4J's own backward pass.
     */
    public synchronized Step gradientAndScore(INDArray features, INDArray labels) {
        return plan(features).train(features, labels, 1.0);
    }

    /** Class probabilities, [N, classes], with the running batch-norm statistics (no dropout). */
    @Override
    public synchronized INDArray output(INDArray features) {
        return plan(features).infer(features);
    }

    /**
     * Frees the compiled plan's buffers now (about 2 GB for EfficientNet-B0 at 224 px) rather than when the
     * garbage collector gets to them; the network stays usable, its next call compiles again.
     */
    @Override
    public synchronized void close() {
        if (plan != null) {
            plan.release();
            plan = null;
        }
    }

    private Plan plan(INDArray features) {
        if (features.rank() != 4 || features.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("expected float NCHW images, got " + features.shapeInfoToString());
        }
        if (plan == null || !java.util.Arrays.equals(plan.shape, features.shape())) {
            // One plan at a time: at 224 px a plan holds ~2 GB of activations and gradients, so the old
            // one's buffers are freed now, not when the garbage collector gets to them.
            close();
            List<INDArray> owned = new ArrayList<>();
            Buffer.recordAllocations(owned);
            try {
                plan = new Plan(features.shape(), owned);
            } catch (RuntimeException e) {
                owned.forEach(INDArray::close);
                throw e;
            } finally {
                Buffer.recordAllocations(null);
            }
        }
        return plan;
    }

    /** The primitives and buffers of one input shape. */
    private final class Plan {
        private final long[] shape;
        private final List<INDArray> owned;
        private final Buffer input;
        private final List<Node> nodes = new ArrayList<>();
        private final Tensor head;
        private final OneDnn.Relaid headValue;
        private final Tensor.GradientSlot headGradient;
        private final INDArray weights;
        private final INDArray bias;
        private final INDArray weightGradient;
        private final INDArray biasGradient;
        private final double retain;

        /** @param owned the arrays this plan's buffers live in, freed by {@link #release} */
        Plan(long[] shape, List<INDArray> owned) {
            this.shape = shape.clone();
            this.owned = owned;
            Map<String, Tensor> tensors = new HashMap<>();
            String inputName = net.getConfiguration().getNetworkInputs().get(0);
            Tensor in = new Tensor(shape, OneDnn.plain(shape), false);
            input = in.value;
            tensors.put(inputName, in);
            String outputName = net.getConfiguration().getNetworkOutputs().get(0);
            GraphVertex[] vertices = net.getVertices();
            for (int index : net.topologicalSortOrder()) {
                GraphVertex v = vertices[index];
                String name = v.getVertexName();
                if (v.isInputVertex() || name.equals(outputName)) {
                    continue;
                }
                List<Tensor> inputs = net.getConfiguration().getVertexInputs().get(name).stream().map(tensors::get)
                        .toList();
                tensors.put(name, compile(v, inputs));
            }
            Layer output = net.getVertex(outputName).getLayer();
            head = tensors.get(net.getConfiguration().getVertexInputs().get(outputName).get(0));
            headValue = OneDnn.Relaid.of(head.value, OneDnn.plain(head.dims));
            weights = output.getParam("W");
            bias = output.getParam("b");
            weightGradient = gradients.get(outputName).get("W");
            biasGradient = gradients.get(outputName).get("b");
            var dropout = output.conf().getLayer().getIDropout();
            retain = dropout == null ? 1 : ((Dropout) dropout).getP();
            BackwardBuffers pool = new BackwardBuffers();
            Buffer.reuseBackward(pool);
            try {
                headGradient = head.claim(OneDnn.plain(head.dims));
                for (int i = nodes.size() - 1; i >= 0; i--) {
                    nodes.get(i).planBackward();
                    pool.endNode();
                    nodes.get(i).output().releaseGradient(pool);
                }
            } finally {
                Buffer.reuseBackward(null);
            }
        }

        void release() {
            owned.forEach(INDArray::close);
        }

        private Tensor compile(GraphVertex v, List<Tensor> inputs) {
            var conf = net.getConfiguration().getVertices().get(v.getVertexName());
            if (conf instanceof BroadcastMulVertex) {
                boolean firstIsMap = inputs.get(0).dims[2] * inputs.get(0).dims[3] >= inputs.get(1).dims[2] * inputs.get(1).dims[3];
                return add(new BroadcastMulNode(firstIsMap ? inputs.get(0) : inputs.get(1),
                        firstIsMap ? inputs.get(1) : inputs.get(0)));
            }
            if (conf instanceof ElementWiseVertex) {
                return add(new AddNode(inputs.get(0), inputs.get(1)));
            }
            if (conf instanceof MergeVertex) {
                return add(new ConcatNode(inputs));
            }
            if (v.getLayer().conf().getLayer() instanceof Cropping2D c) {
                int[] crop = c.getCropping();
                return add(new CropNode(inputs.get(0), crop[0], crop[1], crop[2], crop[3]));
            }
            Tensor in = inputs.get(0);
            Layer layer = v.getLayer();
            var lc = layer.conf().getLayer();
            Map<String, INDArray> grads = gradients.get(v.getVertexName());
            if (lc instanceof ConvolutionLayer c) {
                Convolution geometry = geometry(c.getConvolutionMode(), in.dims,
                        c instanceof DepthwiseConvolution2D ? in.dims[1] : layer.getParam("W").size(0),
                        c.getKernelSize(), c.getStride(), c.getPadding());
                Tensor out = add(new WeightedNode(in, geometry.outDims(in.dims), convolutionParameters(c, layer, grads,
                        in.dims), geometry));
                return activate(out, c.getActivationFn());
            }
            if (lc instanceof DenseLayer) {
                INDArray w = layer.getParam("W");
                Tensor out = add(new WeightedNode(in, new long[] {in.dims[0], w.size(1)}, new WeightedNode.Parameters(w,
                        grads.get("W"), denseLayout(w, in.dims), layer.getParam("b"), grads.get("b")),
                        new InnerProduct()));
                return activate(out, ((DenseLayer) lc).getActivationFn());
            }
            if (lc instanceof SubsamplingLayer p) {
                return add(new MaxPoolNode(in, geometry(p.getConvolutionMode(), in.dims, in.dims[1], p.getKernelSize(),
                        p.getStride(), p.getPadding())));
            }
            if (lc instanceof BatchNormalization b) {
                String var = b.isUseLogStd() ? BatchNormalizationParamInitializer.GLOBAL_LOG_STD
                        : BatchNormalizationParamInitializer.GLOBAL_VAR;
                return add(new BatchNormNode(in, new BatchNormNode.Spec(layer.getParam("gamma"), layer.getParam("beta"),
                        layer.getParam("mean"), layer.getParam(var), b.isUseLogStd(), grads.get("gamma"),
                        grads.get("beta"), grads.get("mean"), grads.get(var), b.getEps(), b.getDecay())));
            }
            if (lc instanceof ActivationLayer a) {
                return activate(in, a.getActivationFn());
            }
            return add(new AveragePoolNode(in));
        }

        private Tensor add(Node node) {
            nodes.add(node);
            return node.output();
        }

        private Tensor activate(Tensor in, IActivation fn) {
            ActivationNode.Kind act = activation(fn);
            return act == null ? in : add(new ActivationNode(in, act));
        }

        /** DL4J's window arithmetic: "same" pads (total - total / 2) after, as DL4J does; truncate as configured. */
        private static Convolution geometry(ConvolutionMode mode, long[] in, long outChannels, int[] k, int[] s,
                                            int[] padding) {
            long[] before;
            long[] after;
            if (mode == ConvolutionMode.Same) {
                int[] inSize = {(int) in[2], (int) in[3]};
                int[] outSize = {(inSize[0] + s[0] - 1) / s[0], (inSize[1] + s[1] - 1) / s[1]};
                int[] top = ConvolutionUtils.getSameModeTopLeftPadding(outSize, inSize, k, s, new int[] {1, 1});
                before = new long[] {top[0], top[1]};
                after = new long[] {(outSize[0] - 1L) * s[0] + k[0] - inSize[0] - top[0],
                        (outSize[1] - 1L) * s[1] + k[1] - inSize[1] - top[1]};
            } else {
                before = new long[] {padding[0], padding[1]};
                after = before;
            }
            return new Convolution(outChannels, new long[] {k[0], k[1]}, new long[] {s[0], s[1]}, before, after);
        }

        private WeightedNode.Parameters convolutionParameters(ConvolutionLayer c, Layer layer,
                                                              Map<String, INDArray> grads, long[] in) {
            INDArray w = layer.getParam("W");
            int[] k = c.getKernelSize();
            // DL4J keeps depthwise weights as [kH, kW, C, 1]; oneDNN sees them as goihw [C, 1, 1, kH, kW].
            boolean depthwise = c instanceof DepthwiseConvolution2D;
            memory.desc layout = depthwise ? OneDnn.of(w, new long[] {in[1], 1, 1, k[0], k[1]}, new int[] {2, 3, -1, 0, 1})
                    : OneDnn.of(w, new long[] {w.size(0), in[1], k[0], k[1]}, new int[] {0, 1, 2, 3});
            return new WeightedNode.Parameters(w, grads.get("W"), layout, c.hasBias() ? layer.getParam("b") : null,
                    c.hasBias() ? grads.get("b") : null);
        }

        /**
         * A dense layer's W, [in, out], as oneDNN's [out, in] or [out, C, H, W] for an image input (DL4J
         * flattens NCHW in C order).
         */
        private static memory.desc denseLayout(INDArray w, long[] in) {
            long sIn = w.stride(0);
            long sOut = w.stride(1);
            if (in.length == 2) {
                return new memory.desc(new long[] {w.size(1), in[1]}, memory.data_type.f32, new long[] {sOut, sIn});
            }
            return new memory.desc(new long[] {w.size(1), in[1], in[2], in[3]}, memory.data_type.f32,
                    new long[] {sOut, in[2] * in[3] * sIn, in[3] * sIn, sIn});
        }

        private INDArray forward(INDArray features, boolean training) {
            input.array().reshape(features.shape()).assign(features);
            for (Node node : nodes) {
                node.forward(training);
            }
            headValue.refresh();
            return headValue.buffer().array().reshape(head.dims[0], head.dims[1]);
        }

        /** @param lossScale factor on the loss gradient (1 / minibatch: DL4J's minibatch division done early) */
        Step train(INDArray features, INDArray labels, double lossScale) {
            INDArray x = forward(features, true);
            INDArray mask = null;
            if (retain < 1) {
                mask = Nd4j.rand(DataType.FLOAT, x.shape()).lt(retain).castTo(DataType.FLOAT).divi(retain);
                x = x.mul(mask);
            }
            INDArray probabilities = Transforms.softmax(x.mmul(weights).addiRowVector(bias), false);
            long n = x.size(0);
            double score = -Transforms.log(Transforms.max(probabilities, 1e-10, true), false).muli(labels).sumNumber()
                    .doubleValue() / n;
            INDArray dz = probabilities.sub(labels).muli(lossScale);
            weightGradient.assign(x.transpose().mmul(dz));
            biasGradient.assign(dz.sum(true, 0));
            INDArray dx = dz.mmul(weights.transpose());
            if (mask != null) {
                dx.muli(mask);
            }
            headGradient.buffer().array().reshape(dx.shape()).assign(dx);
            headGradient.commit();
            for (int i = nodes.size() - 1; i >= 0; i--) {
                nodes.get(i).backward();
            }
            return new Step(score, Nd4j.argMax(probabilities, 1).toIntVector());
        }

        INDArray infer(INDArray features) {
            INDArray x = forward(features, false);
            return Transforms.softmax(x.mmul(weights).addiRowVector(bias), false);
        }
    }
}
