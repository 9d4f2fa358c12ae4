package org.signkit.train.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WORKSPACE;

import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.pooling_backward;
import org.bytedeco.dnnl.pooling_forward;
import org.signkit.train.onednn.OneDnn.Buffer;

/** Max pooling; training keeps oneDNN's workspace (where each maximum was) for the backward pass. */
final class MaxPoolNode implements Node {

    private static final long[] NO_DILATION = {0, 0};

    private final Tensor in;
    private final Tensor out;
    private final Convolution geometry;
    private final pooling_forward.primitive_desc trainDesc;
    private final pooling_forward train;
    private final pooling_forward infer;
    private final Buffer workspace;
    private final OneDnn.Args trainArgs;
    private final OneDnn.Args inferArgs;
    private pooling_backward backward;
    private OneDnn.Args backwardArgs;
    private Tensor.GradientSlot slot;

    /** @param geometry the window: kernel, stride and padding as a convolution's */
    MaxPoolNode(Tensor in, Convolution geometry) {
        this.in = in;
        this.geometry = geometry;
        long[] outDims = geometry.outDims(in.dims);
        trainDesc = desc(dnnl.prop_kind.forward_training, outDims);
        train = new pooling_forward(trainDesc);
        out = new Tensor(outDims, trainDesc.dst_desc(), true);
        infer = new pooling_forward(desc(dnnl.prop_kind.forward_inference, outDims));
        workspace = Buffer.allocate(trainDesc.workspace_desc());
        trainArgs = OneDnn.args(DNNL_ARG_SRC, in.value, DNNL_ARG_DST, out.value, DNNL_ARG_WORKSPACE, workspace);
        inferArgs = OneDnn.args(DNNL_ARG_SRC, in.value, DNNL_ARG_DST, out.value);
    }

    private pooling_forward.primitive_desc desc(dnnl.prop_kind prop, long[] outDims) {
        return new pooling_forward.primitive_desc(OneDnn.ENGINE, prop, dnnl.algorithm.pooling_max, in.desc,
                OneDnn.any(outDims), geometry.stride(), geometry.kernel(), NO_DILATION, geometry.padBefore(),
                geometry.padAfter());
    }

    @Override
    public Tensor output() {
        return out;
    }

    @Override
    public void forward(boolean training) {
        OneDnn.execute(training ? train : infer, training ? trainArgs : inferArgs);
    }

    @Override
    public void planBackward() {
        if (!in.needsGradient()) {
            return;
        }
        var desc = new pooling_backward.primitive_desc(OneDnn.ENGINE, dnnl.algorithm.pooling_max, in.desc, out.desc,
                geometry.stride(), geometry.kernel(), NO_DILATION, geometry.padBefore(), geometry.padAfter(), trainDesc);
        backward = new pooling_backward(desc);
        slot = in.claim(desc.diff_src_desc());
        backwardArgs = OneDnn.args(DNNL_ARG_DIFF_DST, out.gradient(), DNNL_ARG_WORKSPACE, workspace, DNNL_ARG_DIFF_SRC,
                slot.buffer());
    }

    @Override
    public void backward() {
        if (backward != null) {
            OneDnn.execute(backward, backwardArgs);
            slot.commit();
        }
    }
}
