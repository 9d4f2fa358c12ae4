package org.signkit.cli;

import org.signkit.core.SplitStrategy;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.signkit.train.FrameSet;
import org.signkit.train.ModelSpec;
import org.signkit.train.TrainedModel;
import org.signkit.train.Trainer;
import org.signkit.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code signkit train}: one seeded training run on a frame set. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train EfficientNet-B0 (or the small baseline CNN) on extracted frames.",
                "Splits the frames (by take by default), trains with Adam, evaluates the test split (and --validation)",
                "after every epoch, checkpoints every epoch (a rerun resumes) and writes OUT/model.zip + OUT/model.json."})
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--frames", required = true, paramLabel = "DIR|MANIFEST",
            description = "Frames written by 'signkit frames' (the folder or its manifest.csv).")
    Path frames;

    @Option(names = "--validation", paramLabel = "DIR|MANIFEST",
            description = "An external validation frame set (other scenes, light, signers), scored every epoch.")
    Path validation;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output folder of the model.")
    Path out;

    @Option(names = "--model", defaultValue = "efficientnet-b0",
            description = "efficientnet-b0, baseline-cnn, multistream, multistream-b0, or keypoints (a 1D temporal CNN "
                    + "over each take's pose file, FRAMES/pose/, written by 'signkit pose FRAMES'). Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--size", defaultValue = "224", description = "Input size in pixels (square); for keypoints the clip length in "
            + "frames. Default: ${DEFAULT-VALUE}.")
    int size;

    @Option(names = "--width-mult", defaultValue = "1.0", description = "EfficientNet channel multiplier. Default: ${DEFAULT-VALUE}.")
    double widthMult;

    @Option(names = "--depth-mult", defaultValue = "1.0", description = "EfficientNet depth multiplier. Default: ${DEFAULT-VALUE}.")
    double depthMult;

    @Option(names = "--dropout", defaultValue = "0.2", description = "Dropout before the classifier. Default: ${DEFAULT-VALUE}.")
    double dropout;

    @Option(names = "--epochs", defaultValue = "10", description = "Maximum epochs. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--batch", defaultValue = "16", description = "Batch size. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Adam learning rate. Default: ${DEFAULT-VALUE}.")
    double lr;

    @Option(names = "--schedule", defaultValue = "constant",
            description = "constant, step (halve every epochs/4) or exponential (x0.9 per epoch). Default: ${DEFAULT-VALUE}.")
    String schedule;

    @Option(names = "--patience", defaultValue = "0",
            description = "Early stopping: epochs without a lower loss on a held-out monitor split (10%% of training takes); 0 = off. Default: ${DEFAULT-VALUE}.")
    int patience;

    @Option(names = "--split", defaultValue = "take",
            description = "take, signer or frame (the study's; leaks near-duplicate frames). Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--test", defaultValue = "0.2", description = "Test share. Default: ${DEFAULT-VALUE}.")
    double test;

    @Option(names = "--augment", defaultValue = "none", paramLabel = "PRESET|FILE",
            description = "Augmentation: none, geometric, intensity, all, or a pipeline YAML/JSON. Default: ${DEFAULT-VALUE}.")
    String augment;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of initialisation, split, order, augmentation. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--top-k", defaultValue = "3", description = "k of the reported top-k accuracy. Default: ${DEFAULT-VALUE}.")
    int topK;

    @Option(names = "--workers", defaultValue = "2", description = "Threads decoding and augmenting frames. Default: ${DEFAULT-VALUE}.")
    int workers;

    @Override
    public Integer call() throws Exception {
        TrainingConfig config = new TrainingConfig(new ModelSpec(model.toLowerCase(Locale.ROOT), size, widthMult,
                depthMult, dropout), epochs, batch, lr, schedule, patience, 0.1, SplitStrategy.parse(split), test,
                augment, seed, topK);
        FrameSet data = FrameSet.load(frames);
        FrameSet val = validation == null ? null : FrameSet.load(validation);
        TrainedModel m = new Trainer(config, workers, new TrainingBar(epochs)).train(data, val, out);
        System.out.print(EvalCommand.summary("test split", m.card().test()));
        if (m.card().validation() != null) {
            System.out.print(EvalCommand.summary("validation set", m.card().validation()));
        }
        System.out.println("model: " + out.resolve(TrainedModel.MODEL_FILE) + " (card: "
                + out.resolve(TrainedModel.CARD_FILE) + ", kept epoch " + m.card().keptEpoch() + ")");
        return 0;
    }
}
