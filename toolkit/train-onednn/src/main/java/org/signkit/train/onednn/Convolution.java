package org.signkit.train.onednn;

import org.bytedeco.dnnl.convolution_backward_data;
import org.bytedeco.dnnl.convolution_backward_weights;
import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive;
import org.bytedeco.dnnl.primitive_desc;

/**
 * A 2-D convolution's primitives, plain or depthwise (groups = channels, weights goihw).
 *
 * @param outChannels output channels
 * @param kernel      kernel height, width
 * @param stride      stride height, width
 * @param padBefore   top, left padding
 * @param padAfter    bottom, right padding
 */
record Convolution(long outChannels, long[] kernel, long[] stride, long[] padBefore, long[] padAfter)
        implements WeightedNode.Primitives {

    /** The output's dims for an input of {@code in}. */
    long[] outDims(long[] in) {
        return new long[] {in[0], outChannels, (in[2] + padBefore[0] + padAfter[0] - kernel[0]) / stride[0] + 1,
                (in[3] + padBefore[1] + padAfter[1] - kernel[1]) / stride[1] + 1};
    }

    @Override
    public primitive_desc forwardDesc(memory.desc src, memory.desc weights, memory.desc bias, memory.desc dst) {
        return new convolution_forward.primitive_desc(OneDnn.ENGINE, dnnl.prop_kind.forward_training,
                dnnl.algorithm.convolution_direct, src, weights, bias, dst, stride, padBefore, padAfter);
    }

    @Override
    public primitive forward(primitive_desc desc) {
        return new convolution_forward((convolution_forward.primitive_desc) desc);
    }

    @Override
    public primitive_desc dataDesc(memory.desc diffSrc, memory.desc weights, memory.desc diffDst, primitive_desc hint) {
        return new convolution_backward_data.primitive_desc(OneDnn.ENGINE, dnnl.algorithm.convolution_direct, diffSrc,
                weights, diffDst, stride, padBefore, padAfter, (convolution_forward.primitive_desc) hint);
    }

    @Override
    public primitive data(primitive_desc desc) {
        return new convolution_backward_data((convolution_backward_data.primitive_desc) desc);
    }

    @Override
    public primitive_desc weightsDesc(memory.desc src, memory.desc diffWeights, memory.desc diffBias,
                                      memory.desc diffDst, primitive_desc hint) {
        return new convolution_backward_weights.primitive_desc(OneDnn.ENGINE, dnnl.algorithm.convolution_direct, src,
                diffWeights, diffBias, diffDst, stride, padBefore, padAfter, (convolution_forward.primitive_desc) hint);
    }

    @Override
    public primitive weights(primitive_desc desc) {
        return new convolution_backward_weights((convolution_backward_weights.primitive_desc) desc);
    }
}
