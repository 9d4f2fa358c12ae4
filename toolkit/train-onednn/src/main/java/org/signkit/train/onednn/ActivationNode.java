package org.signkit.train.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;

import org.bytedeco.dnnl.eltwise_backward;
import org.bytedeco.dnnl.eltwise_forward;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.primitive;
import org.bytedeco.dnnl.primitive_desc;

/** An element-wise activation (swish, sigmoid, ReLU) and its derivative. */
final class ActivationNode extends UnaryNode {

    /** The activations the oneDNN path runs, by DL4J's name. */
    enum Kind {
        SWISH(dnnl.algorithm.eltwise_swish, 1f, false),
        SIGMOID(dnnl.algorithm.eltwise_logistic_use_dst_for_bwd, 0f, true),
        RELU(dnnl.algorithm.eltwise_relu, 0f, false);

        final dnnl.algorithm algorithm;
        final float alpha;
        final boolean derivativeFromOutput;

        Kind(dnnl.algorithm algorithm, float alpha, boolean derivativeFromOutput) {
            this.algorithm = algorithm;
            this.alpha = alpha;
            this.derivativeFromOutput = derivativeFromOutput;
        }
    }

    private final Kind kind;
    private final eltwise_forward.primitive_desc forwardDesc;

    ActivationNode(Tensor in, Kind kind) {
        super(in);
        this.kind = kind;
        forwardDesc = new eltwise_forward.primitive_desc(OneDnn.ENGINE, dnnl.prop_kind.forward_training, kind.algorithm,
                in.desc, in.desc, kind.alpha, 0f);
        forwardBy(new eltwise_forward(forwardDesc), in.dims, in.desc);
    }

    @Override
    primitive_desc backwardDesc() {
        return new eltwise_backward.primitive_desc(OneDnn.ENGINE, kind.algorithm, in.desc, in.desc, in.desc,
                kind.alpha, 0f, forwardDesc);
    }

    @Override
    primitive backward(primitive_desc desc) {
        return new eltwise_backward((eltwise_backward.primitive_desc) desc);
    }

    @Override
    Object[] backwardInputs() {
        return kind.derivativeFromOutput ? pair(DNNL_ARG_DST, out.value) : pair(DNNL_ARG_SRC, in.value);
    }
}
