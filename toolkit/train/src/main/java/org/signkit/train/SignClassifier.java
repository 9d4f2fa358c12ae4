package org.signkit.train;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.signkit.core.FrameRecord;

/** A trained classifier of sign frames, as explanations and evaluation use it: images in, probabilities out. */
public interface SignClassifier {

    /** Class names, in output order. */
    List<String> classes();

    /** Input height the images are resized to. */
    int inputHeight();

    /** Input width the images are resized to. */
    int inputWidth();

    /**
     * Class probabilities of BGR 8-bit images of {@link #inputWidth()} x {@link #inputHeight()}, one row per
     * image; images are scored in batches.
     */
    float[][] predict(List<Mat> images);

    /**
     * The image this classifier sees for a frame of {@code set} (BGR, input size; the caller closes it):
     * by default the frame resized; a multi-stream model packs the frame and its hand crops.
     */
    default Mat input(FrameSet set, FrameRecord row, Mat frame) {
        return new WholeFrame(inputHeight(), inputWidth()).render(row, frame, null, 0, 0);
    }
}
