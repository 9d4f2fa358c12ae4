package org.signkit.train.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;

import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.pooling_backward;
import org.bytedeco.dnnl.pooling_forward;

/** Global average pooling to [N, C, 1, 1]. */
final class AveragePoolNode implements Node {

    private final Tensor in;
    private final Tensor out;
    private final pooling_forward.primitive_desc forwardDesc;
    private final pooling_forward forward;
    private final OneDnn.Args forwardArgs;
    private final long[] kernel;
    private pooling_backward backward;
    private OneDnn.Args backwardArgs;
    private Tensor.GradientSlot slot;

    private static final long[] ONES = {1, 1};
    private static final long[] ZEROS = {0, 0};

    AveragePoolNode(Tensor in) {
        this.in = in;
        long[] outDims = {in.dims[0], in.dims[1], 1, 1};
        kernel = new long[] {in.dims[2], in.dims[3]};
        forwardDesc = new pooling_forward.primitive_desc(OneDnn.ENGINE, dnnl.prop_kind.forward_training,
                dnnl.algorithm.pooling_avg_exclude_padding, in.desc, OneDnn.any(outDims), ONES, kernel, ZEROS, ZEROS,
                ZEROS);
        forward = new pooling_forward(forwardDesc);
        out = new Tensor(outDims, forwardDesc.dst_desc(), true);
        forwardArgs = OneDnn.args(DNNL_ARG_SRC, in.value, DNNL_ARG_DST, out.value);
    }

    @Override
    public Tensor output() {
        return out;
    }

    @Override
    public void forward(boolean training) {
        OneDnn.execute(forward, forwardArgs);
    }

    @Override
    public void planBackward() {
        if (!in.needsGradient()) {
            return;
        }
        var desc = new pooling_backward.primitive_desc(OneDnn.ENGINE, dnnl.algorithm.pooling_avg_exclude_padding,
                in.desc, out.desc, ONES, kernel, ZEROS, ZEROS, ZEROS, forwardDesc);
        backward = new pooling_backward(desc);
        slot = in.claim(desc.diff_src_desc());
        backwardArgs = OneDnn.args(DNNL_ARG_DIFF_DST, out.gradient(), DNNL_ARG_DIFF_SRC, slot.buffer());
    }

    @Override
    public void backward() {
        if (backward != null) {
            OneDnn.execute(backward, backwardArgs);
            slot.commit();
        }
    }
}
