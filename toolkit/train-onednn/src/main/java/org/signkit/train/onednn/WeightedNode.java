package org.signkit.train.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;

import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive;
import org.bytedeco.dnnl.primitive_desc;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.signkit.train.onednn.OneDnn.Buffer;
import org.signkit.train.onednn.OneDnn.Copy;

/**
 * A layer with DL4J weights (and optionally a bias) read in place every step: the weights are reordered
 * into the layout oneDNN's kernels want, the weight gradient is reordered back into DL4J's gradient view,
 * the bias and its gradient are used in place. {@link Primitives} says which primitive (convolution,
 * inner product).
 */
final class WeightedNode implements Node {

    /** The three primitives of one kind of weighted layer (weights and output layouts may be "any"). */
    interface Primitives {
        primitive_desc forwardDesc(memory.desc src, memory.desc weights, memory.desc bias, memory.desc dst);

        primitive forward(primitive_desc desc);

        primitive_desc dataDesc(memory.desc diffSrc, memory.desc weights, memory.desc diffDst, primitive_desc hint);

        primitive data(primitive_desc desc);

        primitive_desc weightsDesc(memory.desc src, memory.desc diffWeights, memory.desc diffBias, memory.desc diffDst,
                                   primitive_desc hint);

        primitive weights(primitive_desc desc);
    }

    /**
     * A layer's DL4J arrays.
     *
     * @param weights        DL4J's weight view
     * @param weightGradient DL4J's gradient view of the weights (same shape and order)
     * @param weightLayout   both seen with oneDNN's dims (oihw, goihw or oi)
     * @param bias           bias view ([1, out]) or null
     * @param biasGradient   its gradient view or null
     */
    record Parameters(INDArray weights, INDArray weightGradient, memory.desc weightLayout, INDArray bias,
                      INDArray biasGradient) {
    }

    private final Tensor in;
    private final Tensor out;
    private final Parameters parameters;
    private final Primitives kind;
    private final long[] weightDims;
    private final memory.desc biasDesc;
    private final primitive_desc forwardDesc;
    private final primitive forward;
    private final OneDnn.Args forwardArgs;
    private final OneDnn.Relaid weights;
    private final Buffer bias;
    private Runnable backward;

    WeightedNode(Tensor in, long[] outDims, Parameters parameters, Primitives kind) {
        this.in = in;
        this.parameters = parameters;
        this.kind = kind;
        this.weightDims = new long[parameters.weightLayout.get_ndims()];
        parameters.weightLayout.get_dims().get(weightDims);
        biasDesc = parameters.bias == null ? new memory.desc() : OneDnn.plain(outDims[1]);
        forwardDesc = kind.forwardDesc(in.desc, OneDnn.any(weightDims), biasDesc, OneDnn.any(outDims));
        out = new Tensor(outDims, forwardDesc.dst_desc(), true);
        forward = kind.forward(forwardDesc);
        weights = OneDnn.Relaid.of(Buffer.wrap(parameters.weights, parameters.weightLayout),
                forwardDesc.weights_desc());
        bias = parameters.bias == null ? null : Buffer.wrap(parameters.bias, biasDesc);
        forwardArgs = bias == null
                ? OneDnn.args(DNNL_ARG_SRC, in.value, DNNL_ARG_WEIGHTS, weights.buffer(), DNNL_ARG_DST, out.value)
                : OneDnn.args(DNNL_ARG_SRC, in.value, DNNL_ARG_WEIGHTS, weights.buffer(), DNNL_ARG_BIAS, bias, DNNL_ARG_DST,
                out.value);
    }

    @Override
    public Tensor output() {
        return out;
    }

    @Override
    public void forward(boolean training) {
        weights.refresh();
        OneDnn.execute(forward, forwardArgs);
    }

    @Override
    public void planBackward() {
        var weightsDesc = kind.weightsDesc(in.desc, OneDnn.any(weightDims), biasDesc, out.desc, forwardDesc);
        memory.desc srcLayout = in.desc;
        memory.desc diffDstLayout = out.desc;
        if (cost(weightsDesc) == 2 && kind instanceof Convolution) {
            // oneDNN's AVX2 depthwise weight gradient has JIT code for 5x5 only in channels-last
            // (its blocked-layout kernel is 3x3-only; the reference fallback is ~100x slower).
            memory.desc src = new memory.desc(in.dims, memory.data_type.f32, memory.format_tag.acdb);
            memory.desc dst = new memory.desc(out.dims, memory.data_type.f32, memory.format_tag.acdb);
            var channelsLast = kind.weightsDesc(src, OneDnn.any(weightDims), biasDesc, dst,
                    kind.forwardDesc(src, OneDnn.any(weightDims), biasDesc, dst));
            if (cost(channelsLast) < cost(weightsDesc)) {
                weightsDesc = channelsLast;
                srcLayout = src;
                diffDstLayout = dst;
            }
        }
        Runnable weightStep;
        Buffer weightGradient;
        Buffer biasGradient = bias == null ? null : Buffer.wrap(parameters.biasGradient, biasDesc);
        if (cost(weightsDesc) > 0 && kind instanceof Convolution geometry && weightDims.length == 5
                && weightDims[1] == 1 && weightDims[2] == 1) {
            weightGradient = Buffer.allocate(OneDnn.plain(weightDims));
            weightStep = new DepthwiseWeightGradient(in, out, geometry, weightGradient, biasGradient);
        } else {
            primitive weightsBackward = kind.weights(weightsDesc);
            OneDnn.Relaid src = OneDnn.Relaid.of(in.value, srcLayout);
            OneDnn.Relaid diffDst = OneDnn.Relaid.of(out.gradient(), diffDstLayout);
            weightGradient = Buffer.allocate(weightsDesc.diff_weights_desc());
            OneDnn.Args weightArgs = bias == null
                    ? OneDnn.args(DNNL_ARG_SRC, src.buffer(), DNNL_ARG_DIFF_DST, diffDst.buffer(), DNNL_ARG_DIFF_WEIGHTS,
                    weightGradient)
                    : OneDnn.args(DNNL_ARG_SRC, src.buffer(), DNNL_ARG_DIFF_DST, diffDst.buffer(), DNNL_ARG_DIFF_WEIGHTS,
                    weightGradient, DNNL_ARG_DIFF_BIAS, biasGradient);
            weightStep = () -> {
                src.refresh();
                diffDst.refresh();
                OneDnn.execute(weightsBackward, weightArgs);
            };
        }
        Copy weightGradientOut = new Copy(weightGradient, Buffer.wrap(parameters.weightGradient,
                parameters.weightLayout));
        Runnable data = () -> { };
        if (in.needsGradient()) {
            var dataDesc = kind.dataDesc(in.desc, OneDnn.any(weightDims), out.desc, forwardDesc);
            primitive dataBackward = kind.data(dataDesc);
            // The step's weights, already in the forward layout; copied again only if this primitive wants another.
            OneDnn.Relaid dataWeights = OneDnn.Relaid.of(weights.buffer(), dataDesc.weights_desc());
            Tensor.GradientSlot slot = in.claim(dataDesc.diff_src_desc());
            OneDnn.Args dataArgs = OneDnn.args(DNNL_ARG_DIFF_DST, out.gradient(), DNNL_ARG_WEIGHTS, dataWeights.buffer(),
                    DNNL_ARG_DIFF_SRC, slot.buffer());
            data = () -> {
                dataWeights.refresh();
                OneDnn.execute(dataBackward, dataArgs);
                slot.commit();
            };
        }
        Runnable dataStep = data;
        backward = () -> {
            weightStep.run();
            weightGradientOut.run();
            dataStep.run();
        };
    }

    /** 0 for a JIT kernel, 1 for oneDNN's GEMM fallback, 2 for its reference code. */
    private static int cost(primitive_desc desc) {
        String impl = desc.impl_info_str().getString();
        return impl.startsWith("ref") ? 2 : impl.contains("gemm") ? 1 : 0;
    }

    @Override
    public void backward() {
        backward.run();
    }
}
