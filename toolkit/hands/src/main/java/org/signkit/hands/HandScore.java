package org.signkit.hands;

import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.signkit.core.FrameRecord;
import org.signkit.vision.FrameTake;
import org.signkit.vision.TruthIndex;

/**
 * A method's boxes against the synthetic truth: recall at IoU 0.5 and mean IoU (a miss counts 0) for
 * the face and for the hands, and swaps (a found hand that matches the other hand's truth better).
 *
 * @param method       the method scored
 * @param frames       frames scored
 * @param faceRecall   share of true faces found at IoU ≥ 0.5
 * @param faceMeanIou  mean IoU over true faces
 * @param hands        true hands (both sides) in those frames
 * @param handRecall   share of true hands found, on the right side, at IoU ≥ 0.5
 * @param handMeanIou  mean IoU over true hands
 * @param swaps        found hands matching the other hand's truth at IoU ≥ 0.5 better than their own
 * @param landmarkHands found hands with landmarks, on the side of a true hand with keypoints
 * @param landmarkErrorPx mean distance in frame pixels between their 21 landmarks and the true keypoints (NaN when
 *                     none: a method without landmarks, or truth without keypoints)
 */
public record HandScore(HandsMethod method, int frames, double faceRecall, double faceMeanIou, int hands,
                        double handRecall, double handMeanIou, int swaps, int landmarkHands, double landmarkErrorPx) {

    /** IoU at which a box counts as found. */
    public static final double MATCH_IOU = 0.5;

    /** Scores the boxes of every row of {@code rows} (frames under {@code framesRoot}) against {@code truth}. */
    public static HandScore of(HandsFile found, Path framesRoot, List<FrameRecord> rows, TruthIndex truth) {
        HandsMethod method = found.method();
        TruthHandDetector reference = new TruthHandDetector(truth, found.dominant());
        int frames = 0;
        int faces = 0;
        int faceHits = 0;
        double faceIou = 0;
        int hands = 0;
        int handHits = 0;
        double handIou = 0;
        int swaps = 0;
        int landmarkHands = 0;
        double landmarkError = 0;
        for (FrameTake take : FrameTake.of(rows)) {
            Mat first = opencv_imgcodecs.imread(framesRoot.resolve(take.frames().get(0).framePath()).toString());
            try {
                // The truth detector only reads each image's size.
                List<Mat> sized = java.util.Collections.nCopies(take.frames().size(), first);
                List<FrameHands> expected = reference.detect(take, sized);
                for (int i = 0; i < expected.size(); i++) {
                    FrameHands t = expected.get(i);
                    FrameHands f = found.frames().get(take.frames().get(i).framePath());
                    if (f == null) {
                        continue;
                    }
                    frames++;
                    if (t.face() != null) {
                        faces++;
                        double iou = f.face() == null ? 0 : f.face().iou(t.face());
                        faceIou += iou;
                        faceHits += iou >= MATCH_IOU ? 1 : 0;
                    }
                    HandObservation[] tr = {t.dominant(), t.nonDominant()};
                    HandObservation[] fo = {f.dominant(), f.nonDominant()};
                    for (int k = 0; k < 2; k++) {
                        double own = tr[k].present() && fo[k].present() ? fo[k].box().iou(tr[k].box()) : 0;
                        double other = tr[1 - k].present() && fo[k].present() ? fo[k].box().iou(tr[1 - k].box()) : 0;
                        if (other >= MATCH_IOU && other > own) {
                            swaps++;
                        }
                        if (tr[k].landmarks() != null && fo[k].landmarks() != null) {
                            landmarkHands++;
                            landmarkError += meanDistance(fo[k].landmarks(), tr[k].landmarks());
                        }
                        if (tr[k].present()) {
                            hands++;
                            handIou += own;
                            handHits += own >= MATCH_IOU ? 1 : 0;
                        }
                    }
                }
            } finally {
                first.close();
            }
        }
        return new HandScore(method, frames, faces == 0 ? Double.NaN : (double) faceHits / faces,
                faces == 0 ? Double.NaN : faceIou / faces, hands, hands == 0 ? Double.NaN : (double) handHits / hands,
                hands == 0 ? Double.NaN : handIou / hands, swaps, landmarkHands,
                landmarkHands == 0 ? Double.NaN : landmarkError / landmarkHands);
    }

    private static double meanDistance(double[][] a, double[][] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.hypot(a[i][0] - b[i][0], a[i][1] - b[i][1]);
        }
        return sum / a.length;
    }
}
