package org.signkit.train.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC_0;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC_1;

import org.bytedeco.dnnl.binary;
import org.bytedeco.dnnl.eltwise_forward;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.pooling_forward;
import org.signkit.train.onednn.OneDnn.Buffer;

/**
 * Squeeze-and-excitation's product: a feature map [N, C, H, W] times a per-channel gate [N, C, 1, 1].
 * Backward: the map's gradient is the output gradient times the gate; the gate's is the output gradient
 * times the map, summed over H and W (an average pool scaled by H x W).
 */
final class BroadcastMulNode implements Node {

    private static final long[] ONES = {1, 1};
    private static final long[] ZEROS = {0, 0};

    private final Tensor map;
    private final Tensor gate;
    private final Tensor out;
    private final pooling_forward.primitive_desc poolDesc;
    private final memory.desc gateLayout;
    private final OneDnn.Relaid gateValue;
    private final binary scale;
    private final OneDnn.Args forwardArgs;
    private Runnable backward = () -> { };

    BroadcastMulNode(Tensor map, Tensor gate) {
        this.map = map;
        this.gate = gate;
        // The gate in the layout pooling the map gives (the map's own, for the JIT broadcast kernels).
        long[] kernel = {map.dims[2], map.dims[3]};
        poolDesc = new pooling_forward.primitive_desc(OneDnn.ENGINE, dnnl.prop_kind.forward_inference,
                dnnl.algorithm.pooling_avg_exclude_padding, map.desc, OneDnn.any(gate.dims), ONES, kernel, ZEROS, ZEROS,
                ZEROS);
        gateLayout = poolDesc.dst_desc();
        gateValue = OneDnn.Relaid.of(gate.value, gateLayout);
        scale = new binary(new binary.primitive_desc(OneDnn.ENGINE, dnnl.algorithm.binary_mul, map.desc, gateLayout,
                map.desc));
        out = new Tensor(map.dims, map.desc, true);
        forwardArgs = OneDnn.args(DNNL_ARG_SRC_0, map.value, DNNL_ARG_SRC_1, gateValue.buffer(), DNNL_ARG_DST, out.value);
    }

    @Override
    public Tensor output() {
        return out;
    }

    @Override
    public void forward(boolean training) {
        gateValue.refresh();
        OneDnn.execute(scale, forwardArgs);
    }

    @Override
    public void planBackward() {
        Runnable gateStep = () -> { };
        if (gate.needsGradient()) {
            binary product = new binary(new binary.primitive_desc(OneDnn.ENGINE, dnnl.algorithm.binary_mul, map.desc,
                    map.desc, map.desc));
            Buffer products = Buffer.allocate(map.desc);
            OneDnn.Args productArgs = OneDnn.args(DNNL_ARG_SRC_0, out.gradient(), DNNL_ARG_SRC_1, map.value,
                    DNNL_ARG_DST, products);
            // oneDNN's reduction rejects blocked sources and 1x1 maps; average pooling takes both.
            pooling_forward mean = new pooling_forward(poolDesc);
            eltwise_forward times = new eltwise_forward(new eltwise_forward.primitive_desc(OneDnn.ENGINE,
                    dnnl.prop_kind.forward_inference, dnnl.algorithm.eltwise_linear, gateLayout, gateLayout,
                    (float) (map.dims[2] * map.dims[3]), 0f));
            Tensor.GradientSlot slot = gate.claim(gateLayout);
            OneDnn.Args meanArgs = OneDnn.args(DNNL_ARG_SRC, products, DNNL_ARG_DST, slot.buffer());
            OneDnn.Args timesArgs = OneDnn.args(DNNL_ARG_SRC, slot.buffer(), DNNL_ARG_DST, slot.buffer());
            gateStep = () -> {
                OneDnn.execute(product, productArgs);
                OneDnn.execute(mean, meanArgs);
                OneDnn.execute(times, timesArgs);
                slot.commit();
            };
        }
        Runnable mapStep = () -> { };
        if (map.needsGradient()) {
            Tensor.GradientSlot slot = map.claim(map.desc);
            OneDnn.Args args = OneDnn.args(DNNL_ARG_SRC_0, out.gradient(), DNNL_ARG_SRC_1, gateValue.buffer(), DNNL_ARG_DST,
                    slot.buffer());
            mapStep = () -> {
                OneDnn.execute(scale, args);
                slot.commit();
            };
        }
        Runnable first = gateStep;
        Runnable second = mapStep;
        backward = () -> {
            first.run();
            second.run();
        };
    }

    @Override
    public void backward() {
        backward.run();
    }
}
