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
import org.signkit.vision.FrameTake;

/**
 * {@code signkit pose}: one {@code .pose} file per take from a frames folder and its hands ({@code hands.json} of the
 * hands stage): both hands' 21 landmarks (left and right from the dominant hand the hands stage was told), the face
 * box and BlazeFace's face keypoints, in frame pixels, at the take's frame rate; and the body from a {@link BodyPoints}
 * (MediaPipe's pose landmarker, or the synthetic truth's nose, shoulders, elbows and wrists). A hand or face not found has confidence 0 and zero coordinates.
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
     * @param bodyFrames frames with a body
     */
    public record Summary(List<Path> files, int frames, int handFrames, int faceFrames, int bodyFrames) {
    }

    private PoseJob() {
    }

    /**
     * Writes the pose files of every take of {@code frames} (a folder with {@code manifest.csv}).
     *
     * @param body where the body points come from, or null for no body component
     */
    public static Summary run(Path frames, HandsFile hands, Path handsFile, BodyPoints body, Path out)
            throws IOException {
        List<FrameRecord> rows = FrameManifest.read(frames.resolve(FrameManifest.FILE_NAME));
        List<Path> files = new ArrayList<>();
        int total = 0;
        int withHands = 0;
        int withFace = 0;
        int withBody = 0;
        boolean rightDominant = !"left".equals(hands.dominant());
        for (FrameTake take : FrameTake.of(rows)) {
            int n = take.frames().size();
            int[] size = frameSize(frames.resolve(take.frames().get(0).framePath()));
            PoseHeader header = new PoseHeader(PoseFile.VERSION, size[0], size[1], 0,
                    body == null ? HandPoseComponents.all() : HandPoseComponents.withBody(body.names()));
            int points = header.points();
            float[] data = new float[n * points * 3];
            float[] confidence = new float[n * points];
            int face = header.offset(HandPoseComponents.FACE_BOX);
            int left = header.offset(HandPoseComponents.LEFT_HAND);
            int right = header.offset(HandPoseComponents.RIGHT_HAND);
            List<FrameHands> takeHands = new ArrayList<>(n);
            for (FrameRecord row : take.frames()) {
                takeHands.add(hands.of(row.framePath(), handsFile));
            }
            List<double[][]> bodies = body == null ? null : body.of(frames, take, takeHands, size);
            for (int f = 0; f < n; f++) {
                FrameHands h = takeHands.get(f);
                int base = f * points;
                if (bodies != null && bodies.get(f) != null) {
                    int at = base + header.offset(HandPoseComponents.BODY);
                    double[][] b = bodies.get(f);
                    for (int k = 0; k < b.length; k++) {
                        put(data, confidence, at + k, b[k][0], b[k][1], 0, b[k][2]);
                    }
                    withBody++;
                }
                if (h.face() != null) {
                    put(data, confidence, base + face, h.face().x0(), h.face().y0(), 0, h.faceConfidence());
                    put(data, confidence, base + face + 1, h.face().x1(), h.face().y1(), 0, h.faceConfidence());
                    withFace++;
                    if (h.faceKeypoints() != null) {
                        int at = base + header.offset(HandPoseComponents.FACE_KEYPOINTS);
                        for (int k = 0; k < h.faceKeypoints().length; k++) {
                            put(data, confidence, at + k, h.faceKeypoints()[k][0], h.faceKeypoints()[k][1], 0,
                                    h.faceConfidence());
                        }
                    }
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
        return new Summary(files, total, withHands, withFace, withBody);
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
