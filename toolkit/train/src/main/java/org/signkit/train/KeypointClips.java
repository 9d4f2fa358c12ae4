package org.signkit.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.signkit.core.BadInputException;
import org.signkit.core.Checksums;
import org.signkit.core.FrameRecord;
import org.signkit.core.PathNames;
import org.signkit.core.SplitStrategy;
import org.signkit.pose.HandPoseComponents;
import org.signkit.pose.PoseAffine;
import org.signkit.pose.PoseComponent;
import org.signkit.pose.PoseFile;
import org.signkit.pose.PoseFrameDrop;
import org.signkit.pose.PoseHeader;
import org.signkit.pose.PoseNormalisation;
import org.signkit.pose.PoseResample;

/**
 * A keypoint model's samples: one per take, the take's {@code .pose} file ({@code signkit pose FRAMES} writes them to
 * {@code FRAMES/pose/<source video>.pose}), normalised by the shoulders (or the face box), resampled to a fixed length
 * and laid out as {@code (x, y, confidence)} channels of each kept point over time. The kept points are each hand's
 * 21 landmarks, the body points signkit writes and the face box's corners; a point a file lacks, or did not find, is
 * 0 with confidence 0, so files from other tools (pose-format's MediaPipe Holistic files) read the same way. Then
 * each hand once more in its own frame, as the Kaggle ISLR entries feed it: {@code (x, y)} of its 21 landmarks
 * relative to the wrist, in units of the wrist to middle-finger-base distance. In body units a hand shape is a
 * few hundredths; in hand units it is the whole signal, and shape is all that tells some signs apart.
 */
public final class KeypointClips {

    /** The folder of a frames set that holds its takes' pose files. */
    public static final String FOLDER = "pose";

    /** Training augmentation (pose-format's {@code augment2d} at half its default spread), applied per take and epoch. */
    static final PoseAffine AFFINE = new PoseAffine(0.1, 0.1, 0.1);
    /** Training frame dropping, before resampling. */
    static final PoseFrameDrop DROP = new PoseFrameDrop(0.1);

    /** Component and point names of the kept points, in channel order. */
    private static final List<String[]> POINTS = points();

    private KeypointClips() {
    }

    private static List<String[]> points() {
        List<String[]> out = new ArrayList<>();
        for (String hand : List.of(HandPoseComponents.LEFT_HAND, HandPoseComponents.RIGHT_HAND)) {
            HandPoseComponents.HAND_POINTS.forEach(p -> out.add(new String[] {hand, p}));
        }
        HandPoseComponents.BODY_POINTS.forEach(p -> out.add(new String[] {HandPoseComponents.BODY, p}));
        out.add(new String[] {HandPoseComponents.FACE_BOX, "TOP_LEFT"});
        out.add(new String[] {HandPoseComponents.FACE_BOX, "BOTTOM_RIGHT"});
        return List.copyOf(out);
    }

    /** Input channels of a clip: {@code x, y, confidence} per kept point, then {@code x, y} of each hand's points. */
    public static int channels() {
        return POINTS.size() * 3 + 2 * HAND * 2;
    }

    private static final int HAND = HandPoseComponents.HAND_POINTS.size();
    private static final int MIDDLE_MCP = HandPoseComponents.HAND_POINTS.indexOf("MIDDLE_FINGER_MCP");

    /** One row per take (its first frame's), in manifest order: the samples of a keypoint model. */
    public static List<FrameRecord> takes(List<FrameRecord> frames) {
        Map<String, FrameRecord> first = new LinkedHashMap<>();
        for (int i = 0; i < frames.size(); i++) {
            first.putIfAbsent(SplitStrategy.TAKE.groupOf(frames.get(i), i), frames.get(i));
        }
        return List.copyOf(first.values());
    }

    /** The pose file of the take of {@code row}. */
    public static Path fileOf(FrameSet set, FrameRecord row) {
        return PathNames.within(set.root().resolve(FOLDER), row.sourceVideo().replaceFirst("\\.[^./]+$", "") + ".pose",
                "take");
    }

    /** A checksum of the set's manifest and every take's pose file: a model records what it was trained on. */
    public static String sha256(FrameSet set) throws IOException {
        StringBuilder all = new StringBuilder(set.sha256());
        for (FrameRecord take : takes(set.frames())) {
            all.append(' ').append(Checksums.sha256(readable(set, take)));
        }
        return Checksums.sha256(all.toString());
    }

    /** The normalised pose of a take. */
    static PoseFile read(FrameSet set, FrameRecord take) {
        Path file = readable(set, take);
        try {
            return new PoseNormalisation().apply(PoseFile.read(file), null);
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(file, "not a usable pose file (" + e.getMessage() + ")",
                    "rewrite it with 'signkit pose " + set.root() + "'", e);
        }
    }

    private static Path readable(FrameSet set, FrameRecord take) {
        Path file = fileOf(set, take);
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, "no pose file for take " + take.sourceVideo(),
                    "write the takes' pose files with 'signkit pose " + set.root() + "' (into " + FOLDER + "/)");
        }
        return file;
    }

    /**
     * The network input of a normalised pose: {@code channels() × length} values, channel-major.
     *
     * @param random draws the augmentation; null for none
     */
    static float[] features(PoseFile normalised, int length, SplittableRandom random) {
        PoseFile pose = normalised;
        if (random != null) {
            pose = DROP.apply(AFFINE.apply(pose, random), random);
        }
        pose = new PoseResample(length).apply(pose, null);
        PoseHeader h = pose.header();
        int[] index = new int[POINTS.size()];
        for (int p = 0; p < index.length; p++) {
            index[p] = pointIndex(h, POINTS.get(p)[0], POINTS.get(p)[1]);
        }
        float[] out = new float[channels() * length];
        for (int p = 0; p < index.length; p++) {
            if (index[p] < 0) {
                continue;
            }
            for (int t = 0; t < length; t++) {
                float c = pose.body().confidence(h, t, 0, index[p]);
                if (c <= 0) {
                    continue;
                }
                out[(3 * p) * length + t] = pose.body().value(h, t, 0, index[p], 0);
                out[(3 * p + 1) * length + t] = pose.body().value(h, t, 0, index[p], 1);
                out[(3 * p + 2) * length + t] = c;
            }
        }
        // The hands in their own frames: points 0..20 and 21..41 of POINTS are the two hands.
        int local = POINTS.size() * 3;
        for (int hand = 0; hand < 2; hand++) {
            int wrist = hand * HAND;
            for (int t = 0; t < length; t++) {
                if (out[(3 * wrist + 2) * length + t] <= 0) {
                    continue;
                }
                double wx = out[(3 * wrist) * length + t];
                double wy = out[(3 * wrist + 1) * length + t];
                double unit = Math.hypot(out[(3 * (wrist + MIDDLE_MCP)) * length + t] - wx,
                        out[(3 * (wrist + MIDDLE_MCP) + 1) * length + t] - wy);
                if (!(unit > 0)) {
                    continue;
                }
                for (int k = 0; k < HAND; k++) {
                    int p = wrist + k;
                    int to = local + 2 * (hand * HAND + k);
                    out[to * length + t] = (float) ((out[(3 * p) * length + t] - wx) / unit);
                    out[(to + 1) * length + t] = (float) ((out[(3 * p + 1) * length + t] - wy) / unit);
                }
            }
        }
        return out;
    }

    private static int pointIndex(PoseHeader h, String component, String point) {
        for (PoseComponent c : h.components()) {
            if (c.name().equals(component)) {
                int i = c.points().indexOf(point);
                return i < 0 ? -1 : h.offset(component) + i;
            }
        }
        return -1;
    }
}
