package org.signkit.train.onednn;

import org.signkit.train.onednn.OneDnn.Buffer;
import org.signkit.train.onednn.OneDnn.Copy;

/**
 * A spatial window of a plain NCHW activation (DL4J's {@code Cropping2D}): one reorder from a
 * sub-memory view of the input into a plain buffer. Its backward pass writes the output's gradient into
 * the window of a zeroed input gradient.
 */
final class CropNode implements Node {

    private final Tensor in;
    private final Tensor out;
    private final long[] offsets;
    private final Copy forward;
    private Runnable backward = () -> { };

    /** {@code in} cropped by {@code top, bottom, left, right} pixels. */
    CropNode(Tensor in, int top, int bottom, int left, int right) {
        if (!in.desc.equals(OneDnn.plain(in.dims))) {
            throw new IllegalArgumentException("crops read a plain NCHW activation");
        }
        this.in = in;
        long[] dims = {in.dims[0], in.dims[1], in.dims[2] - top - bottom, in.dims[3] - left - right};
        offsets = new long[] {0, 0, top, left};
        out = new Tensor(dims, OneDnn.plain(dims), in.needsGradient());
        Buffer window = Buffer.wrap(in.value.array(), in.desc.submemory_desc(dims, offsets));
        forward = new Copy(window, out.value);
    }

    @Override
    public Tensor output() {
        return out;
    }

    @Override
    public void forward(boolean training) {
        forward.run();
    }

    @Override
    public void planBackward() {
        if (!in.needsGradient()) {
            return;
        }
        Tensor.GradientSlot slot = in.claim(in.desc);
        Buffer window = Buffer.wrap(slot.buffer().array(), in.desc.submemory_desc(out.dims, offsets));
        Copy copy = new Copy(out.gradient(), window);
        backward = () -> {
            slot.buffer().array().assign(0);
            copy.run();
            slot.commit();
        };
    }

    @Override
    public void backward() {
        backward.run();
    }
}
