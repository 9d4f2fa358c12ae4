package org.signkit.train;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.signkit.augment.AugmentationPipeline;
import org.signkit.augment.Sample;
import org.signkit.core.FrameRecord;

/**
 * The whole frame resized to the input (area interpolation), then augmented: the study's single-stream input.
 *
 * @param height input height
 * @param width  input width
 */
public record WholeFrame(int height, int width) implements InputLayout {

    @Override
    public Mat render(FrameRecord row, Mat frame, AugmentationPipeline augmentation, long seed, int epoch) {
        Mat img;
        if (frame.cols() == width && frame.rows() == height) {
            img = frame.clone();
        } else {
            img = new Mat();
            resize(frame, img, new Size(width, height), 0, 0, INTER_AREA);
        }
        if (augmentation == null) {
            return img;
        }
        Sample s = augmentation.augment(Sample.of(img), seed, epoch, row.framePath().hashCode());
        img.close();
        return s.image();
    }
}
