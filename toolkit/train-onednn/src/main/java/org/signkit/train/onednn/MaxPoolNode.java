package org.signkit.train.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WORKSPACE;

import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.pooling_backward;
import org.bytedeco.dnnl.pooling_forward;
import org.bytedeco.dnnl.primitive;
import org.bytedeco.dnnl.primitive_desc;
import org.signkit.train.onednn.OneDnn.Buffer;

/** Max pooling; training keeps oneDNN's workspace (where each maximum was) for the backward pass. */
final class MaxPoolNode extends UnaryNode {

    private static final long[] NO_DILATION = {0, 0};

    private final Convolution window;
    private final pooling_forward.primitive_desc trainDesc;
    private final pooling_forward train;
    private final pooling_forward infer;
    private final Buffer workspace;
    private final OneDnn.Args trainArgs;
    private final OneDnn.Args inferArgs;

    /** @param window kernel, stride and padding, as a convolution's */
    MaxPoolNode(Tensor in, Convolution window) {
        super(in);
        this.window = window;
        long[] outDims = window.outDims(in.dims);
        trainDesc = desc(dnnl.prop_kind.forward_training, outDims);
        train = new pooling_forward(trainDesc);
        out = new Tensor(outDims, trainDesc.dst_desc(), true);
        infer = new pooling_forward(desc(dnnl.prop_kind.forward_inference, outDims));
        workspace = Buffer.allocateNew(trainDesc.workspace_desc());
        trainArgs = OneDnn.args(DNNL_ARG_SRC, in.value, DNNL_ARG_DST, out.value, DNNL_ARG_WORKSPACE, workspace);
        inferArgs = OneDnn.args(DNNL_ARG_SRC, in.value, DNNL_ARG_DST, out.value);
    }

    private pooling_forward.primitive_desc desc(dnnl.prop_kind prop, long[] outDims) {
        return new pooling_forward.primitive_desc(OneDnn.ENGINE, prop, dnnl.algorithm.pooling_max, in.desc,
                OneDnn.any(outDims), window.stride(), window.kernel(), NO_DILATION, window.padBefore(),
                window.padAfter());
    }

    @Override
    public void forward(boolean training) {
        OneDnn.execute(training ? train : infer, training ? trainArgs : inferArgs);
    }

    @Override
    primitive_desc backwardDesc() {
        return new pooling_backward.primitive_desc(OneDnn.ENGINE, dnnl.algorithm.pooling_max, in.desc, out.desc,
                window.stride(), window.kernel(), NO_DILATION, window.padBefore(), window.padAfter(), trainDesc);
    }

    @Override
    primitive backward(primitive_desc desc) {
        return new pooling_backward((pooling_backward.primitive_desc) desc);
    }

    @Override
    Object[] backwardInputs() {
        return pair(DNNL_ARG_WORKSPACE, workspace);
    }
}
