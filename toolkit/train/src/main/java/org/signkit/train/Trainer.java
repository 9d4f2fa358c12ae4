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
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.signkit.augment.AugmentationPipeline;
import org.signkit.augment.TransformCatalog;
import org.signkit.core.AtomicFiles;
import org.signkit.core.FrameRecord;
import org.signkit.core.Json;
import org.signkit.core.Provenance;

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
        this.config = config;
        this.workers = workers;
        this.progress = progress;
        this.updater = config.updater();
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
        Rows rows = rows(data, validation, classes);
        AugmentationPipeline augmentation = "none".equals(config.augmentation()) ? null
                : TransformCatalog.resolve(config.augmentation());
        ModelSpec spec = config.model();
        NetworkArchitecture arch = spec.build(classes.size(), config.seed());

        Path checkpoints = out.resolve(CHECKPOINTS);
        State state = resumable(checkpoints, dataSha);
        ComputationGraph net;
        if (state != null) {
            net = TrainingEngine.restore(checkpoints.resolve(state.checkpoint()), true);
            progress.note("resuming after epoch " + state.epoch() + " from " + checkpoints.resolve(state.checkpoint()));
        } else {
            net = TrainingEngine.build(arch, updater);
            state = new State(config.hash(), dataSha, 0, null, List.of(), 0, Double.POSITIVE_INFINITY);
        }
        TrainingEngines.Choice choice = TrainingEngines.choose(config.engine(), net);
        if (choice.fallback() != null) {
            progress.note(choice.fallback());
        }
        TrainingEngine engine = choice.engine();

        // A keypoint model has no pixels to normalise.
        Normalization normalization = spec.keypoints() ? null : Normalization.imagenet();
        try (SampleBatches batches = spec.batches(data, classes, normalization, augmentation, config.seed(), workers);
             SampleBatches external = validation == null ? null
                     : spec.batches(validation, classes, normalization, null, config.seed(), workers);
             Fitting fitting = new Fitting(engine.bind(net), classes, batches, external, rows)) {
            int sinceBest = state.epoch() - state.bestEpoch();
            // The scores of the weights the network holds now, if this process computed them.
            Scores scores = null;
            for (int epoch = state.epoch() + 1; epoch <= config.epochs(); epoch++) {
                if (config.patience() > 0 && sinceBest >= config.patience()) {
                    progress.note("early stop: no lower monitor loss for " + config.patience() + " epochs");
                    break;
                }
                scores = fitting.epoch(net, epoch);
                EpochRecord rec = scores.record();
                boolean better = config.patience() == 0 || rec.monitorLoss() < state.bestLoss();
                sinceBest = better ? 0 : sinceBest + 1;
                List<EpochRecord> history = new ArrayList<>(state.history());
                history.add(rec);
                state = checkpoint(checkpoints, net, state, rec, history, better);
                progress.epoch(rec);
            }
            if (state.bestEpoch() != state.epoch()) {
                net = TrainingEngine.restore(checkpoints.resolve(bestFile(state.bestEpoch())), true);
                fitting.rebind(engine.bind(net));
                scores = null;
            }
            if (scores == null) {
                scores = fitting.scores(null);
            }
            // The network's input is what the layout makes (a keypoint model: channels × clip length).
            ModelCard card = new ModelCard(ModelCard.FORMAT, arch.name(), classes, arch.height(), arch.width(),
                    normalization, config, new ModelCard.DataSummary(data.manifest().toString(), dataSha,
                    config.split().id(), rows.train().size(), rows.monitor().size(), rows.test().size(),
                    validation == null ? null : validation.manifest().toString(),
                    validation == null ? null : validation.sha256(), rows.warnings()),
                    state.history(), state.bestEpoch(), scores.test(), scores.validation(), Provenance.current(),
                    versions(), Parameters.trainable(net), engine.id());
            TrainedModel model = new TrainedModel(net, card);
            model.save(out);
            AtomicFiles.deleteRecursively(checkpoints);
            return model;
        }
    }

    /**
     * The rows a run uses: the split's training rows (less the monitor rows of early stopping), its test rows,
     * the external validation rows of known signs, and the split's warnings.
     */
    private record Rows(List<FrameRecord> train, List<FrameRecord> monitor, List<FrameRecord> test,
                        List<FrameRecord> validation, List<String> warnings) {
    }

    private Rows rows(FrameSet data, FrameSet validation, List<String> classes) {
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
        return new Rows(train, monitor, split.test(), validationRows, split.warnings());
    }

    /** An epoch's record and the full reports behind its test and validation numbers. */
    private record Scores(EpochRecord record, ClassificationReport test, ClassificationReport validation) {
    }

    /** A network bound to its engine with the batches and rows it trains and is scored on. */
    private final class Fitting implements AutoCloseable {
        private final List<String> classes;
        private final SampleBatches batches;
        private final SampleBatches external;
        private final Rows rows;
        private TrainingEngine.BoundNetwork bound;

        Fitting(TrainingEngine.BoundNetwork bound, List<String> classes, SampleBatches batches, SampleBatches external,
                Rows rows) {
            this.bound = bound;
            this.classes = classes;
            this.batches = batches;
            this.external = external;
            this.rows = rows;
        }

        /** Binds another network (the best epoch's weights) in place of the current one. */
        void rebind(TrainingEngine.BoundNetwork next) {
            bound.close();
            bound = next;
        }

        /** One pass over the training rows, then the monitor, test and validation scores. */
        Scores epoch(ComputationGraph net, int epoch) {
            // Dropout draws from ND4J's global generator: reseed it per epoch so that a resumed run matches.
            Nd4j.getRandom().setSeed(AugmentationPipeline.sampleSeed(config.seed(), epoch, -2));
            net.getConfiguration().setEpochCount(epoch - 1);
            double lr = updater.getLearningRate(0, epoch - 1);
            List<FrameRecord> train = rows.train();
            int steps = (train.size() + config.batchSize() - 1) / config.batchSize();
            long start = System.nanoTime();
            double lossSum = 0;
            int correct = 0;
            int seen = 0;
            int step = 0;
            for (Iterator<DataSet> it = batches.epoch(train, epoch, config.batchSize(), true); it.hasNext(); ) {
                DataSet ds = it.next();
                int n = (int) ds.getFeatures().size(0);
                int[] truth = Nd4j.argMax(ds.getLabels(), 1).toIntVector();
                TrainingEngine.Step s = bound.fit(ds.getFeatures(), ds.getLabels());
                lossSum += s.score() * n;
                for (int k = 0; k < n; k++) {
                    correct += s.predictions()[k] == truth[k] ? 1 : 0;
                }
                seen += n;
                step++;
                double secs = (System.nanoTime() - start) / 1e9;
                progress.step(epoch, step, steps, lossSum / seen, (double) correct / seen, seen / secs);
            }
            double secs = (System.nanoTime() - start) / 1e9;
            double monitorLoss = rows.monitor().isEmpty() ? Double.NaN
                    : TrainedModel.evaluate(bound::output, batches, rows.monitor(), classes, 1, config.batchSize())
                    .meanLoss();
            return scores(new EpochRecord(epoch, lr, lossSum / Math.max(1, seen), (double) correct / Math.max(1, seen),
                    monitorLoss, Double.NaN, Double.NaN, Double.NaN, secs, seen / secs));
        }

        /**
         * The test and validation reports of the weights bound now, with {@code trained} (an epoch's training
         * record, or null) completed by their loss and accuracies.
         */
        Scores scores(EpochRecord trained) {
            ClassificationReport t = TrainedModel.evaluate(bound::output, batches, rows.test(), classes, config.topK(),
                    config.batchSize());
            ClassificationReport v = external == null ? null
                    : TrainedModel.evaluate(bound::output, external, rows.validation(), classes, config.topK(),
                    config.batchSize());
            EpochRecord rec = trained == null ? null : new EpochRecord(trained.epoch(), trained.learningRate(),
                    trained.trainLoss(), trained.trainAccuracy(), trained.monitorLoss(), t.meanLoss(), t.accuracy(),
                    v == null ? Double.NaN : v.accuracy(), trained.seconds(), trained.imagesPerSecond());
            return new Scores(rec, t, v);
        }

        /** Frees the engine's buffers now (several GB at 224 px), not when the collector gets to them. */
        @Override
        public void close() {
            bound.close();
        }
    }

    private State checkpoint(Path dir, ComputationGraph net, State previous, EpochRecord rec, List<EpochRecord> history,
                             boolean better) throws IOException {
        Files.createDirectories(dir);
        String file = "epoch-" + rec.epoch() + ".zip";
        AtomicFiles.write(dir.resolve(file), o -> TrainingEngine.save(net, o));
        int bestEpoch = better ? rec.epoch() : previous.bestEpoch();
        double bestLoss = better ? rec.monitorLoss() : previous.bestLoss();
        if (better && config.patience() > 0) {
            AtomicFiles.write(dir.resolve(bestFile(rec.epoch())), o -> TrainingEngine.save(net, o));
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

    private List<FrameRecord> known(FrameSet set, List<String> classes) {
        FrameSet.Selection known = set.framesOf(classes);
        if (!known.skipped().isEmpty()) {
            progress.note("validation set " + set.manifest() + ": skipping frames of signs the model does not know "
                    + known.skipped());
        }
        return known.rows();
    }

    private static Map<String, String> versions() {
        Map<String, String> v = new TreeMap<>();
        v.put("deeplearning4j", ComputationGraph.class.getPackage().getImplementationVersion() == null ? "1.0.0-M2.1"
                : ComputationGraph.class.getPackage().getImplementationVersion());
        v.put("nd4j-backend", Nd4j.getBackend().getClass().getSimpleName());
        v.put("javacpp-platform-extension", System.getProperty("org.bytedeco.javacpp.platform.extension", ""));
        v.put("dl4j-layer-helpers", "false".equals(System.getProperty(Backend.HELPERS_DISABLE)) ? "on" : "off");
        return v;
    }
}
