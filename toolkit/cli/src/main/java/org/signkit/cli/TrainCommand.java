package org.signkit.cli;

import org.signkit.core.SplitStrategy;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.signkit.train.Architecture;
import org.signkit.train.Engine;
import org.signkit.train.FrameSet;
import org.signkit.train.LearningRateSchedule;
import org.signkit.train.ModelSpec;
import org.signkit.train.TrainedModel;
import org.signkit.train.Trainer;
import org.signkit.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code signkit train}: one seeded training run on a frame set. */
@Command(name = "train", mixinStandardHelpOptions = true, defaultValueProvider = TrainingDefaults.class,
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

    @Option(names = "--model", description = "efficientnet-b0, baseline-cnn, multistream, multistream-b0, or keypoints "
            + "(a 1D temporal CNN over each take's pose file, FRAMES/pose/, written by 'signkit pose FRAMES'). "
            + "Default: ${DEFAULT-VALUE}.")
    Architecture model;

    @Option(names = "--size", description = "Input size in pixels (square); for keypoints the clip length in "
            + "frames. Default: ${DEFAULT-VALUE}.")
    int size;

    @Option(names = "--width-mult", description = "EfficientNet channel multiplier. Default: ${DEFAULT-VALUE}.")
    double widthMult;

    @Option(names = "--depth-mult", description = "EfficientNet depth multiplier. Default: ${DEFAULT-VALUE}.")
    double depthMult;

    @Option(names = "--dropout", description = "Dropout before the classifier. Default: ${DEFAULT-VALUE}.")
    double dropout;

    @Option(names = "--motion", paramLabel = "SECONDS", description = "For multistream and multistream-b0: the frame "
            + "stream shows the take SECONDS before, at and after the frame, in grey (0: the frame in colour). "
            + "Default: ${DEFAULT-VALUE}.")
    double motion;

    @Option(names = "--epochs", description = "Maximum epochs. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--batch", description = "Batch size. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--lr", description = "Adam learning rate. Default: ${DEFAULT-VALUE}.")
    double lr;

    @Option(names = "--schedule",
            description = "constant, step (halve every epochs/4) or exponential (x0.9 per epoch). Default: ${DEFAULT-VALUE}.")
    LearningRateSchedule schedule;

    @Option(names = "--patience",
            description = "Early stopping: epochs without a lower loss on a held-out monitor split (10%% of training takes); 0 = off. Default: ${DEFAULT-VALUE}.")
    int patience;

    @Option(names = "--split",
            description = "take, signer or frame (the study's; leaks near-duplicate frames). Default: ${DEFAULT-VALUE}.")
    SplitStrategy split;

    @Option(names = "--test", description = "Test share. Default: ${DEFAULT-VALUE}.")
    double test;

    @Option(names = "--augment", paramLabel = "PRESET|FILE",
            description = "Augmentation: none, geometric, intensity, all, or a pipeline YAML/JSON. Default: ${DEFAULT-VALUE}.")
    String augment;

    @Option(names = "--seed", description = "Seed of initialisation, split, order, augmentation. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--top-k", description = "k of the reported top-k accuracy. Default: ${DEFAULT-VALUE}.")
    int topK;

    @Option(names = "--engine", description = "auto (the oneDNN engine on CPU for the graphs it runs, else DL4J's "
            + "layers), onednn or dl4j. Default: ${DEFAULT-VALUE}.")
    Engine engine;

    @Option(names = "--workers", defaultValue = "2", description = "Threads decoding and augmenting frames. Default: ${DEFAULT-VALUE}.")
    int workers;

    @Override
    public Integer call() throws Exception {
        TrainingConfig config = new TrainingConfig(new ModelSpec(model, size, widthMult, depthMult, dropout, motion), epochs,
                batch, lr, schedule, patience, TrainingConfig.DEFAULTS.monitorFraction(), split, test, augment, seed, topK,
                null, engine);
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
