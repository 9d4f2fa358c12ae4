package org.signkit.train;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

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
}
