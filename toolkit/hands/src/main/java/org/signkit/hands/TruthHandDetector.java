package org.signkit.hands;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.signkit.core.FrameRecord;
import org.signkit.synth.Box;
import org.signkit.synth.FrameTruth;
import org.signkit.synth.VideoTruth;
import org.signkit.vision.FrameTake;
import org.signkit.vision.TruthIndex;

/**
 * The synthetic ground truth as a "detector": the face and hand boxes {@code signkit synth} recorded, and the hands'
 * 21 keypoints where the truth has them (depth 0), scaled to the frames' size. An upper bound for the other methods, never a real dataset's method.
 *
 * @param truth    the truth folder of the frames' video group
 * @param dominant the dominant hand ({@code right} or {@code left})
 */
public record TruthHandDetector(TruthIndex truth, String dominant) implements HandDetector {

    @Override
    public HandsMethod method() {
        return HandsMethod.TRUTH;
    }

    @Override
    public List<FrameHands> detect(FrameTake take, List<Mat> images) {
        VideoTruth video = truth.of(take.sourceVideo());
        List<FrameHands> out = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            FrameRecord row = take.frames().get(i);
            FrameTruth t = TruthIndex.frame(video, row.sourceFrameIndex());
            double sx = (double) images.get(i).cols() / video.width();
            double sy = (double) images.get(i).rows() / video.height();
            FrameTruth.Keypoints k = t.keypoints();
            HandObservation right = hand(t.rightHand(), k == null ? null : k.rightHand(), sx, sy);
            HandObservation left = hand(t.leftHand(), k == null ? null : k.leftHand(), sx, sy);
            boolean rightDominant = !"left".equals(dominant);
            out.add(new FrameHands(box(t.face(), sx, sy), t.face() == null || t.face().isEmpty() ? 0 : 1,
                    rightDominant ? right : left, rightDominant ? left : right));
        }
        return out;
    }

    private static HandObservation hand(Box b, double[][] points, double sx, double sy) {
        ImageBox box = box(b, sx, sy);
        if (box == null) {
            return HandObservation.ABSENT;
        }
        if (points == null) {
            return HandObservation.of(box, 1);
        }
        double[][] landmarks = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            landmarks[i] = new double[] {points[i][0] * sx, points[i][1] * sy, 0};
        }
        return new HandObservation(box, 1, landmarks);
    }

    private static ImageBox box(Box b, double sx, double sy) {
        if (b == null || b.isEmpty()) {
            return null;
        }
        return new ImageBox(b.x0() * sx, b.y0() * sy, b.x1() * sx, b.y1() * sy);
    }
}
