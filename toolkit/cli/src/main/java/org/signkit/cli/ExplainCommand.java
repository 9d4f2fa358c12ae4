package org.signkit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.signkit.core.BadInputException;
import org.signkit.explain.ExplainJob;
import org.signkit.explain.HideColour;
import org.signkit.explain.LimeSettings;
import org.signkit.train.FrameSet;
import org.signkit.train.TrainedModel;
import org.signkit.vision.TruthIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code signkit explain}: LIME explanations of a model on frames, with trust scores and a gallery. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"LIME-style explanations of a trained model on a few frames per sign, with trust scores:",
                "stability (Jaccard of the top superpixels over reruns with other seeds), deletion and insertion AUC,",
                "and with --truth the pointing game (does the top superpixel fall on a hand or the face?).",
                "Writes OUT/<sign>/*.png, OUT/explanations.json and OUT/index.html."})
final class ExplainCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A model folder written by 'signkit train'.")
    Path model;

    @Option(names = "--frames", required = true, paramLabel = "DIR|MANIFEST", description = "Frames to explain.")
    Path frames;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--per-class", defaultValue = "3", description = "Frames per sign. Default: ${DEFAULT-VALUE}.")
    int perClass;

    @Option(names = "--samples", defaultValue = "1000", description = "Perturbed samples per explanation (lime's default). Default: ${DEFAULT-VALUE}.")
    int samples;

    @Option(names = "--segmentation", defaultValue = "quickshift",
            description = "quickshift (lime's default), slic, slico or felzenszwalb. Default: ${DEFAULT-VALUE}.")
    String segmentation;

    @Option(names = "--hide", defaultValue = "mean", description = "Hidden superpixels become: mean, black or blur. Default: ${DEFAULT-VALUE}.")
    String hide;

    @Option(names = "--top", defaultValue = "5", description = "Superpixels shown and compared for stability. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--labels", defaultValue = "1", description = "Top predicted classes explained. Default: ${DEFAULT-VALUE}.")
    int labels;

    @Option(names = "--reruns", defaultValue = "3", description = "Explanations per frame for stability (1: none). Default: ${DEFAULT-VALUE}.")
    int reruns;

    @Option(names = "--batch", defaultValue = "64", description = "Images per model call. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--truth", paramLabel = "DIR", description = "Synthetic truth of the frames' videos, for the pointing game.")
    Path truth;

    @Option(names = "--seed", defaultValue = "1", description = "Sampling seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() throws Exception {
        LimeSettings settings = new LimeSettings(samples, segmentation, HideColour.parse(hide), 0.25, 1.0, top, labels, batch, seed);
        if (truth != null && !Files.isDirectory(truth)) {
            throw new BadInputException(truth, "no such truth folder", "give the truth/<group> folder 'signkit synth' wrote");
        }
        TrainedModel m = TrainedModel.load(model);
        if (m.card().training().model().keypoints()) {
            throw new BadInputException(model, "this is a keypoint model: LIME here explains images, and its input is "
                    + "the takes' pose files", "explain a frame model; score this one with 'signkit eval'");
        }
        ExplainJob.Result r = new ExplainJob(m, FrameSet.load(frames), perClass, settings, reruns,
                truth == null ? null : new TruthIndex(truth), out).run(System.err::println);
        System.out.printf(Locale.ROOT, "%d explanations -> %s%n", r.entries().size(), out.resolve("index.html"));
        r.means().forEach((k, v) -> System.out.printf(Locale.ROOT, "  mean %s: %s%n", k,
                Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v)));
        return 0;
    }
}
