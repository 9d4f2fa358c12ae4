package org.signkit.train.onednn;

import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.inner_product_backward_data;
import org.bytedeco.dnnl.inner_product_backward_weights;
import org.bytedeco.dnnl.inner_product_forward;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive;
import org.bytedeco.dnnl.primitive_desc;

/** A dense layer's primitives: an inner product over all of the input's non-batch dims. */
record InnerProduct() implements WeightedNode.Primitives {

    @Override
    public primitive_desc forwardDesc(memory.desc src, memory.desc weights, memory.desc bias, memory.desc dst) {
        return new inner_product_forward.primitive_desc(OneDnn.ENGINE, dnnl.prop_kind.forward_training, src, weights,
                bias, dst);
    }

    @Override
    public primitive forward(primitive_desc desc) {
        return new inner_product_forward((inner_product_forward.primitive_desc) desc);
    }

    @Override
    public primitive_desc dataDesc(memory.desc diffSrc, memory.desc weights, memory.desc diffDst, primitive_desc hint) {
        return new inner_product_backward_data.primitive_desc(OneDnn.ENGINE, diffSrc, weights, diffDst,
                (inner_product_forward.primitive_desc) hint);
    }

    @Override
    public primitive data(primitive_desc desc) {
        return new inner_product_backward_data((inner_product_backward_data.primitive_desc) desc);
    }

    @Override
    public primitive_desc weightsDesc(memory.desc src, memory.desc diffWeights, memory.desc diffBias,
                                      memory.desc diffDst, primitive_desc hint) {
        return new inner_product_backward_weights.primitive_desc(OneDnn.ENGINE, src, diffWeights, diffBias, diffDst,
                (inner_product_forward.primitive_desc) hint);
    }

    @Override
    public primitive weights(primitive_desc desc) {
        return new inner_product_backward_weights((inner_product_backward_weights.primitive_desc) desc);
    }
}
