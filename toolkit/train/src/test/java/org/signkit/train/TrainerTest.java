package org.signkit.train;

import org.signkit.core.SplitStrategy;
import org.signkit.core.DataSplit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.core.Json;

/**
 * The trainer on one engine: seeded runs repeat, a killed run resumes, the saved model scores as the card says, a
 * finished run is not retrained. {@code TrainerOnDl4jTest} runs it on DL4J's layers, {@code TrainerOnOneDnnTest}
 * (module train-onednn) on the oneDNN engine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TrainerTest {

    private final TrainingConfig config = new TrainingConfig(ModelSpec.baseline(32), 2, 16, 3e-3,
            LearningRateSchedule.STEP, 0, 0.1, SplitStrategy.TAKE, 0.25, "geometric", 21, 2, null, engine());

    private FrameSet data;
    private Path reference;

    @TempDir
    Path dir;

    /** The engine under test. */
    abstract Engine engine();

    @BeforeAll
    void trainOnce(@TempDir Path shared) throws Exception {
        data = FrameSet.load(TinyFrameSet.frames());
        reference = shared.resolve("reference");
        new Trainer(config, 2, new TrainingProgress() { }).train(data, null, reference);
    }

    @Test
    void sameSeedGivesIdenticalMetrics() throws Exception {
        ModelCard first = Json.read(reference.resolve(TrainedModel.CARD_FILE), ModelCard.class);
        new Trainer(config, 1, new TrainingProgress() { }).train(data, null, dir.resolve("again"));
        ModelCard second = Json.read(dir.resolve("again").resolve(TrainedModel.CARD_FILE), ModelCard.class);
        assertEquals(2, first.epochs().size());
        assertEquals(withoutTimes(first.epochs()), withoutTimes(second.epochs()));
        assertEquals(first.test(), second.test());
    }

    @Test
    void aRunKilledAfterTheFirstEpochResumesFromItsCheckpoint() throws Exception {
        Path out = dir.resolve("killed");
        TrainingProgress killer = new TrainingProgress() {
            @Override
            public void epoch(EpochRecord r) {
                throw new IllegalStateException("killed after epoch " + r.epoch());
            }
        };
        assertThrows(IllegalStateException.class, () -> new Trainer(config, 2, killer).train(data, null, out));
        assertTrue(Files.isRegularFile(out.resolve("checkpoint/state.json")));
        assertFalse(Files.exists(out.resolve(TrainedModel.MODEL_FILE)));

        List<String> notes = new ArrayList<>();
        TrainingProgress log = new TrainingProgress() {
            @Override
            public void note(String message) {
                notes.add(message);
            }
        };
        new Trainer(config, 2, log).train(data, null, out);
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("resuming after epoch 1")), notes.toString());
        ModelCard resumed = Json.read(out.resolve(TrainedModel.CARD_FILE), ModelCard.class);
        ModelCard straight = Json.read(reference.resolve(TrainedModel.CARD_FILE), ModelCard.class);
        assertEquals(withoutTimes(straight.epochs()), withoutTimes(resumed.epochs()));
        assertEquals(straight.test(), resumed.test());
        assertFalse(Files.exists(out.resolve("checkpoint")), "checkpoints are removed once the model is written");
    }

    @Test
    void theSavedModelReproducesItsTestMetricsAndRecordsWhereItCameFrom() throws Exception {
        TrainedModel model = TrainedModel.load(reference);
        ModelCard card = model.card();
        assertEquals(data.signs(), card.classes());
        assertEquals(data.sha256(), card.data().manifestSha256());
        assertEquals(config, card.training());
        assertEquals(engine(), card.engine(), "the card names the engine that trained it");
        assertEquals(Normalization.imagenet(), card.normalization());
        DataSplit split = DataSplit.of(data.frames(), config.split(), config.testFraction(), config.seed());
        ClassificationReport again = model.evaluate(data, split.test(), config.topK(), config.batchSize(), 1);
        assertEquals(card.test(), again);
        assertEquals(split.test().size(), again.frames());
    }

    @Test
    void aFinishedRunIsNotRetrained() throws Exception {
        List<String> notes = new ArrayList<>();
        new Trainer(config, 2, new TrainingProgress() {
            @Override
            public void note(String message) {
                notes.add(message);
            }
        }).train(data, null, reference);
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("already trained")), notes.toString());
    }

    private static List<EpochRecord> withoutTimes(List<EpochRecord> epochs) {
        return epochs.stream().map(e -> new EpochRecord(e.epoch(), e.learningRate(), e.trainLoss(), e.trainAccuracy(),
                e.monitorLoss(), e.testLoss(), e.testAccuracy(), e.validationAccuracy(), 0, 0)).toList();
    }
}
