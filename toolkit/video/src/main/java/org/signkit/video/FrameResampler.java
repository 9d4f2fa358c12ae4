package org.signkit.video;

import java.util.ArrayList;
import java.util.List;

/**
 * Constant-rate resampling by presentation timestamp with exactly the rule of FFmpeg's {@code fps}
 * filter ({@code libavfilter/vf_fps.c}), so a "20 FPS" signkit dataset holds the same source frames as
 * {@code ffmpeg -vf fps=20}.
 *
 * <p>Each frame's pts is rescaled to output slots (1/fps) with the chosen rounding. Output starts at the
 * first frame's slot; output slot {@code n} shows the <em>last</em> frame whose slot is {@code <= n}
 * (earlier frames rounding to the same slot are dropped; a frame is repeated across slots no newer frame
 * reaches). Output ends before the slot of the stream's end time (last pts + duration), rounded the same
 * way ({@code eof_action=round}). Work on integer pts and the stream time base: microsecond timestamps are
 * truncated and flip the choice of frames sitting on half slots (60 to 30 FPS).
 */
public final class FrameResampler implements FrameSelector {

    private final Rational timeBase;
    private final Rational slotBase;
    private final FpsRounding rounding;

    private boolean started;
    private boolean holding;
    private long nextSlot;

    /**
     * @param timeBase  the source stream's time base (seconds per pts unit)
     * @param targetFps the output frame rate
     * @param rounding  how pts are rounded to output slots ({@link FpsRounding#NEAR} is FFmpeg's default)
     */
    public FrameResampler(Rational timeBase, Rational targetFps, FpsRounding rounding) {
        if (!targetFps.isPositive()) {
            throw new IllegalArgumentException("target fps must be positive: " + targetFps);
        }
        this.timeBase = timeBase;
        this.slotBase = new Rational(targetFps.den(), targetFps.num());
        this.rounding = rounding;
    }

    @Override
    public int offer(long pts) {
        long slot = rounding.rescale(pts, timeBase, slotBase);
        if (!started) {
            started = true;
            holding = true;
            nextSlot = slot;
            return 0;
        }
        int copies = 0;
        while (slot > nextSlot) {
            copies++;
            nextSlot++;
        }
        return copies;
    }

    @Override
    public int finish(long endPts) {
        if (!holding) {
            return 0;
        }
        long endSlot = rounding.rescale(endPts, timeBase, slotBase);
        int copies = 0;
        while (nextSlot < endSlot) {
            copies++;
            nextSlot++;
        }
        holding = false;
        return copies;
    }

    /**
     * The source frame index shown in each output frame, for a whole stream at once.
     *
     * @param pts    every frame's pts, in presentation order
     * @param endPts end of the stream (last pts plus its duration)
     */
    public static List<Integer> selectedIndices(long[] pts, long endPts, FrameSelector selector) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < pts.length; i++) {
            int copies = selector.offer(pts[i]);
            for (int c = 0; c < copies; c++) {
                out.add(i - 1);
            }
        }
        int last = selector.finish(endPts);
        for (int c = 0; c < last; c++) {
            out.add(pts.length - 1);
        }
        return out;
    }
}
