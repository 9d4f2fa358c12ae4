package org.signkit.augment;

import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A contact sheet of what a pipeline does: one row per transform (the original, then several random
 * draws of that transform alone, applied whatever its probability) and a last row with the whole
 * pipeline as training would apply it.
 */
public final class AugmentationPreview {

    private static final int TILE_W = 128;

    private AugmentationPreview() {
    }

    /** Writes the sheet for {@code frame} to {@code out} (PNG or JPEG by extension). */
    public static void write(AugmentationPipeline pipeline, Mat frame, int draws, long seed, Path out) throws IOException {
        int tileH = (int) Math.round((double) TILE_W * frame.rows() / frame.cols());
        List<String> labels = new ArrayList<>();
        List<List<Mat>> rows = new ArrayList<>();
        for (Transform t : pipeline.transforms()) {
            List<Mat> row = new ArrayList<>();
            for (int d = 0; d < draws; d++) {
                SplittableRandom rng = new SplittableRandom(AugmentationPipeline.sampleSeed(seed, d, t.name().hashCode()));
                row.add(t.apply(Sample.of(frame), t.draw(rng, frame.cols(), frame.rows())).image());
            }
            labels.add(t.name() + (t.labelAltering() ? " (label-altering)" : ""));
            rows.add(row);
        }
        List<Mat> whole = new ArrayList<>();
        for (int d = 0; d < draws; d++) {
            whole.add(pipeline.augment(Sample.of(frame), seed, 0, d).image());
        }
        labels.add("pipeline '" + pipeline.name() + "'");
        rows.add(whole);
        try (Mat sheet = new Mat(rows.size() * tileH, (draws + 1) * TILE_W, opencv_core.CV_8UC3, new Scalar(255, 255, 255, 0))) {
            for (int r = 0; r < rows.size(); r++) {
                tile(sheet, frame, 0, r * tileH, tileH, labels.get(r));
                for (int d = 0; d < draws; d++) {
                    tile(sheet, rows.get(r).get(d), (d + 1) * TILE_W, r * tileH, tileH, null);
                    rows.get(r).get(d).close();
                }
            }
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            if (!opencv_imgcodecs.imwrite(out.toString(), sheet)) {
                throw new IOException("cannot write " + out);
            }
        }
    }

    private static void tile(Mat sheet, Mat image, int x, int y, int h, String label) {
        try (Rect roi = new Rect(x, y, TILE_W, h); Mat dst = new Mat(sheet, roi); Size size = new Size(TILE_W, h)) {
            resize(image, dst, size, 0, 0, INTER_AREA);
            if (label != null) {
                try (Point at = new Point(4, 14); Scalar white = new Scalar(255, 255, 255, 0); Scalar black = new Scalar(0, 0, 0, 0)) {
                    putText(dst, label, at, FONT_HERSHEY_SIMPLEX, 0.36, white, 3, LINE_AA, false);
                    putText(dst, label, at, FONT_HERSHEY_SIMPLEX, 0.36, black, 1, LINE_AA, false);
                }
            }
        }
    }
}
