package org.signkit.train.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.dnnl.convolution_backward_data;
import org.bytedeco.dnnl.convolution_backward_weights;
import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.signkit.train.onednn.OneDnn.Buffer;
import org.signkit.train.onednn.OneDnn.Copy;

/**
 * A 2-D convolution, plain or depthwise (groups = channels), with DL4J's weights read in place every
 * step: they are reordered into the blocked layout oneDNN's kernels want, and the weight gradient is
 * reordered back into DL4J's gradient view.
 */
final class ConvolutionNode implements Node {

    /**
     * A convolution's geometry and DL4J arrays.
     *
     * @param weights         DL4J's weight view
     * @param weightDims      the weights' dims in oneDNN's order (oihw, or goihw for groups)
     * @param weightAxes      the DL4J axis of each of those dims (-1: size 1, absent)
     * @param weightGradient  DL4J's gradient view of the weights (same shape)
     * @param bias            bias view ([1, out]) or null
     * @param biasGradient    its gradient view or null
     * @param outChannels     output channels
     * @param kernel          kernel height, width
     * @param stride          stride height, width
     * @param padBefore       top, left padding
     * @param padAfter        bottom, right padding
     */
    record Spec(INDArray weights, long[] weightDims, int[] weightAxes, INDArray weightGradient, INDArray bias,
                INDArray biasGradient, long outChannels, long[] kernel, long[] stride, long[] padBefore,
                long[] padAfter) {
    }

    private final Tensor in;
    private final Tensor out;
    private final Spec spec;
    private final convolution_forward.primitive_desc forwardDesc;
    private final convolution_forward forward;
    private final Copy weightsIn;
    private final OneDnn.Args forwardArgs;
    private final Buffer dlWeights;
    private final Buffer weights;
    private final Buffer bias;
    private Runnable backward;

    ConvolutionNode(Tensor in, Spec spec, boolean needsGradient) {
        this.in = in;
        this.spec = spec;
        long[] s = in.dims;
        long oh = (s[2] + spec.padBefore[0] + spec.padAfter[0] - spec.kernel[0]) / spec.stride[0] + 1;
        long ow = (s[3] + spec.padBefore[1] + spec.padAfter[1] - spec.kernel[1]) / spec.stride[1] + 1;
        long[] outDims = {s[0], spec.outChannels, oh, ow};
        memory.desc biasDesc = spec.bias == null ? new memory.desc() : OneDnn.plain(spec.outChannels);
        forwardDesc = new convolution_forward.primitive_desc(OneDnn.ENGINE, dnnl.prop_kind.forward_training,
                dnnl.algorithm.convolution_direct, in.desc, OneDnn.any(spec.weightDims), biasDesc, OneDnn.any(outDims),
                spec.stride, spec.padBefore, spec.padAfter);
        out = new Tensor(outDims, forwardDesc.dst_desc(), needsGradient);
        forward = new convolution_forward(forwardDesc);
        dlWeights = Buffer.wrap(spec.weights, OneDnn.of(spec.weights, spec.weightDims, spec.weightAxes));
        weights = Buffer.allocate(forwardDesc.weights_desc());
        weightsIn = new Copy(dlWeights, weights);
        bias = spec.bias == null ? null : Buffer.wrap(spec.bias, biasDesc);
        forwardArgs = bias == null
                ? OneDnn.args(DNNL_ARG_SRC, in.value, DNNL_ARG_WEIGHTS, weights, DNNL_ARG_DST, out.value)
                : OneDnn.args(DNNL_ARG_SRC, in.value, DNNL_ARG_WEIGHTS, weights, DNNL_ARG_BIAS, bias, DNNL_ARG_DST,
                out.value);
    }

    @Override
    public Tensor output() {
        return out;
    }

    @Override
    public void forward(boolean training) {
        weightsIn.run();
        OneDnn.execute(forward, forwardArgs);
    }

    @Override
    public void planBackward() {
        // Weight gradient first: it needs the input's value, which the data gradient does not overwrite.
        memory.desc biasDesc = bias == null ? new memory.desc() : bias.desc();
        var weightsDesc = weightGradientDesc(in.desc, out.desc, biasDesc, forwardDesc);
        Buffer weightsSrc = in.value;
        Buffer weightsDiffDst = out.gradient();
        List<Copy> toChannelsLast = new ArrayList<>();
        if (weightsDesc.impl_info_str().getString().startsWith("ref")) {
            // oneDNN's AVX2 depthwise weight gradient has JIT code for 5x5 only in channels-last
            // (its blocked-layout kernel is 3x3-only; the reference fallback is ~100x slower).
            memory.desc src = new memory.desc(in.dims, memory.data_type.f32, memory.format_tag.acdb);
            memory.desc dst = new memory.desc(out.dims, memory.data_type.f32, memory.format_tag.acdb);
            var hint = new convolution_forward.primitive_desc(OneDnn.ENGINE, dnnl.prop_kind.forward_training,
                    dnnl.algorithm.convolution_direct, src, OneDnn.any(spec.weightDims), biasDesc, dst, spec.stride,
                    spec.padBefore, spec.padAfter);
            weightsDesc = weightGradientDesc(src, dst, biasDesc, hint);
            weightsSrc = Buffer.allocate(src);
            weightsDiffDst = Buffer.allocate(dst);
            toChannelsLast.add(new Copy(in.value, weightsSrc));
            toChannelsLast.add(new Copy(out.gradient(), weightsDiffDst));
        }
        var weightsBackward = new convolution_backward_weights(weightsDesc);
        Buffer weightGradient = Buffer.allocate(weightsDesc.diff_weights_desc());
        Buffer dlWeightGradient = Buffer.wrap(spec.weightGradient,
                OneDnn.of(spec.weightGradient, spec.weightDims, spec.weightAxes));
        Copy weightGradientOut = new Copy(weightGradient, dlWeightGradient);
        Buffer biasGradient = bias == null ? null : Buffer.wrap(spec.biasGradient, biasDesc);
        OneDnn.Args weightArgs = bias == null
                ? OneDnn.args(DNNL_ARG_SRC, weightsSrc, DNNL_ARG_DIFF_DST, weightsDiffDst, DNNL_ARG_DIFF_WEIGHTS,
                weightGradient)
                : OneDnn.args(DNNL_ARG_SRC, weightsSrc, DNNL_ARG_DIFF_DST, weightsDiffDst, DNNL_ARG_DIFF_WEIGHTS,
                weightGradient, DNNL_ARG_DIFF_BIAS, biasGradient);
        Runnable data = () -> { };
        if (in.needsGradient()) {
            var dataDesc = new convolution_backward_data.primitive_desc(OneDnn.ENGINE,
                    dnnl.algorithm.convolution_direct, in.desc, OneDnn.any(spec.weightDims()), out.desc, spec.stride,
                    spec.padBefore, spec.padAfter, forwardDesc);
            var dataBackward = new convolution_backward_data(dataDesc);
            Buffer dataWeights = dataDesc.weights_desc().equals(weights.desc()) ? weights
                    : Buffer.allocate(dataDesc.weights_desc());
            Copy toDataWeights = dataWeights == weights ? null : new Copy(dlWeights, dataWeights);
            Tensor.GradientSlot slot = in.claim(dataDesc.diff_src_desc());
            OneDnn.Args dataArgs = OneDnn.args(DNNL_ARG_DIFF_DST, out.gradient(), DNNL_ARG_WEIGHTS, dataWeights,
                    DNNL_ARG_DIFF_SRC, slot.buffer());
            data = () -> {
                if (toDataWeights != null) {
                    toDataWeights.run();
                }
                OneDnn.execute(dataBackward, dataArgs);
                slot.commit();
            };
        }
        Runnable dataStep = data;
        backward = () -> {
            toChannelsLast.forEach(Copy::run);
            OneDnn.execute(weightsBackward, weightArgs);
            weightGradientOut.run();
            dataStep.run();
        };
    }

    private convolution_backward_weights.primitive_desc weightGradientDesc(memory.desc src, memory.desc diffDst,
                                                                          memory.desc biasDesc,
                                                                          convolution_forward.primitive_desc hint) {
        return new convolution_backward_weights.primitive_desc(OneDnn.ENGINE, dnnl.algorithm.convolution_direct, src,
                OneDnn.any(spec.weightDims), biasDesc, diffDst, spec.stride, spec.padBefore, spec.padAfter, hint);
    }

    @Override
    public void backward() {
        backward.run();
    }
}
