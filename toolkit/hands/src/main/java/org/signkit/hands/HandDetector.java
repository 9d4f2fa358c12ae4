package org.signkit.hands;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.signkit.vision.FrameTake;

/**
 * Finds the face and both hands in every frame of one take (one static camera, frames in order), so a
 * method may track through the take. Close it when done.
 */
public interface HandDetector extends AutoCloseable {

    /** The method. */
    HandsMethod method();

    /**
     * One result per frame of {@code take}, in order.
     *
     * @param take   the take's manifest rows (source video and frame indices, for the synthetic truth)
     * @param images its decoded frames, BGR, in the same order; the caller owns them
     */
    List<FrameHands> detect(FrameTake take, List<Mat> images);

    /** Frees native resources (networks); methods that hold none need not override it. */
    @Override
    default void close() {
    }
}
