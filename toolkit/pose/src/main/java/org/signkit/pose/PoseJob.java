package org.signkit.pose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.signkit.core.BadInputException;
import org.signkit.core.FrameManifest;
import org.signkit.core.FrameRecord;
import org.signkit.core.PathNames;
import org.signkit.hands.FrameHands;
import org.signkit.hands.HandObservation;
import org.signkit.hands.HandsFile;
import org.signkit.synth.FrameTruth;
import org.signkit.synth.VideoTruth;
import org.signkit.vision.FrameTake;
import org.signkit.vision.TruthIndex;

/**
 * {@code signkit pose}: one {@code .pose} file per take from a frames folder and its hands ({@code hands.json} of the
 * hands stage): both hands' 21 landmarks (left and right from the dominant hand the hands stage was told) and the face
 * box, in frame pixels, at the take's frame rate; with the synthetic truth, also its body points (shoulders, elbows,
 * wrists, nose). A hand or face not found has confidence 0 and zero coordinates.
 * Each file is {@code OUT/<source video path>.pose}, written atomically; a rerun rewrites them from the same input.
 */
public final class PoseJob {

    /**
     * What a run wrote.
     *
     * @param files      the pose files, one per take
     * @param frames     frames in them
     * @param handFrames frames with at least one hand
     * @param faceFrames frames with the face
     */
    public record Summary(List<Path> files, int frames, int handFrames, int faceFrames) {
    }

    private PoseJob() {
    }

    /**
     * Writes the pose files of every take of {@code frames} (a folder with {@code manifest.csv}).
     *
     * @param truthBody the synthetic truth whose body points to write (with the truth's hands), or null for no body
     */
    public static Summary run(Path frames, HandsFile hands, Path handsFile, TruthIndex truthBody, Path out)
            throws IOException {
        List<FrameRecord> rows = FrameManifest.read(frames.resolve(FrameManifest.FILE_NAME));
        List<Path> files = new ArrayList<>();
        int total = 0;
        int withHands = 0;
        int withFace = 0;
        boolean rightDominant = !"left".equals(hands.dominant());
        for (FrameTake take : FrameTake.of(rows)) {
            int n = take.frames().size();
            int[] size = frameSize(frames.resolve(take.frames().get(0).framePath()));
            PoseHeader header = new PoseHeader(PoseFile.VERSION, size[0], size[1], 0,
                    truthBody == null ? HandPoseComponents.all() : HandPoseComponents.withBody());
            int points = header.points();
            float[] data = new float[n * points * 3];
            float[] confidence = new float[n * points];
            int face = header.offset(HandPoseComponents.FACE_BOX);
            int left = header.offset(HandPoseComponents.LEFT_HAND);
            int right = header.offset(HandPoseComponents.RIGHT_HAND);
            VideoTruth video = truthBody == null ? null : truthBody.of(take.sourceVideo());
            for (int f = 0; f < n; f++) {
                FrameHands h = hands.of(take.frames().get(f).framePath(), handsFile);
                int base = f * points;
                if (video != null) {
                    body(data, confidence, base + header.offset(HandPoseComponents.BODY), video, take.frames().get(f),
                            size);
                }
                if (h.face() != null) {
                    put(data, confidence, base + face, h.face().x0(), h.face().y0(), 0, h.faceConfidence());
                    put(data, confidence, base + face + 1, h.face().x1(), h.face().y1(), 0, h.faceConfidence());
                    withFace++;
                }
                HandObservation l = rightDominant ? h.nonDominant() : h.dominant();
                HandObservation r = rightDominant ? h.dominant() : h.nonDominant();
                boolean any = hand(data, confidence, base + left, l) | hand(data, confidence, base + right, r);
                withHands += any ? 1 : 0;
            }
            total += n;
            double fps = take.frames().get(0).captureFps();
            if (!"source".equals(take.frames().get(0).targetFps())) {
                fps = Double.parseDouble(take.frames().get(0).targetFps());
            }
            Path file = PathNames.within(out, take.sourceVideo().replaceFirst("\\.[^./]+$", "") + ".pose", "take");
            Files.createDirectories(file.getParent());
            new PoseFile(header, new PoseBody((float) fps, n, 1, data, confidence)).write(file);
            files.add(file);
        }
        return new Summary(files, total, withHands, withFace);
    }

    /** The truth's body points of the frame of {@code row}, mapped into it (through its signer crop, if any). */
    private static void body(float[] data, float[] confidence, int at, VideoTruth video, FrameRecord row, int[] size) {
        double ox = 0;
        double oy = 0;
        double sx = (double) size[0] / video.width();
        double sy = (double) size[1] / video.height();
        if (!row.crop().isEmpty()) {
            String[] c = row.crop().trim().split("\\s+");
            ox = Double.parseDouble(c[0]);
            oy = Double.parseDouble(c[1]);
            sx = size[0] / Double.parseDouble(c[2]);
            sy = size[1] / Double.parseDouble(c[2]);
        }
        FrameTruth.Keypoints k = TruthIndex.frame(video, row.sourceFrameIndex()).keypoints();
        if (k == null) {
            throw new BadInputException(Path.of(video.video()), "the synthetic truth has no keypoints (written by an "
                    + "older signkit)", "regenerate the data with 'signkit synth'");
        }
        for (int i = 0; i < k.body().length; i++) {
            put(data, confidence, at + i, (k.body()[i][0] - ox) * sx, (k.body()[i][1] - oy) * sy, 0, 1);
        }
    }

    private static boolean hand(float[] data, float[] confidence, int at, HandObservation h) {
        if (h == null || h.landmarks() == null) {
            return false;
        }
        for (int i = 0; i < h.landmarks().length; i++) {
            double[] p = h.landmarks()[i];
            put(data, confidence, at + i, p[0], p[1], p.length > 2 ? p[2] : 0, h.confidence());
        }
        return true;
    }

    private static void put(float[] data, float[] confidence, int point, double x, double y, double z, double c) {
        data[point * 3] = (float) x;
        data[point * 3 + 1] = (float) y;
        data[point * 3 + 2] = (float) z;
        confidence[point] = (float) c;
    }

    private static int[] frameSize(Path image) {
        try (Mat m = opencv_imgcodecs.imread(image.toString())) {
            if (m == null || m.empty()) {
                throw new BadInputException(image, "missing or unreadable frame image", "re-extract the frames with 'signkit frames'");
            }
            return new int[] {m.cols(), m.rows()};
        }
    }
}
