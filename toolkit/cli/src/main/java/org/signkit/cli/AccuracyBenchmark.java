package org.signkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.signkit.core.CsvTable;
import org.signkit.core.DataSplit;
import org.signkit.core.FrameRecord;
import org.signkit.core.SplitStrategy;
import org.signkit.synth.Box;
import org.signkit.synth.VideoTruth;
import org.signkit.train.EpochRecord;
import org.signkit.train.FrameSet;
import org.signkit.train.Architecture;
import org.signkit.train.LearningRateSchedule;
import org.signkit.train.ModelSpec;
import org.signkit.train.TrainedModel;
import org.signkit.train.Trainer;
import org.signkit.train.TrainingConfig;
import org.signkit.vision.TruthIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code signkit bench accuracy}: one {@code signkit train} run and, in the same command, the same
 * network trained in PyTorch on the same frames, split, input size, optimiser and epochs, so that an
 * accuracy short of a target can be told apart from a trainer defect. With the synthetic ground truth it
 * also counts the test frames that show the signer at rest, which bound any single-frame classifier.
 */
@Command(name = "accuracy", mixinStandardHelpOptions = true,
        description = {"Test accuracy per epoch of 'signkit train' (DL4J) and of the same network in PyTorch,",
                "same frames, split, size, Adam settings and epochs (python3-torch, python3-opencv).",
                "With --truth, also the share of test frames at rest and the single-frame ceiling it implies."})
final class AccuracyBenchmark implements Callable<Integer> {

    /** Hand movement (share of the frame height) below which a frame counts as at rest. */
    static final double REST_TOLERANCE = 0.025;

    @Option(names = "--frames", required = true, paramLabel = "DIR|MANIFEST", description = "Frames written by 'signkit frames'.")
    Path frames;

    @Option(names = "--truth", paramLabel = "DIR",
            description = "Synthetic ground truth of the frames' videos, e.g. datasets/generated/synthsign/truth/capture60.")
    Path truth;

    @Option(names = "--model", defaultValue = "baseline-cnn", description = "baseline-cnn or efficientnet-b0. Default: ${DEFAULT-VALUE}.")
    Architecture model;

    @Option(names = "--size", defaultValue = "64", description = "Input size in pixels. Default: ${DEFAULT-VALUE}.")
    int size;

    @Option(names = "--epochs", defaultValue = "8", description = "Epochs. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--batch", defaultValue = "32", description = "Batch size. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Adam learning rate. Default: ${DEFAULT-VALUE}.")
    double lr;

    @Option(names = "--split", defaultValue = "take", description = "take, signer or frame. Default: ${DEFAULT-VALUE}.")
    SplitStrategy split;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of split, initialisation and order. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Work folder (DL4J model, split). Default: a temporary folder.")
    Path out;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with torch and cv2. Default: ${DEFAULT-VALUE}.")
    String python;

    @Override
    public Integer call() throws Exception {
        Path work = out != null ? Files.createDirectories(out) : Files.createTempDirectory("signkit-bench-accuracy");
        FrameSet data = FrameSet.load(frames);
        ModelSpec spec = new ModelSpec(model, size, 1.0, 1.0, 0.2, 0);
        TrainingConfig config = TrainingConfig.DEFAULTS.withModel(spec)
                .withOptimisation(epochs, batch, lr, LearningRateSchedule.CONSTANT, 0)
                .withSplit(split, TrainingConfig.DEFAULTS.testFraction(), null).withSeed(seed);
        Trainer trainer = new Trainer(config, 2, new TrainingBar(epochs));
        DataSplit parts = trainer.split(data);
        Path splitCsv = work.resolve("split.csv");
        List<List<String>> rows = new ArrayList<>();
        parts.train().forEach(r -> rows.add(List.of(data.imageOf(r).toString(), r.label().sign(), "train")));
        parts.test().forEach(r -> rows.add(List.of(data.imageOf(r).toString(), r.label().sign(), "test")));
        CsvTable.write(splitCsv, List.of("path", "sign", "split"), rows, r -> r);
        TrainedModel ours = trainer.train(data, null, work.resolve("signkit"));
        JsonNode torch = runPython(work, splitCsv, spec.dropout(), Runtime.getRuntime().availableProcessors());

        Table t = new Table("epoch", "signkit train acc", "signkit test acc", "PyTorch train acc", "PyTorch test acc");
        List<EpochRecord> history = ours.card().epochs();
        for (int e = 0; e < history.size(); e++) {
            JsonNode p = torch.path("epochs").path(e);
            t.row(Integer.toString(e + 1), f(history.get(e).trainAccuracy()), f(history.get(e).testAccuracy()),
                    f(p.path("trainAccuracy").asDouble(Double.NaN)), f(p.path("testAccuracy").asDouble(Double.NaN)));
        }
        System.out.printf(Locale.ROOT, "%s at %d px, %s split (%d train / %d test frames, %d classes), batch %d, Adam %s%n",
                spec.architecture().id(), size, config.split().id(), parts.train().size(), parts.test().size(),
                data.signs().size(), batch, lr);
        System.out.print(t);
        if (truth != null) {
            printTruthFacts(parts.test(), data.signs().size());
        }
        return 0;
    }

    /** How many test frames show the signer at rest, and how large a hand is at the network's input size. */
    private void printTruthFacts(List<FrameRecord> test, int classes) {
        TruthIndex index = new TruthIndex(truth);
        Map<String, VideoTruth> videos = new HashMap<>();
        long rest = 0;
        double handW = 0;
        double handH = 0;
        for (FrameRecord r : test) {
            VideoTruth v = videos.computeIfAbsent(r.sourceVideo(), index::of);
            int i = (int) r.sourceFrameIndex();
            rest += v.atRest(i, REST_TOLERANCE * v.height()) ? 1 : 0;
            Box hand = TruthIndex.frame(v, i).rightHand();
            handW += (hand.x1() - hand.x0()) * (double) size / v.width();
            handH += (hand.y1() - hand.y0()) * (double) size / v.height();
        }
        double share = (double) rest / test.size();
        System.out.printf(Locale.ROOT, "test frames at rest (both hands within %.1f%% of the frame height of where the take"
                + " began): %d of %d (%.1f%%); single-frame ceiling %.3f%n", 100 * REST_TOLERANCE, rest, test.size(),
                100 * share, 1 - share * (1 - 1.0 / classes));
        System.out.printf(Locale.ROOT, "right-hand box at the %d px input (mean over test frames, motion included): %.1f x %.1f px%n",
                size, handW / test.size(), handH / test.size());
    }

    private JsonNode runPython(Path work, Path splitCsv, double dropout, int threads) throws Exception {
        Path script = JsonProcess.script(work, "accuracy_torch.py");
        return JsonProcess.run(List.of(python, script.toString(), splitCsv.toString(), model.id(),
                Integer.toString(size), Integer.toString(epochs), Integer.toString(batch), Double.toString(lr),
                Double.toString(dropout),
                Long.toString(seed), Integer.toString(threads)), true,
                python + " failed (needs python3-torch, python3-torchvision and python3-opencv)");
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
