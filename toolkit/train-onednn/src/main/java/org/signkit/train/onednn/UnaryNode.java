package org.signkit.train.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;

import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive;
import org.bytedeco.dnnl.primitive_desc;
import org.signkit.train.onednn.OneDnn.Buffer;

/**
 * A node of one input and no parameters whose backward pass is one primitive writing the input's
 * gradient from the output's (activations, pooling).
 */
abstract class UnaryNode implements Node {

    final Tensor in;
    Tensor out;
    private primitive forward;
    private OneDnn.Args forwardArgs;
    private primitive backward;
    private OneDnn.Args backwardArgs;
    private Tensor.GradientSlot slot;

    UnaryNode(Tensor in) {
        this.in = in;
    }

    /** Sets the forward primitive: it reads the input and writes a new output of {@code dims} in {@code layout}. */
    final void forwardBy(primitive p, long[] dims, memory.desc layout) {
        out = new Tensor(dims, layout, true);
        forward = p;
        forwardArgs = OneDnn.args(DNNL_ARG_SRC, in.value, DNNL_ARG_DST, out.value);
    }

    @Override
    public void forward(boolean training) {
        OneDnn.execute(forward, forwardArgs);
    }

    /** The backward primitive's descriptor. */
    abstract primitive_desc backwardDesc();

    abstract primitive backward(primitive_desc desc);

    /** Arguments the backward primitive reads besides the output's gradient (source, destination, workspace). */
    abstract Object[] backwardInputs();

    @Override
    public Tensor output() {
        return out;
    }

    @Override
    public void planBackward() {
        if (!in.needsGradient()) {
            return;
        }
        primitive_desc desc = backwardDesc();
        backward = backward(desc);
        slot = in.claim(desc.diff_src_desc());
        Object[] inputs = backwardInputs();
        Object[] pairs = new Object[inputs.length + 4];
        System.arraycopy(inputs, 0, pairs, 0, inputs.length);
        pairs[inputs.length] = DNNL_ARG_DIFF_DST;
        pairs[inputs.length + 1] = out.gradient();
        pairs[inputs.length + 2] = DNNL_ARG_DIFF_SRC;
        pairs[inputs.length + 3] = slot.buffer();
        backwardArgs = OneDnn.args(pairs);
    }

    @Override
    public void backward() {
        if (backward != null) {
            OneDnn.execute(backward, backwardArgs);
            slot.commit();
        }
    }

    /** A pair for {@link #backwardInputs}. */
    static Object[] pair(int arg, Buffer buffer) {
        return new Object[] {arg, buffer};
    }
}
