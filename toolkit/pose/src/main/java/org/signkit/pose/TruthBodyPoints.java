package org.signkit.pose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.signkit.core.BadInputException;
import org.signkit.core.FrameRecord;
import org.signkit.hands.FrameHands;
import org.signkit.synth.FrameTruth;
import org.signkit.synth.VideoTruth;
import org.signkit.vision.FrameTake;
import org.signkit.vision.TruthIndex;

/**
 * The body points {@code signkit synth} recorded for the skeleton it drew (nose, shoulders, elbows, wrists), mapped
 * into each frame through its signer crop, if any. An upper bound, never a real dataset's method.
 *
 * @param truth the truth folder of the frames' video group
 */
public record TruthBodyPoints(TruthIndex truth) implements BodyPoints {

    @Override
    public List<String> names() {
        return FrameTruth.BODY_POINTS;
    }

    @Override
    public List<double[][]> of(Path framesRoot, FrameTake take, List<FrameHands> hands, int[] size) {
        VideoTruth video = truth.of(take.sourceVideo());
        List<double[][]> out = new ArrayList<>(take.frames().size());
        for (FrameRecord row : take.frames()) {
            double ox = 0;
            double oy = 0;
            double sx = (double) size[0] / video.width();
            double sy = (double) size[1] / video.height();
            double[] square = row.cropSquare();
            if (square != null) {
                ox = square[0];
                oy = square[1];
                sx = size[0] / square[2];
                sy = size[1] / square[2];
            }
            FrameTruth.Keypoints k = TruthIndex.frame(video, row.sourceFrameIndex()).keypoints();
            if (k == null) {
                throw new BadInputException(Path.of(video.video()), "the synthetic truth has no keypoints (written by an "
                        + "older signkit)", "regenerate the data with 'signkit synth'");
            }
            double[][] points = new double[k.body().length][];
            for (int i = 0; i < points.length; i++) {
                points[i] = new double[] {(k.body()[i][0] - ox) * sx, (k.body()[i][1] - oy) * sy, 1};
            }
            out.add(points);
        }
        return out;
    }
}
