package org.signkit.train;

import org.signkit.core.DataSplit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;
import org.signkit.augment.AugmentationPipeline;
import org.signkit.augment.TransformCatalog;
import org.signkit.core.AtomicFiles;
import org.signkit.core.FrameRecord;
import org.signkit.core.Json;
import org.signkit.core.Provenance;
import org.signkit.train.onednn.OneDnnNetwork;

/**
 * Trains one network on a frame set: seeded split, Adam with a learning-rate schedule, optional early
 * stopping on a held-out monitor split, evaluation on the test split (and an external validation set)
 * after every epoch, and a checkpoint per epoch from which a rerun resumes. The same configuration and
 * data give the same metrics: initialisation, split, data order, augmentation and dropout all derive
 * from the configuration's seed.
 */
public final class Trainer {

    private static final String CHECKPOINTS = "checkpoint";
    private static final String STATE = "state.json";

    private final TrainingConfig config;
    private final int workers;
    private final TrainingProgress progress;
    private final IUpdater updater;

    /**
     * @param workers background threads decoding and augmenting frames (does not change results)
     */
    public Trainer(TrainingConfig config, int workers, TrainingProgress progress) {
        Backend.useOneDnnHelpers();
        this.config = config;
        this.workers = workers;
        this.progress = progress;
        this.updater = updater(config);
    }

    /**
     * Where a run stands, written after every epoch.
     *
     * @param configHash   the configuration it belongs to
     * @param manifestSha256 the training data it belongs to
     * @param epoch        last finished epoch
     * @param checkpoint   file name of that epoch's network, in the checkpoint folder
     * @param history      per-epoch records so far
     * @param bestEpoch    epoch with the lowest monitor loss (early stopping), else the last
     * @param bestLoss     that loss
     */
    public record State(String configHash, String manifestSha256, int epoch, String checkpoint,
                        List<EpochRecord> history, int bestEpoch, double bestLoss) {
    }

    /**
     * The train/test split this trainer draws from {@code data}: the same for the same configuration and
     * frames, so a peer (a benchmark, another framework) can train and test on exactly these frames.
     */
    public DataSplit split(FrameSet data) {
        List<FrameRecord> samples = config.model().samples(data.frames());
        return config.holdout() != null ? DataSplit.heldOut(samples, config.holdout())
                : DataSplit.of(samples, config.split(), config.testFraction(), config.seed());
    }

    /** What identifies the training data: the manifest, and for a keypoint model also the takes' pose files. */
    private String dataSha256(FrameSet data) throws IOException {
        return config.model().keypoints() ? KeypointClips.sha256(data) : data.sha256();
    }

    /**
     * Trains, or resumes the run whose checkpoint is in {@code out}, and writes {@code model.zip} and
     * {@code model.json} there. A finished run in {@code out} with the same configuration and data is
     * loaded, not retrained.
     *
     * @param validation an external validation set (the study's harder recordings), or null
     */
    public TrainedModel train(FrameSet data, FrameSet validation, Path out) throws IOException {
        Path modelCard = out.resolve(TrainedModel.CARD_FILE);
        String dataSha = dataSha256(data);
        if (Files.isRegularFile(modelCard)) {
            ModelCard done = Json.read(modelCard, ModelCard.class);
            if (done.training().hash().equals(config.hash()) && done.data().manifestSha256().equals(dataSha)) {
                progress.note("already trained: " + out + " (same configuration and data)");
                return TrainedModel.load(out);
            }
        }
        List<String> classes = data.signs();
        DataSplit split = split(data);
        split.warnings().forEach(progress::note);
        List<FrameRecord> train = split.train();
        List<FrameRecord> monitor = List.of();
        if (config.patience() > 0) {
            DataSplit inner = DataSplit.of(train, config.split(), config.monitorFraction(), config.seed() + 1);
            train = inner.train();
            monitor = inner.test();
        }
        List<FrameRecord> validationRows = validation == null ? List.of()
                : config.model().samples(known(validation, classes));
        AugmentationPipeline augmentation = "none".equals(config.augmentation()) ? null
                : TransformCatalog.resolve(config.augmentation());
        ModelSpec spec = config.model();
        NetworkArchitecture arch = spec.build(classes.size(), config.seed());

        Path checkpoints = out.resolve(CHECKPOINTS);
        State state = resumable(checkpoints, dataSha);
        ComputationGraph net;
        if (state != null) {
            net = ModelSerializer.restoreComputationGraph(checkpoints.resolve(state.checkpoint()).toFile(), true);
            progress.note("resuming after epoch " + state.epoch() + " from " + checkpoints.resolve(state.checkpoint()));
        } else {
            net = new ComputationGraph(arch.configuration(updater));
            net.init();
            state = new State(config.hash(), dataSha, 0, null, List.of(), 0, Double.POSITIVE_INFINITY);
        }
        OneDnnNetwork fast = null;
        UnaryOperator<INDArray> inference;
        if (Backend.oneDnnNetworkWanted()) {
            String why = OneDnnNetwork.unsupported(net);
            if (why == null) {
                fast = new OneDnnNetwork(net);
            } else {
                progress.note("training on DL4J's layers, not signkit's oneDNN network: " + why);
            }
        }
        inference = Backend.inference(fast, net);
        StepAccuracy stepAccuracy = new StepAccuracy(net);
        if (fast == null) {
            net.setListeners(stepAccuracy);
        }

        // A keypoint model has no pixels to normalise.
        Normalization normalization = spec.keypoints() ? null : Normalization.imagenet();
        try (SampleBatches batches = spec.batches(data, classes, normalization, augmentation, config.seed(), workers);
             SampleBatches external = validation == null ? null
                     : spec.batches(validation, classes, normalization, null, config.seed(), workers)) {
            int sinceBest = state.epoch() - state.bestEpoch();
            // The scores of the weights the network holds now, if this process computed them.
            Scores scores = null;
            for (int epoch = state.epoch() + 1; epoch <= config.epochs(); epoch++) {
                if (config.patience() > 0 && sinceBest >= config.patience()) {
                    progress.note("early stop: no lower monitor loss for " + config.patience() + " epochs");
                    break;
                }
                scores = epoch(net, fast, inference, classes, batches, external, train, monitor, split.test(),
                        validationRows, epoch, stepAccuracy);
                EpochRecord rec = scores.record();
                boolean better = config.patience() == 0 || rec.monitorLoss() < state.bestLoss();
                sinceBest = better ? 0 : sinceBest + 1;
                List<EpochRecord> history = new ArrayList<>(state.history());
                history.add(rec);
                state = checkpoint(checkpoints, net, state, rec, history, better);
                progress.epoch(rec);
            }
            if (state.bestEpoch() != state.epoch()) {
                net = ModelSerializer.restoreComputationGraph(checkpoints.resolve(bestFile(state.bestEpoch())).toFile(),
                        true);
                if (fast != null) {
                    fast.close();
                    fast = new OneDnnNetwork(net);
                }
                inference = Backend.inference(fast, net);
                scores = null;
            }
            if (scores == null) {
                scores = new Scores(null, TrainedModel.evaluate(inference, batches, split.test(), classes,
                        config.topK(), config.batchSize()), external == null ? null : TrainedModel.evaluate(inference, external,
                        validationRows, classes, config.topK(), config.batchSize()));
            }
            ClassificationReport test = scores.test();
            ClassificationReport val = scores.validation();
            // The network's input is what the layout makes (a keypoint model: channels × clip length).
            ModelCard card = new ModelCard(ModelCard.FORMAT, arch.name(), classes, arch.height(), arch.width(),
                    normalization, config, new ModelCard.DataSummary(data.manifest().toString(), dataSha,
                    config.split().id(), train.size(), monitor.size(), split.test().size(),
                    validation == null ? null : validation.manifest().toString(),
                    validation == null ? null : validation.sha256(), split.warnings()),
                    state.history(), state.bestEpoch(), test, val, Provenance.current(),
                    versions(fast == null ? "dl4j" : "onednn-network"),
                    Parameters.trainable(net));
            TrainedModel model = new TrainedModel(net, card);
            model.save(out);
            AtomicFiles.deleteRecursively(checkpoints);
            return model;
        } finally {
            // Off-heap buffers of several GB at 224 px: free them now, not when the collector gets to them.
            if (fast != null) {
                fast.close();
            }
        }
    }


    /** An epoch's record and the full reports behind its test and validation numbers. */
    private record Scores(EpochRecord record, ClassificationReport test, ClassificationReport validation) {
    }

    private Scores epoch(ComputationGraph net, OneDnnNetwork fast, UnaryOperator<INDArray> inference,
                         List<String> classes, SampleBatches batches, SampleBatches external,
                              List<FrameRecord> train, List<FrameRecord> monitor, List<FrameRecord> test,
                              List<FrameRecord> validationRows, int epoch, StepAccuracy stepAccuracy) {
        // Dropout draws from ND4J's global generator: reseed it per epoch so that a resumed run matches.
        Nd4j.getRandom().setSeed(AugmentationPipeline.sampleSeed(config.seed(), epoch, -2));
        net.getConfiguration().setEpochCount(epoch - 1);
        double lr = updater.getLearningRate(0, epoch - 1);
        int steps = (train.size() + config.batchSize() - 1) / config.batchSize();
        long start = System.nanoTime();
        double lossSum = 0;
        int correct = 0;
        int seen = 0;
        int step = 0;
        for (Iterator<DataSet> it = batches.epoch(train, epoch, config.batchSize(), true); it.hasNext(); ) {
            DataSet ds = it.next();
            int n = (int) ds.getFeatures().size(0);
            int[] truth = argMax(ds);
            if (fast != null) {
                OneDnnNetwork.Step s = fast.fit(ds.getFeatures(), ds.getLabels());
                lossSum += s.score() * n;
                for (int k = 0; k < n; k++) {
                    correct += s.predictions()[k] == truth[k] ? 1 : 0;
                }
            } else {
                stepAccuracy.expect(truth);
                net.fit(ds);
                lossSum += net.score() * n;
                correct += stepAccuracy.correct();
            }
            seen += n;
            step++;
            double secs = (System.nanoTime() - start) / 1e9;
            progress.step(epoch, step, steps, lossSum / seen, (double) correct / seen, seen / secs);
        }
        double secs = (System.nanoTime() - start) / 1e9;
        double monitorLoss = monitor.isEmpty() ? Double.NaN
                : TrainedModel.evaluate(inference, batches, monitor, classes, 1, config.batchSize()).meanLoss();
        ClassificationReport t = TrainedModel.evaluate(inference, batches, test, classes, config.topK(),
                config.batchSize());
        ClassificationReport v = external == null ? null
                : TrainedModel.evaluate(inference, external, validationRows, classes, config.topK(),
                config.batchSize());
        return new Scores(new EpochRecord(epoch, lr, lossSum / Math.max(1, seen), (double) correct / Math.max(1, seen),
                monitorLoss, t.meanLoss(), t.accuracy(), v == null ? Double.NaN : v.accuracy(), secs, seen / secs), t, v);
    }

    private State checkpoint(Path dir, ComputationGraph net, State previous, EpochRecord rec, List<EpochRecord> history,
                             boolean better) throws IOException {
        Files.createDirectories(dir);
        String file = "epoch-" + rec.epoch() + ".zip";
        AtomicFiles.write(dir.resolve(file), o -> ModelSerializer.writeModel(net, o, true));
        int bestEpoch = better ? rec.epoch() : previous.bestEpoch();
        double bestLoss = better ? rec.monitorLoss() : previous.bestLoss();
        if (better && config.patience() > 0) {
            AtomicFiles.write(dir.resolve(bestFile(rec.epoch())), o -> ModelSerializer.writeModel(net, o, true));
        }
        State state = new State(config.hash(), previous.manifestSha256(), rec.epoch(), file, history, bestEpoch, bestLoss);
        Json.write(dir.resolve(STATE), state);
        // Only now is the previous epoch's network no longer needed to resume.
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".zip") && !n.equals(file) && !n.equals(bestFile(bestEpoch))) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return state;
    }

    private static String bestFile(int epoch) {
        return "best-" + epoch + ".zip";
    }

    private State resumable(Path dir, String dataSha) throws IOException {
        Path file = dir.resolve(STATE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        State s = Json.read(file, State.class);
        if (!s.configHash().equals(config.hash()) || !s.manifestSha256().equals(dataSha)
                || !Files.isRegularFile(dir.resolve(s.checkpoint()))) {
            progress.note("ignoring the checkpoint in " + dir + ": it belongs to another configuration or data");
            AtomicFiles.deleteRecursively(dir);
            return null;
        }
        return s;
    }

    private static IUpdater updater(TrainingConfig config) {
        double lr = config.learningRate();
        return switch (config.schedule()) {
            case "step" -> new Adam(new StepSchedule(ScheduleType.EPOCH, lr, 0.5, Math.max(1, config.epochs() / 4)));
            case "exponential" -> new Adam(new ExponentialSchedule(ScheduleType.EPOCH, lr, 0.9));
            default -> new Adam(lr);
        };
    }

    private List<FrameRecord> known(FrameSet set, List<String> classes) {
        FrameSet.Selection known = set.framesOf(classes);
        if (!known.skipped().isEmpty()) {
            progress.note("validation set " + set.manifest() + ": skipping frames of signs the model does not know "
                    + known.skipped());
        }
        return known.rows();
    }

    private static int[] argMax(DataSet ds) {
        return Nd4j.argMax(ds.getLabels(), 1).toIntVector();
    }

    private static Map<String, String> versions(String path) {
        Map<String, String> v = new TreeMap<>();
        v.put("deeplearning4j", ComputationGraph.class.getPackage().getImplementationVersion() == null ? "1.0.0-M2.1"
                : ComputationGraph.class.getPackage().getImplementationVersion());
        v.put("nd4j-backend", Nd4j.getBackend().getClass().getSimpleName());
        v.put("javacpp-platform-extension", System.getProperty("org.bytedeco.javacpp.platform.extension", ""));
        v.put("dl4j-layer-helpers", "false".equals(System.getProperty(Backend.HELPERS_DISABLE)) ? "on" : "off");
        v.put("training-path", path);
        return v;
    }
}
