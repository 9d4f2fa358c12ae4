package org.signkit.train.onednn;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.bytedeco.dnnl.memory;
import org.bytedeco.javacpp.FloatPointer;
import org.signkit.train.onednn.OneDnn.Buffer;

/**
 * A depthwise convolution's weight (and bias) gradient in Java, for the shapes where oneDNN has no JIT
 * kernel on this CPU (AVX2: 2x2 and 1x1 maps of B0's last stages at small inputs, where its GEMM path
 * spends ~7 ms on a few thousand multiply-adds per channel). dW[c, kh, kw] = sum over n, oh, ow of
 * x[n, c, oh * sh - top + kh, ow * sw - left + kw] * dy[n, c, oh, ow]. x and dy are read channels-last, so
 * that the innermost loop runs over channels, contiguous in both (the JIT vectorises it); kernel taps run in
 * parallel, each owning its row of the result.
 */
final class DepthwiseWeightGradient implements Runnable {

    private final Convolution geometry;
    private final long[] inDims;
    private final long[] outDims;
    private final OneDnn.Relaid x;
    private final OneDnn.Relaid dy;
    private final Buffer weights;
    private final Buffer bias;
    /** The step's x and dy as Java arrays and the per-tap sums, kept from step to step (the plan's shapes). */
    private float[] xValues;
    private float[] dyValues;
    private float[] tapSums;

    /**
     * @param weights where dW goes, plain goihw [C, 1, 1, kh, kw]
     * @param bias    where the bias gradient goes ([C]), or null
     */
    DepthwiseWeightGradient(Tensor in, Tensor out, Convolution geometry, Buffer weights, Buffer bias) {
        this.geometry = geometry;
        this.inDims = in.dims;
        this.outDims = out.dims;
        x = OneDnn.Relaid.of(in.value, channelsLast(in.dims));
        dy = OneDnn.Relaid.of(out.gradient(), channelsLast(out.dims));
        this.weights = weights;
        this.bias = bias;
    }

    private static memory.desc channelsLast(long[] dims) {
        return new memory.desc(dims, memory.data_type.f32, memory.format_tag.acdb);
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
        int taps = kh * kw;
        if (xValues == null) {
            xValues = new float[n * h * w * channels];
            dyValues = new float[n * oh * ow * channels];
            tapSums = new float[taps * channels];
        }
        float[] src = xValues;
        float[] diff = dyValues;
        float[] sums = tapSums;
        new FloatPointer(x.buffer().array().data().addressPointer()).get(src);
        new FloatPointer(dy.buffer().array().data().addressPointer()).get(diff);
        IntStream.range(0, taps).parallel().forEach(tap -> {
            int i = tap / kw;
            int j = tap % kw;
            int row = tap * channels;
            Arrays.fill(sums, row, row + channels, 0f);
            // The output positions whose input pixel for this tap lies inside the image.
            int y0 = firstInside(top - i, sh);
            int y1 = Math.min(oh, lastInside(h - 1 + top - i, sh) + 1);
            int z0 = firstInside(left - j, sw);
            int z1 = Math.min(ow, lastInside(w - 1 + left - j, sw) + 1);
            for (int b = 0; b < n; b++) {
                for (int y = y0; y < y1; y++) {
                    int iy = y * sh - top + i;
                    for (int z = z0; z < z1; z++) {
                        int xAt = ((b * h + iy) * w + z * sw - left + j) * channels;
                        int dyAt = ((b * oh + y) * ow + z) * channels;
                        for (int c = 0; c < channels; c++) {
                            sums[row + c] += src[xAt + c] * diff[dyAt + c];
                        }
                    }
                }
            }
        });
        float[] dw = new float[channels * taps];
        for (int tap = 0; tap < taps; tap++) {
            for (int c = 0; c < channels; c++) {
                dw[c * taps + tap] = sums[tap * channels + c];
            }
        }
        new FloatPointer(weights.array().data().addressPointer()).put(dw);
        if (bias != null) {
            float[] db = new float[channels];
            for (int at = 0; at < diff.length; at += channels) {
                for (int c = 0; c < channels; c++) {
                    db[c] += diff[at + c];
                }
            }
            new FloatPointer(bias.array().data().addressPointer()).put(db);
        }
    }

    /** The first output index o >= 0 with o * stride >= offset (the first tap position inside the image). */
    private static int firstInside(int offset, int stride) {
        return offset <= 0 ? 0 : (offset + stride - 1) / stride;
    }

    /** The last output index o with o * stride <= limit, or -1 when none is (limit < 0). */
    private static int lastInside(int limit, int stride) {
        return limit < 0 ? -1 : limit / stride;
    }
}
