package org.signkit.train.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC_0;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC_1;

import org.bytedeco.dnnl.binary;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;
import org.signkit.train.onednn.OneDnn.Buffer;
import org.signkit.train.onednn.OneDnn.Copy;

/**
 * One activation of the network: its value in the layout the producing primitive chose and, when
 * something upstream is trained, its gradient in the same layout. A tensor read by several nodes (a
 * residual input, the map a squeeze-and-excitation gate scales) sums their gradients: the first node to
 * run backward writes the gradient, each later one writes a scratch buffer that is added to it.
 */
final class Tensor {

    final long[] dims;
    final memory.desc desc;
    final Buffer value;
    private final boolean needsGradient;
    private Buffer gradient;
    private Buffer scratch;
    private boolean claimed;

    Tensor(long[] dims, memory.desc desc, boolean needsGradient) {
        this.dims = dims;
        this.desc = desc;
        this.value = Buffer.allocateNew(desc);
        this.needsGradient = needsGradient;
    }

    boolean needsGradient() {
        return needsGradient;
    }

    /** The complete gradient, once every reader has run backward (zero when nothing reads this tensor). */
    Buffer gradient() {
        if (gradient == null) {
            gradient = claimed ? Buffer.allocateLasting(desc) : Buffer.allocateNew(desc);
        }
        return gradient;
    }

    /** Hands the gradient's buffers back to {@code pool}: its producer, which reads them last, has been planned. */
    void releaseGradient(BackwardBuffers pool) {
        pool.release(gradient);
        pool.release(scratch);
    }

    /**
     * Where one reader writes its share of the gradient, in {@code layout}: claimed once per reader, in
     * backward order, while the plan is built.
     */
    GradientSlot claim(memory.desc layout) {
        if (!needsGradient) {
            throw new IllegalStateException("no gradient wanted");
        }
        Buffer target;
        Runnable after;
        if (!claimed) {
            claimed = true;
            target = gradient();
            after = null;
        } else {
            if (scratch == null) {
                // Every later reader writes its share here: it lives as long as the gradient.
                scratch = Buffer.allocateLasting(desc);
            }
            target = scratch;
            OneDnn.Args args = OneDnn.args(DNNL_ARG_SRC_0, gradient, DNNL_ARG_SRC_1, scratch, DNNL_ARG_DST, gradient);
            binary add = new binary(new binary.primitive_desc(OneDnn.ENGINE, dnnl.algorithm.binary_add, desc, desc, desc));
            after = () -> OneDnn.execute(add, args);
        }
        if (layout.equals(desc)) {
            return new GradientSlot(target, after);
        }
        Buffer staging = Buffer.allocate(layout);
        Copy copy = new Copy(staging, target);
        Runnable then = after;
        return new GradientSlot(staging, then == null ? copy::run : () -> {
            copy.run();
            then.run();
        });
    }

    /**
     * A reader's gradient output.
     *
     * @param buffer where the reader's primitive writes
     * @param after  what makes it part of the tensor's gradient (a layout change, a sum), or null
     */
    record GradientSlot(Buffer buffer, Runnable after) {
        void commit() {
            if (after != null) {
                after.run();
            }
        }
    }
}
