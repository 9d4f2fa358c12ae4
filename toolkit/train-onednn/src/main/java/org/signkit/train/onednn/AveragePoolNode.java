package org.signkit.train.onednn;

import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.pooling_backward;
import org.bytedeco.dnnl.pooling_forward;
import org.bytedeco.dnnl.primitive;
import org.bytedeco.dnnl.primitive_desc;

/** Global average pooling to [N, C, 1, 1]. */
final class AveragePoolNode extends UnaryNode {

    private static final long[] ONES = {1, 1};
    private static final long[] ZEROS = {0, 0};

    private final pooling_forward.primitive_desc forwardDesc;
    private final long[] kernel;

    AveragePoolNode(Tensor in) {
        super(in);
        long[] outDims = {in.dims[0], in.dims[1], 1, 1};
        kernel = new long[] {in.dims[2], in.dims[3]};
        forwardDesc = new pooling_forward.primitive_desc(OneDnn.ENGINE, dnnl.prop_kind.forward_training,
                dnnl.algorithm.pooling_avg_exclude_padding, in.desc, OneDnn.any(outDims), ONES, kernel, ZEROS, ZEROS,
                ZEROS);
        forwardBy(new pooling_forward(forwardDesc), outDims, forwardDesc.dst_desc());
    }

    @Override
    primitive_desc backwardDesc() {
        return new pooling_backward.primitive_desc(OneDnn.ENGINE, dnnl.algorithm.pooling_avg_exclude_padding, in.desc,
                out.desc, ONES, kernel, ZEROS, ZEROS, ZEROS, forwardDesc);
    }

    @Override
    primitive backward(primitive_desc desc) {
        return new pooling_backward((pooling_backward.primitive_desc) desc);
    }

    @Override
    Object[] backwardInputs() {
        return new Object[0];
    }
}
