package org.signkit.dataset;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.signkit.core.FrameRecord;
import org.signkit.core.SampleLabel;
import org.signkit.hands.FrameHands;
import org.signkit.hands.HandDetector;
import org.signkit.hands.SigningSpace;
import org.signkit.video.FrameGeometry;
import org.signkit.video.FrameRenderer;
import org.signkit.video.ImageEncoding;
import org.signkit.video.VideoDecoder;

/**
 * Suggests where the sign starts and ends in a take. With a hand detector: from the first frame where a hand has left
 * its rest position to the last before the hands are back ({@link SigningSpace#stillTrim}, the rule of
 * {@code frames --trim still}), or, when the hands at rest are out of view, the frames with a hand in view. Without one, or when the detector sees no hand move: from motion energy, the mean
 * absolute grey-level change between consecutive frames, which is high while the hands move and near the sensor noise
 * while the signer waits at rest.
 */
public final class SignSpanSuggester {

    /** Frames are analysed at this short side: enough for hands and motion, cheap to decode. */
    private static final int ANALYSIS_SIDE = 360;
    /** At most this many frames per second are analysed: signs last about a second, so the span is found to 1/15 s. */
    private static final double ANALYSIS_FPS = 15;
    /** A frame is moving when its energy is above rest + this share of (peak - rest). */
    static final double MOTION_SHARE = 0.25;

    /**
     * A suggested span.
     *
     * @param startMs first moving frame's time
     * @param endMs   time just after the last moving frame
     * @param origin  which rule found it
     */
    public record Span(long startMs, long endMs, Annotation.Origin origin) {
    }

    private final HandDetector hands;

    /** @param hands the detector to use, or null for motion energy alone (the caller closes it) */
    public SignSpanSuggester(HandDetector hands) {
        this.hands = hands;
    }

    /** The sign's span in {@code video}. */
    public Span suggest(Path video) {
        List<Mat> frames = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        double frameSeconds;
        try (VideoDecoder d = VideoDecoder.open(video, 0);
             FrameRenderer r = new FrameRenderer(d.stream(), new FrameGeometry(ANALYSIS_SIDE, FrameGeometry.Square.NONE),
                     new ImageEncoding("png", 1))) {
            AVFrame f = av_frame_alloc();
            double fps = d.stream().captureFps().toDouble();
            frameSeconds = fps > 0 ? 1 / fps : 1 / 30.0;
            int every = Math.max(1, (int) Math.round(fps / ANALYSIS_FPS));
            try {
                long index = 0;
                while (d.next(f)) {
                    if (index++ % every == 0) {
                        frames.add(r.pixels(f).clone());
                        times.add(d.stream().seconds(d.pts(f)));
                    }
                }
            } finally {
                av_frame_free(f);
            }
            frameSeconds *= every;
        }
        try {
            if (frames.size() < 3) {
                return whole(times, frameSeconds, Annotation.Origin.MOTION);
            }
            if (hands != null) {
                List<FrameHands> found = detect(video, frames, times);
                int[] keep = SigningSpace.stillTrim(found);
                if (keep[0] == 0 && keep[1] == frames.size() - 1) {
                    keep = handsInView(found);
                }
                if (keep != null && (keep[0] > 0 || keep[1] < frames.size() - 1)) {
                    return span(times, keep[0], keep[1], frameSeconds, Annotation.Origin.HANDS);
                }
            }
            int[] moving = moving(motionEnergy(frames));
            return moving == null ? whole(times, frameSeconds, Annotation.Origin.MOTION)
                    : span(times, moving[0], moving[1], frameSeconds, Annotation.Origin.MOTION);
        } finally {
            frames.forEach(Mat::close);
        }
    }

    private List<FrameHands> detect(Path video, List<Mat> frames, List<Double> times) {
        List<FrameRecord> rows = new ArrayList<>();
        SampleLabel label = new SampleLabel("sign", "signer", "1");
        for (int i = 0; i < frames.size(); i++) {
            rows.add(new FrameRecord("frame" + i, label, video.getFileName().toString(), i, times.get(i), 0, "source", false));
        }
        return hands.detect(new org.signkit.vision.FrameTake(video.getFileName().toString(), rows), frames);
    }

    /**
     * The first and last frame showing a hand: a phone framed on the signing space often has the hands at rest below
     * the frame, so no rest position is seen and the sign is the time the hands are in view. Null when none is seen.
     */
    static int[] handsInView(List<FrameHands> found) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < found.size(); i++) {
            FrameHands h = found.get(i);
            if (h.dominant().box() != null || h.nonDominant().box() != null) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        return first < 0 ? null : new int[] {first, last};
    }

    /** Mean absolute grey-level change from the previous frame (the first frame gets the second's). */
    static double[] motionEnergy(List<Mat> frames) {
        double[] e = new double[frames.size()];
        Mat previous = null;
        for (int i = 0; i < frames.size(); i++) {
            Mat grey = new Mat();
            opencv_imgproc.cvtColor(frames.get(i), grey, opencv_imgproc.COLOR_BGR2GRAY);
            opencv_imgproc.GaussianBlur(grey, grey, new org.bytedeco.opencv.opencv_core.Size(5, 5), 0);
            if (previous != null) {
                try (Mat diff = new Mat()) {
                    opencv_core.absdiff(grey, previous, diff);
                    Scalar m = opencv_core.mean(diff);
                    e[i] = m.get(0);
                }
                previous.close();
            }
            previous = grey;
        }
        if (previous != null) {
            previous.close();
        }
        if (e.length > 1) {
            e[0] = e[1];
        }
        return e;
    }

    /**
     * The first and last moving frame, from energies smoothed over 3 frames: rest is the lower quartile, peak the
     * maximum. Null when nothing moves above the noise (peak under twice the rest level plus one grey level).
     */
    static int[] moving(double[] energy) {
        int n = energy.length;
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            int c = 0;
            for (int j = Math.max(0, i - 1); j <= Math.min(n - 1, i + 1); j++) {
                sum += energy[j];
                c++;
            }
            s[i] = sum / c;
        }
        double[] sorted = s.clone();
        Arrays.sort(sorted);
        double rest = sorted[n / 4];
        double peak = sorted[n - 1];
        if (peak < 2 * rest + 1) {
            return null;
        }
        double threshold = rest + MOTION_SHARE * (peak - rest);
        int first = 0;
        while (s[first] <= threshold) {
            first++;
        }
        int last = n - 1;
        while (s[last] <= threshold) {
            last--;
        }
        // The difference at frame i is the motion between i-1 and i: the sign starts at the frame before.
        return new int[] {Math.max(0, first - 1), last};
    }

    private static Span span(List<Double> times, int first, int last, double frameSeconds, Annotation.Origin origin) {
        long start = Math.max(0, Math.round(times.get(first) * 1000));
        long end = Math.round((times.get(last) + frameSeconds) * 1000);
        return new Span(start, Math.max(end, start + 1), origin);
    }

    private static Span whole(List<Double> times, double frameSeconds, Annotation.Origin origin) {
        if (times.isEmpty()) {
            return new Span(0, 1, origin);
        }
        return span(times, 0, times.size() - 1, frameSeconds, origin);
    }
}
