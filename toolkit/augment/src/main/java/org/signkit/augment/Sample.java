package org.signkit.augment;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * What an augmentation transforms: an 8-bit BGR image and, optionally, what geometric transforms must
 * move with it.
 *
 * @param image      BGR, 8 bits per channel
 * @param mask       single-channel 8-bit mask of the same size, or null
 * @param boxes      labelled boxes (e.g. hands, face)
 * @param keypoints  labelled points
 * @param dominant   which hand the signer signs with ({@code right} or {@code left}); a horizontal flip swaps it
 */
public record Sample(Mat image, Mat mask, List<LabeledBox> boxes, List<Keypoint> keypoints, String dominant) {

    public Sample {
        boxes = List.copyOf(boxes);
        keypoints = List.copyOf(keypoints);
    }

    /** An image alone, right-handed signer. */
    public static Sample of(Mat image) {
        return new Sample(image, null, List.of(), List.of(), "right");
    }

    /** This sample with another image (masks, boxes and points kept). */
    public Sample withImage(Mat newImage) {
        return new Sample(newImage, mask, boxes, keypoints, dominant);
    }
}
