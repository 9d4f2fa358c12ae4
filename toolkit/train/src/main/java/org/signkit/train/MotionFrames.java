package org.signkit.train;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.signkit.augment.AugmentationPipeline;
import org.signkit.augment.AugmentationRecord;
import org.signkit.augment.Sample;
import org.signkit.core.FrameRecord;

/**
 * The frame stream as motion: the take's frame {@code seconds} before, the frame itself and the frame
 * {@code seconds} after, each in grey, as the three channels. A single frame of a sign in motion is
 * ambiguous (the same hand position passes by on the way up and on the way down); three instants show
 * where the hands come from and go to. The gap is in seconds, not frames, so that every frame rate sees
 * the same motion. Near the take's ends the nearest kept frame stands in (the first or the last).
 *
 * <p>An augmented neighbour is decoded and transformed like the frame; {@link FrameBatches} keeps the
 * unaugmented inputs, neighbours included, so they are decoded once per run.
 */
public final class MotionFrames {

    /** Presentation times closer than this (seconds) are the same instant. */
    private static final double TOLERANCE = 1e-6;

    private final double seconds;
    private final FrameSet set;
    /** Per frame path, the frame before and the frame after. */
    private final Map<String, FrameRecord[]> neighbours;

    private MotionFrames(double seconds, FrameSet set, Map<String, FrameRecord[]> neighbours) {
        this.seconds = seconds;
        this.set = set;
        this.neighbours = Map.copyOf(neighbours);
    }

    /** The gap between the instants, in seconds. */
    public double seconds() {
        return seconds;
    }

    /** Per frame path, the paths of the frame before and the frame after. */
    public Map<String, String[]> neighbours() {
        Map<String, String[]> paths = new HashMap<>();
        neighbours.forEach((path, pair) -> paths.put(path, new String[] {pair[0].framePath(), pair[1].framePath()}));
        return paths;
    }

    /** The frames before and after each frame of {@code set}, within its take. */
    public static MotionFrames of(FrameSet set, double seconds) {
        Map<String, List<FrameRecord>> takes = new LinkedHashMap<>();
        for (FrameRecord r : set.frames()) {
            takes.computeIfAbsent(r.sourceVideo() + "\n" + r.label().take(), k -> new ArrayList<>()).add(r);
        }
        Map<String, FrameRecord[]> neighbours = new HashMap<>();
        for (List<FrameRecord> take : takes.values()) {
            take.sort(Comparator.comparingDouble(FrameRecord::sourcePtsSeconds));
            double[] times = take.stream().mapToDouble(FrameRecord::sourcePtsSeconds).toArray();
            for (FrameRecord r : take) {
                // The last frame at or before the instant, and the first at or after it.
                int before = countAtOrBefore(times, r.sourcePtsSeconds() - seconds + TOLERANCE) - 1;
                int after = countAtOrBefore(times, r.sourcePtsSeconds() + seconds - TOLERANCE);
                neighbours.put(r.framePath(), new FrameRecord[] {
                        take.get(Math.max(0, before)), take.get(Math.min(take.size() - 1, after))});
            }
        }
        return new MotionFrames(seconds, set, neighbours);
    }

    /** How many of the sorted {@code times} are at or before {@code t}. */
    private static int countAtOrBefore(double[] times, double t) {
        int lo = 0;
        int hi = times.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Writes the three grey instants of {@code row} into {@code out} ({@code side} square, BGR).
     *
     * @param now          the frame itself, already augmented with {@code record}
     * @param augmentation the pipeline that drew {@code record}, or null (the neighbours get the same transforms)
     */
    public void render(FrameRecord row, Mat now, AugmentationPipeline augmentation, AugmentationRecord record, Mat out) {
        FrameRecord[] pair = neighbours.get(row.framePath());
        if (pair == null) {
            throw new IllegalArgumentException("frame " + row.framePath() + " is not in the frame set the motion was built from");
        }
        int side = out.rows();
        try (MatVector channels = new MatVector(3)) {
            channels.put(0, neighbour(pair[0], row, now, augmentation, record, side));
            channels.put(1, grey(now, side));
            channels.put(2, neighbour(pair[1], row, now, augmentation, record, side));
            opencv_core.merge(channels, out);
            for (long i = 0; i < channels.size(); i++) {
                channels.get(i).close();
            }
        }
    }

    /** The neighbour in grey at {@code side}, augmented like the frame; the frame itself at a take's end. */
    private Mat neighbour(FrameRecord other, FrameRecord row, Mat now, AugmentationPipeline augmentation,
                          AugmentationRecord record, int side) {
        if (other.framePath().equals(row.framePath())) {
            return grey(now, side);
        }
        try (Mat raw = set.image(other)) {
            if (augmentation == null) {
                return grey(raw, side);
            }
            try (Mat augmented = augmentation.apply(new Sample(raw, null, List.of(), List.of(), "right"), record).image()) {
                return grey(augmented, side);
            }
        }
    }

    /** {@code image} in grey at {@code side} square (a new, continuous matrix). */
    private static Mat grey(Mat image, int side) {
        Mat small = new Mat();
        try (Mat g = new Mat()) {
            cvtColor(image, g, COLOR_BGR2GRAY);
            resize(g, small, new Size(side, side), 0, 0, INTER_AREA);
        }
        return small;
    }
}
