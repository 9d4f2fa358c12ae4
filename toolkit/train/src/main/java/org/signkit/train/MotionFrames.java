package org.signkit.train;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.signkit.augment.AugmentationPipeline;
import org.signkit.augment.AugmentationRecord;
import org.signkit.augment.Sample;
import org.signkit.core.BadInputException;
import org.signkit.core.FrameRecord;

/**
 * The frame stream as motion: the take's frame {@code seconds} before, the frame itself and the frame
 * {@code seconds} after, each in grey, as the three channels. A single frame of a sign in motion is
 * ambiguous (the same hand position passes by on the way up and on the way down); three instants show
 * where the hands come from and go to. The gap is in seconds, not frames, so that every frame rate sees
 * the same motion. Near the take's ends the nearest kept frame stands in (the first or the last).
 *
 * <p>Without augmentation a neighbour's grey image at the stream's side is the same in every epoch, so it
 * is decoded once and kept (a 64 px stream holds 4 KB per frame); an augmented neighbour is decoded and
 * transformed like the frame each time.
 */
public final class MotionFrames {

    private final double seconds;
    private final Path root;
    private final Map<String, String[]> neighbours;
    /** Neighbours' grey pixels without augmentation, by frame path and side. */
    private final Map<String, byte[]> plain = new ConcurrentHashMap<>();

    /**
     * @param seconds    the gap between the instants
     * @param root       the folder the frame paths are relative to
     * @param neighbours per frame path, the paths of the frame before and the frame after
     */
    public MotionFrames(double seconds, Path root, Map<String, String[]> neighbours) {
        this.seconds = seconds;
        this.root = root;
        this.neighbours = Map.copyOf(neighbours);
    }

    /** The gap between the instants, in seconds. */
    public double seconds() {
        return seconds;
    }

    /** Per frame path, the paths of the frame before and the frame after. */
    public Map<String, String[]> neighbours() {
        return neighbours;
    }

    /** The frames before and after each frame of {@code set}, within its take. */
    public static MotionFrames of(FrameSet set, double seconds) {
        Map<String, List<FrameRecord>> takes = new LinkedHashMap<>();
        for (FrameRecord r : set.frames()) {
            takes.computeIfAbsent(r.sourceVideo() + "\n" + r.label().take(), k -> new ArrayList<>()).add(r);
        }
        Map<String, String[]> neighbours = new HashMap<>();
        for (List<FrameRecord> take : takes.values()) {
            take.sort(Comparator.comparingDouble(FrameRecord::sourcePtsSeconds));
            double[] times = take.stream().mapToDouble(FrameRecord::sourcePtsSeconds).toArray();
            for (FrameRecord r : take) {
                FrameRecord before = take.get(Math.max(0, lastAtOrBefore(times, r.sourcePtsSeconds() - seconds)));
                FrameRecord after = take.get(Math.min(take.size() - 1, firstAtOrAfter(times, r.sourcePtsSeconds() + seconds)));
                neighbours.put(r.framePath(), new String[] {before.framePath(), after.framePath()});
            }
        }
        return new MotionFrames(seconds, set.root(), neighbours);
    }

    /** Index of the last time at or before {@code t} (a micro-second's tolerance), or -1. */
    private static int lastAtOrBefore(double[] times, double t) {
        int i = -1;
        while (i + 1 < times.length && times[i + 1] <= t + 1e-6) {
            i++;
        }
        return i;
    }

    /** Index of the first time at or after {@code t} (a micro-second's tolerance), or the length. */
    private static int firstAtOrAfter(double[] times, double t) {
        int i = times.length;
        while (i - 1 >= 0 && times[i - 1] >= t - 1e-6) {
            i--;
        }
        return i;
    }

    /**
     * Writes the three grey instants of {@code row} into {@code out} ({@code side} square, BGR).
     *
     * @param now          the frame itself, already augmented with {@code record}
     * @param augmentation the pipeline that drew {@code record}, or null (the neighbours get the same transforms)
     */
    public void render(FrameRecord row, Mat now, AugmentationPipeline augmentation, AugmentationRecord record, Mat out) {
        String[] paths = neighbours.get(row.framePath());
        if (paths == null) {
            throw new IllegalArgumentException("frame " + row.framePath() + " is not in the frame set the motion was built from");
        }
        int side = out.rows();
        try (MatVector channels = new MatVector(3)) {
            channels.put(0, neighbour(paths[0], row, now, augmentation, record, side));
            channels.put(1, grey(now, side));
            channels.put(2, neighbour(paths[1], row, now, augmentation, record, side));
            opencv_core.merge(channels, out);
            for (long i = 0; i < channels.size(); i++) {
                channels.get(i).close();
            }
        }
    }

    /** The neighbour in grey at {@code side}, augmented like the frame; the frame itself at a take's end. */
    private Mat neighbour(String path, FrameRecord row, Mat now, AugmentationPipeline augmentation,
                          AugmentationRecord record, int side) {
        if (path.equals(row.framePath())) {
            return grey(now, side);
        }
        if (augmentation == null) {
            byte[] px = plain.computeIfAbsent(path + "\n" + side, k -> {
                try (Mat raw = decode(path, row); Mat g = grey(raw, side)) {
                    byte[] b = new byte[side * side];
                    g.data().get(b);
                    return b;
                }
            });
            Mat g = new Mat(side, side, opencv_core.CV_8U);
            g.data().put(px);
            return g;
        }
        try (Mat raw = decode(path, row);
             Mat augmented = augmentation.apply(new Sample(raw, null, List.of(), List.of(), "right"), record).image()) {
            return grey(augmented, side);
        }
    }

    private Mat decode(String path, FrameRecord row) {
        Path file = root.resolve(path);
        Mat raw = opencv_imgcodecs.imread(file.toString(), opencv_imgcodecs.IMREAD_COLOR);
        if (raw == null || raw.empty()) {
            throw new BadInputException(file, "missing or unreadable frame image (a motion neighbour of " + row.framePath() + ")",
                    "re-extract the frames with 'signkit frames' or remove the row from the manifest");
        }
        return raw;
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
