package org.signkit.train;

import org.bytedeco.opencv.opencv_core.Mat;
import org.signkit.augment.AugmentationPipeline;
import org.signkit.core.FrameRecord;

/**
 * How a network's input image is made from a frame: the whole frame resized ({@link WholeFrame}), or the
 * frame beside its two hand crops ({@link HandStreams}). Augmentation happens here because its place
 * differs: after resizing a whole frame, before cutting the hands out of it.
 */
public interface InputLayout {

    /** Input height in pixels. */
    int height();

    /** Input width in pixels. */
    int width();

    /**
     * The input image of one frame (BGR, {@link #height()} × {@link #width()}); the caller closes it.
     *
     * @param row          the frame's manifest row
     * @param frame        the decoded frame at its stored size; the caller owns it
     * @param augmentation applied when not null, seeded by {@code seed}, {@code epoch} and the frame path
     */
    Mat render(FrameRecord row, Mat frame, AugmentationPipeline augmentation, long seed, int epoch);
}
