package org.signkit.train.onednn;

import java.util.stream.IntStream;
import org.bytedeco.javacpp.FloatPointer;
import org.signkit.train.onednn.OneDnn.Buffer;

/**
 * A depthwise convolution's weight (and bias) gradient in Java, for the shapes where oneDNN has no JIT
 * kernel on this CPU (AVX2: 2x2 and 1x1 maps of B0's last stages at small inputs, where its GEMM path
 * spends ~7 ms on a few thousand multiply-adds per channel). dW[c, kh, kw] = sum over n, oh, ow of
 * x[n, c, oh * sh - top + kh, ow * sw - left + kw] * dy[n, c, oh, ow]; channels run in parallel.
 */
final class DepthwiseWeightGradient implements Runnable {

    private final Convolution geometry;
    private final long[] inDims;
    private final long[] outDims;
    private final OneDnn.Relaid x;
    private final OneDnn.Relaid dy;
    private final Buffer weights;
    private final Buffer bias;

    /**
     * @param weights where dW goes, plain goihw [C, 1, 1, kh, kw]
     * @param bias    where the bias gradient goes ([C]), or null
     */
    DepthwiseWeightGradient(Tensor in, Tensor out, Convolution geometry, Buffer weights, Buffer bias) {
        this.geometry = geometry;
        this.inDims = in.dims;
        this.outDims = out.dims;
        x = OneDnn.Relaid.of(in.value, OneDnn.plain(in.dims));
        dy = OneDnn.Relaid.of(out.gradient(), OneDnn.plain(out.dims));
        this.weights = weights;
        this.bias = bias;
    }

    @Override
    public void run() {
        x.refresh();
        dy.refresh();
        int n = (int) inDims[0];
        int channels = (int) inDims[1];
        int h = (int) inDims[2];
        int w = (int) inDims[3];
        int oh = (int) outDims[2];
        int ow = (int) outDims[3];
        int kh = (int) geometry.kernel()[0];
        int kw = (int) geometry.kernel()[1];
        int sh = (int) geometry.stride()[0];
        int sw = (int) geometry.stride()[1];
        int top = (int) geometry.padBefore()[0];
        int left = (int) geometry.padBefore()[1];
        float[] src = new float[n * channels * h * w];
        float[] diff = new float[n * channels * oh * ow];
        new FloatPointer(x.buffer().array().data().addressPointer()).get(src);
        new FloatPointer(dy.buffer().array().data().addressPointer()).get(diff);
        float[] dw = new float[channels * kh * kw];
        float[] db = new float[channels];
        IntStream.range(0, channels).parallel().forEach(c -> {
            for (int b = 0; b < n; b++) {
                int srcBase = (b * channels + c) * h * w;
                int diffBase = (b * channels + c) * oh * ow;
                for (int y = 0; y < oh; y++) {
                    for (int z = 0; z < ow; z++) {
                        float d = diff[diffBase + y * ow + z];
                        db[c] += d;
                        for (int i = 0; i < kh; i++) {
                            int iy = y * sh - top + i;
                            if (iy < 0 || iy >= h) {
                                continue;
                            }
                            for (int j = 0; j < kw; j++) {
                                int ix = z * sw - left + j;
                                if (ix >= 0 && ix < w) {
                                    dw[(c * kh + i) * kw + j] += src[srcBase + iy * w + ix] * d;
                                }
                            }
                        }
                    }
                }
            }
        });
        new FloatPointer(weights.array().data().addressPointer()).put(dw);
        if (bias != null) {
            new FloatPointer(bias.array().data().addressPointer()).put(db);
        }
    }
}
