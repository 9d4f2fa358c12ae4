package org.signkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.signkit.augment.Sample;
import org.signkit.augment.Transform;
import org.signkit.augment.TransformCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code signkit bench augment}: single-thread images/s of every transform at 224x224, and in the same
 * run the same operations in OpenCV-Python (the Debian {@code python3-opencv} package).
 */
@Command(name = "augment", mixinStandardHelpOptions = true,
        description = "Single-thread images/s per transform at 224x224 vs the same operations in OpenCV-Python.")
final class AugmentBenchmark implements Callable<Integer> {

    @Option(names = "--iterations", defaultValue = "2000", description = "Timed images per transform. Default: ${DEFAULT-VALUE}.")
    int iterations;

    @Option(names = "--in", paramLabel = "IMAGE", description = "Image to augment (resized to 224x224). Default: a generated textured image.")
    Path in;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with cv2. Default: ${DEFAULT-VALUE}.")
    String python;

    @Option(names = "--rounds", defaultValue = "3",
            description = "Alternating signkit/OpenCV-Python rounds; the median per transform is reported. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Override
    public Integer call() throws Exception {
        opencv_core.setNumThreads(1);
        Path work = Files.createTempDirectory("signkit-bench-augment");
        Mat image = image();
        Path png = work.resolve("input.png");
        opencv_imgcodecs.imwrite(png.toString(), image);
        List<String> names = new ArrayList<>(TransformCatalog.GEOMETRIC);
        names.addAll(TransformCatalog.INTENSITY);
        // Rounds alternate the two tools so that drifts in machine speed hit both alike.
        double[][] ours = new double[names.size()][rounds];
        double[][] theirs = new double[names.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < names.size(); i++) {
                ours[i][r] = imagesPerSecond(TransformCatalog.preset(names.get(i)).transforms().get(0), image);
            }
            JsonNode peer = runPython(work, png, names);
            for (int i = 0; i < names.size(); i++) {
                theirs[i][r] = peer.path(names.get(i)).asDouble(Double.NaN);
            }
        }
        System.out.printf(Locale.ROOT, "%-20s %12s %12s %7s   (median of %d rounds, %d images each)%n", "transform",
                "signkit/s", "opencv-py/s", "ratio", rounds, iterations);
        for (int i = 0; i < names.size(); i++) {
            double o = Medians.of(ours[i]);
            double t = Medians.of(theirs[i]);
            System.out.printf(Locale.ROOT, "%-20s %12.0f %12.0f %6.2fx%n", names.get(i), o, t, o / t);
        }
        return 0;
    }

    private Mat image() {
        Mat src = in != null ? opencv_imgcodecs.imread(in.toString()) : null;
        if (src == null || src.empty()) {
            src = new Mat(224, 224, opencv_core.CV_8UC3);
            try (org.bytedeco.opencv.opencv_core.RNG rng = new org.bytedeco.opencv.opencv_core.RNG(1);
                 Mat lo = new Mat(1, 1, opencv_core.CV_64F, new org.bytedeco.opencv.opencv_core.Scalar(20));
                 Mat hi = new Mat(1, 1, opencv_core.CV_64F, new org.bytedeco.opencv.opencv_core.Scalar(235));
                 Size k = new Size(9, 9)) {
                rng._fill(src, org.bytedeco.opencv.opencv_core.RNG.UNIFORM, lo, hi);
                opencv_imgproc.GaussianBlur(src, src, k, 3);
            }
        }
        Mat out = new Mat();
        try (Size s = new Size(224, 224)) {
            opencv_imgproc.resize(src, out, s, 0, 0, opencv_imgproc.INTER_AREA);
        }
        return out;
    }

    private double imagesPerSecond(Transform t, Mat image) {
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < Math.max(10, iterations / 5); i++) {
            t.apply(Sample.of(image), t.draw(rng, 224, 224)).image().close();
        }
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            t.apply(Sample.of(image), t.draw(rng, 224, 224)).image().close();
        }
        return iterations / ((System.nanoTime() - start) / 1e9);
    }

    private JsonNode runPython(Path work, Path png, List<String> names) throws Exception {
        Path script = JsonProcess.script(work, "augment_opencv.py");
        List<String> cmd = new ArrayList<>(List.of(python, script.toString(), png.toString(), Integer.toString(iterations)));
        cmd.addAll(names);
        return JsonProcess.run(cmd, true, python + " failed (is python3-opencv installed? apt-get install python3-opencv)");
    }
}
