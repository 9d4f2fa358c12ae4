package org.signkit.train.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;

import org.bytedeco.dnnl.eltwise_backward;
import org.bytedeco.dnnl.eltwise_forward;
import org.bytedeco.dnnl.global.dnnl;

/** An element-wise activation (swish, sigmoid, ReLU) and its derivative. */
final class ActivationNode implements Node {

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

    private final Tensor in;
    private final Tensor out;
    private final Kind kind;
    private final eltwise_forward.primitive_desc forwardDesc;
    private final eltwise_forward forward;
    private final OneDnn.Args forwardArgs;
    private eltwise_backward backward;
    private OneDnn.Args backwardArgs;
    private Tensor.GradientSlot slot;

    ActivationNode(Tensor in, Kind kind) {
        this.in = in;
        this.kind = kind;
        forwardDesc = new eltwise_forward.primitive_desc(OneDnn.ENGINE, dnnl.prop_kind.forward_training, kind.algorithm,
                in.desc, in.desc, kind.alpha, 0f);
        forward = new eltwise_forward(forwardDesc);
        out = new Tensor(in.dims, in.desc, true);
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
        var desc = new eltwise_backward.primitive_desc(OneDnn.ENGINE, kind.algorithm, in.desc, in.desc, in.desc,
                kind.alpha, 0f, forwardDesc);
        backward = new eltwise_backward(desc);
        slot = in.claim(desc.diff_src_desc());
        backwardArgs = kind.derivativeFromOutput
                ? OneDnn.args(DNNL_ARG_DST, out.value, DNNL_ARG_DIFF_DST, out.gradient(), DNNL_ARG_DIFF_SRC, slot.buffer())
                : OneDnn.args(DNNL_ARG_SRC, in.value, DNNL_ARG_DIFF_DST, out.gradient(), DNNL_ARG_DIFF_SRC, slot.buffer());
    }

    @Override
    public void backward() {
        if (backward != null) {
            OneDnn.execute(backward, backwardArgs);
            slot.commit();
        }
    }
}
