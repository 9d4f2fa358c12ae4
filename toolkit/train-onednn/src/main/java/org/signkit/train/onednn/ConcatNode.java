package org.signkit.train.onednn;

import java.util.ArrayList;
import java.util.List;
import org.signkit.train.onednn.OneDnn.Buffer;
import org.signkit.train.onednn.OneDnn.Copy;

/**
 * Feature vectors side by side (DL4J's {@code MergeVertex} on [N, F] inputs): each input is reordered
 * into its columns of a plain output; backward, each input's gradient is its columns of the output's.
 */
final class ConcatNode implements Node {

    private final List<Tensor> inputs;
    private final Tensor out;
    private final List<long[]> offsets = new ArrayList<>();
    private final List<Copy> forward = new ArrayList<>();
    private final List<Runnable> backward = new ArrayList<>();

    ConcatNode(List<Tensor> inputs) {
        this.inputs = inputs;
        long n = inputs.get(0).dims[0];
        long features = 0;
        boolean gradient = false;
        for (Tensor t : inputs) {
            if (t.dims.length != 2 || t.dims[0] != n) {
                throw new IllegalArgumentException("concatenation takes [N, F] inputs");
            }
            offsets.add(new long[] {0, features});
            features += t.dims[1];
            gradient |= t.needsGradient();
        }
        long[] dims = {n, features};
        out = new Tensor(dims, OneDnn.plain(dims), gradient);
        for (int i = 0; i < inputs.size(); i++) {
            Tensor t = inputs.get(i);
            forward.add(new Copy(t.value, Buffer.wrap(out.value.array(), out.desc.submemory_desc(t.dims, offsets.get(i)))));
        }
    }

    @Override
    public Tensor output() {
        return out;
    }

    @Override
    public void forward(boolean training) {
        forward.forEach(Copy::run);
    }

    @Override
    public void planBackward() {
        for (int i = inputs.size() - 1; i >= 0; i--) {
            Tensor t = inputs.get(i);
            if (!t.needsGradient()) {
                continue;
            }
            Tensor.GradientSlot slot = t.claim(OneDnn.plain(t.dims));
            Copy copy = new Copy(Buffer.wrap(out.gradient().array(), out.desc.submemory_desc(t.dims, offsets.get(i))),
                    slot.buffer());
            backward.add(() -> {
                copy.run();
                slot.commit();
            });
        }
    }

    @Override
    public void backward() {
        backward.forEach(Runnable::run);
    }
}
