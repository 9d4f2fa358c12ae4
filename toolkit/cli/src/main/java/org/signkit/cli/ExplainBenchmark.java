package org.signkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.signkit.core.FrameRecord;
import org.signkit.explain.HideColour;
import org.signkit.explain.LimeExplainer;
import org.signkit.explain.LimeSettings;
import org.signkit.train.FrameSet;
import org.signkit.train.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code signkit bench explain}: seconds per LIME explanation against the bare inference of the same
 * number of images (the model calls LIME cannot avoid), measured alternately in the same run.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Seconds per LIME explanation vs bare inference of as many images (ratio; target <= 1.2x).")
final class ExplainBenchmark implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A model folder written by 'signkit train'.")
    Path model;

    @Option(names = "--frames", required = true, paramLabel = "DIR|MANIFEST", description = "Frames to explain.")
    Path frames;

    @Option(names = "--images", defaultValue = "3", description = "Frames explained. Default: ${DEFAULT-VALUE}.")
    int images;

    @Option(names = "--samples", defaultValue = "1000", description = "Samples per explanation. Default: ${DEFAULT-VALUE}.")
    int samples;

    @Option(names = "--segmentation", defaultValue = "quickshift", description = "Superpixels. Default: ${DEFAULT-VALUE}.")
    String segmentation;

    @Option(names = "--batch", defaultValue = "64", description = "Images per model call. Default: ${DEFAULT-VALUE}.")
    int batch;

    /** Scores {@code count} copies of {@code input} in batches, as LIME's model calls do. */
    private void bareInference(TrainedModel m, Mat input, int count) {
        for (int from = 0; from < count; from += batch) {
            List<Mat> b = new ArrayList<>();
            for (int k = from; k < Math.min(count, from + batch); k++) {
                b.add(input);
            }
            m.predict(b);
        }
    }

    @Override
    public Integer call() throws Exception {
        TrainedModel m = TrainedModel.load(model);
        FrameSet set = FrameSet.load(frames);
        LimeSettings settings = new LimeSettings(samples, segmentation, HideColour.MEAN, 0.25, 1.0, 5, 1, batch, 1);
        double lime = 0;
        double bare = 0;
        for (int i = 0; i < images; i++) {
            FrameRecord r = set.frames().get((int) ((i + 0.5) * set.frames().size() / images));
            Mat image = opencv_imgcodecs.imread(set.imageOf(r).toString());
            try (Mat input = new Mat()) {
                opencv_imgproc.resize(image, input, new Size(m.inputWidth(), m.inputHeight()), 0, 0, opencv_imgproc.INTER_AREA);
                if (i == 0) {
                    bareInference(m, input, batch); // warm-up: JIT and the native kernels' first-call setup
                }
                // Alternate which goes first, so that drifts in machine speed hit both alike.
                for (int order = 0; order < 2; order++) {
                    if ((order + i) % 2 == 0) {
                        long t0 = System.nanoTime();
                        bareInference(m, input, samples);
                        bare += (System.nanoTime() - t0) / 1e9;
                    } else {
                        long t0 = System.nanoTime();
                        new LimeExplainer(settings.withSeed(i)).explain(m, input);
                        lime += (System.nanoTime() - t0) / 1e9;
                    }
                }
            } finally {
                image.close();
            }
        }
        System.out.printf(Locale.ROOT, "%s %dx%d, %d samples, %s, batch %d, %d images:%n", m.card().architecture(), m.inputWidth(),
                m.inputHeight(), samples, segmentation, batch, images);
        System.out.printf(Locale.ROOT, "  LIME %.2f s per explanation; bare inference of %d images %.2f s; ratio %.3fx%n",
                lime / images, samples, bare / images, lime / bare);
        return 0;
    }
}
