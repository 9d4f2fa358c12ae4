package org.signkit.video;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FrameResamplerTest {

    /** pts of n frames at a constant rate in a time base of 1/tbDen. */
    private static long[] cfr(int n, Rational fps, long tbDen) {
        long[] pts = new long[n];
        for (int i = 0; i < n; i++) {
            pts[i] = FpsRounding.NEAR.rescale(i, new Rational(fps.den(), fps.num()), new Rational(1, tbDen));
        }
        return pts;
    }

    private static List<Integer> select(int n, Rational in, long tbDen, String out, FpsRounding r) {
        long[] pts = cfr(n, in, tbDen);
        long end = FpsRounding.NEAR.rescale(n, new Rational(in.den(), in.num()), new Rational(1, tbDen));
        return FrameResampler.selectedIndices(pts, end, new FrameResampler(new Rational(1, tbDen), Rational.parse(out), r));
    }

    @Test
    void sixtyToThirtyKeepsEvenFrames() {
        assertEquals(IntStream.range(0, 90).map(i -> 2 * i).boxed().toList(),
                select(180, new Rational(60, 1), 15360, "30", FpsRounding.NEAR));
    }

    @Test
    void sixtyToTwentyKeepsTheLastFrameOfEachSlot() {
        // ffmpeg keeps 1, 4, 7, ... not 0, 3, 6: frame 3n+1 rounds to slot n and is the last one there.
        assertEquals(IntStream.range(0, 60).map(i -> 3 * i + 1).boxed().toList(),
                select(180, new Rational(60, 1), 15360, "20", FpsRounding.NEAR));
    }

    @Test
    void roundingDownKeepsOddFrames() {
        assertEquals(IntStream.range(0, 90).map(i -> 2 * i + 1).boxed().toList(),
                select(180, new Rational(60, 1), 15360, "30", FpsRounding.DOWN));
    }

    @Test
    void upsamplingRepeatsEveryFrame() {
        List<Integer> got = select(30, new Rational(30, 1), 15360, "60", FpsRounding.NEAR);
        assertEquals(IntStream.range(0, 60).map(i -> i / 2).boxed().toList(), got);
    }

    @Test
    void ntscToThirtyHasOneShortStrideAboutEveryFiveHundredFrames() {
        List<Integer> got = select(1200, new Rational(60000, 1001), 60000, "30", FpsRounding.NEAR);
        long strideOne = IntStream.range(1, got.size()).filter(i -> got.get(i) - got.get(i - 1) == 1).count();
        assertEquals(1, strideOne, "stride-1 steps in 600 output frames");
        assertEquals(601, got.size());
    }

    @Test
    void keepAllPassesEveryFrameOnce() {
        long[] pts = {0, 7, 9, 30};
        assertEquals(List.of(0, 1, 2, 3), FrameResampler.selectedIndices(pts, 40, FrameSelector.keepAll()));
    }

    @Test
    void roundingMatchesAvRescaleOnHalves() {
        Rational tb = new Rational(1, 60);
        Rational slot = new Rational(1, 30);
        assertEquals(1, FpsRounding.NEAR.rescale(1, tb, slot));
        assertEquals(0, FpsRounding.DOWN.rescale(1, tb, slot));
        assertEquals(-1, FpsRounding.NEAR.rescale(-1, tb, slot));
        assertEquals(-1, FpsRounding.DOWN.rescale(-1, tb, slot));
        assertEquals(0, FpsRounding.ZERO.rescale(-1, tb, slot));
    }
}
