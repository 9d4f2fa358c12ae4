package org.signkit.train.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC_0;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC_1;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.dnnl.binary;
import org.bytedeco.dnnl.global.dnnl;
import org.signkit.train.onednn.OneDnn.Copy;

/** The sum of two activations of one shape (a residual connection); both get the output's gradient. */
final class AddNode implements Node {

    private final Tensor a;
    private final Tensor b;
    private final Tensor out;
    private final OneDnn.Relaid second;
    private final binary add;
    private final OneDnn.Args forwardArgs;
    private final List<Runnable> backward = new ArrayList<>();

    AddNode(Tensor a, Tensor b) {
        this.a = a;
        this.b = b;
        second = OneDnn.Relaid.of(b.value, a.desc);
        add = new binary(new binary.primitive_desc(OneDnn.ENGINE, dnnl.algorithm.binary_add, a.desc, a.desc, a.desc));
        out = new Tensor(a.dims, a.desc, true);
        forwardArgs = OneDnn.args(DNNL_ARG_SRC_0, a.value, DNNL_ARG_SRC_1, second.buffer(), DNNL_ARG_DST, out.value);
    }

    @Override
    public Tensor output() {
        return out;
    }

    @Override
    public void forward(boolean training) {
        second.refresh();
        OneDnn.execute(add, forwardArgs);
    }

    @Override
    public void planBackward() {
        for (Tensor t : List.of(b, a)) {
            if (t.needsGradient()) {
                Tensor.GradientSlot slot = t.claim(out.desc);
                Copy copy = new Copy(out.gradient(), slot.buffer());
                backward.add(() -> {
                    copy.run();
                    slot.commit();
                });
            }
        }
    }

    @Override
    public void backward() {
        backward.forEach(Runnable::run);
    }
}
