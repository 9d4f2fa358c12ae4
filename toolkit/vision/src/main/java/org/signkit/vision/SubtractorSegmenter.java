package org.signkit.vision;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.global.opencv_video;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_video.BackgroundSubtractor;

/**
 * OpenCV's background subtractors ({@code mog2}, {@code knn}) over a whole take: a first pass learns the
 * background from every frame, a second pass classifies each frame with learning off (a single pass would
 * call everything foreground at the start of a take). Shadows (marked 127) count as background. A signer
 * who barely moves is learned as background: these methods suit takes with movement.
 *
 * @param method  {@code mog2} or {@code knn}
 * @param minShare smallest kept component (see {@link MaskCleanup})
 * @param feather  feather radius
 */
public record SubtractorSegmenter(String method, double minShare, int feather) implements Segmenter {

    public SubtractorSegmenter {
        if (!method.equals("mog2") && !method.equals("knn")) {
            throw new IllegalArgumentException("unknown subtractor '" + method + "'; use mog2 or knn");
        }
    }

    /** The method with the cleanup defaults. */
    public static SubtractorSegmenter of(String method) {
        return new SubtractorSegmenter(method, MaskCleanup.MIN_SHARE, MaskCleanup.FEATHER);
    }

    @Override
    public String name() {
        return method;
    }

    @Override
    public List<Mat> segment(List<Mat> take) {
        List<Mat> masks = new ArrayList<>(take.size());
        try (BackgroundSubtractor b = method.equals("mog2")
                ? opencv_video.createBackgroundSubtractorMOG2(take.size(), 16, true)
                : opencv_video.createBackgroundSubtractorKNN(take.size(), 400, true);
             Mat scratch = new Mat()) {
            for (Mat f : take) {
                b.apply(f, scratch, -1);
            }
            for (Mat f : take) {
                Mat raw = new Mat();
                b.apply(f, raw, 0);
                opencv_imgproc.threshold(raw, raw, 200, 255, opencv_imgproc.THRESH_BINARY);
                masks.add(MaskCleanup.clean(raw, minShare, feather));
                raw.close();
            }
        }
        return masks;
    }
}
