package org.signkit.pose;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.signkit.hands.FrameHands;
import org.signkit.vision.FrameTake;

/**
 * Where a take's body points come from for its {@code POSE_LANDMARKS} component: the synthetic truth
 * ({@link TruthBodyPoints}) or MediaPipe's pose landmarker ({@link MediaPipeBodyPoints}).
 */
public interface BodyPoints {

    /** The point names, in order (MediaPipe Pose's names). */
    List<String> names();

    /**
     * Per frame of the take, {@code {x, y, confidence}} of each point in the frames' pixels, or null for a frame
     * without a body.
     *
     * @param framesRoot the frames folder the take's rows are relative to
     * @param hands      the hands stage's result per frame (its face boxes seed a landmarker)
     * @param size       the frames' width and height
     */
    List<double[][]> of(Path framesRoot, FrameTake take, List<FrameHands> hands, int[] size) throws IOException;
}
