package org.signkit.vision;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Separates the signer from the background in the frames of one take (a static camera), one mask per
 * frame: 8-bit, 255 signer, 0 background, values between on feathered edges. Close it when done.
 */
public interface Segmenter extends AutoCloseable {

    /** The method's name, as {@code --method} gives it. */
    String name();

    /** Masks for every frame of a take, in order; the caller closes them. */
    List<Mat> segment(List<Mat> take);

    /** Frees native resources (a network); methods that hold none need not override it. */
    @Override
    default void close() {
    }
}
