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
import org.junit.jupiter.api.io.TempDir;
import org.signkit.core.Json;

class TrainerTest {

    private static final TrainingConfig CONFIG = new TrainingConfig(ModelSpec.baseline(32), 2, 16, 3e-3, "step", 0, 0.1,
            SplitStrategy.TAKE, 0.25, "geometric", 21, 2);

    private static FrameSet data;
    private static Path reference;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainOnce() throws Exception {
        data = FrameSet.load(TinyFrameSet.frames());
        reference = shared.resolve("reference");
        new Trainer(CONFIG, 2, new TrainingProgress() { }).train(data, null, reference);
    }

    @Test
    void sameSeedGivesIdenticalMetrics() throws Exception {
        ModelCard first = Json.read(reference.resolve(TrainedModel.CARD_FILE), ModelCard.class);
        new Trainer(CONFIG, 1, new TrainingProgress() { }).train(data, null, dir.resolve("again"));
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
        assertThrows(IllegalStateException.class, () -> new Trainer(CONFIG, 2, killer).train(data, null, out));
        assertTrue(Files.isRegularFile(out.resolve("checkpoint/state.json")));
        assertFalse(Files.exists(out.resolve(TrainedModel.MODEL_FILE)));

        List<String> notes = new ArrayList<>();
        TrainingProgress log = new TrainingProgress() {
            @Override
            public void note(String message) {
                notes.add(message);
            }
        };
        new Trainer(CONFIG, 2, log).train(data, null, out);
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
        assertEquals(CONFIG, card.training());
        assertEquals(Normalization.imagenet(), card.normalization());
        DataSplit split = DataSplit.of(data.frames(), CONFIG.split(), CONFIG.testFraction(), CONFIG.seed());
        ClassificationReport again = model.evaluate(data, split.test(), CONFIG.topK(), CONFIG.batchSize(), 1);
        assertEquals(card.test(), again);
        assertEquals(split.test().size(), again.frames());
    }

    @Test
    void aFinishedRunIsNotRetrained() throws Exception {
        List<String> notes = new ArrayList<>();
        new Trainer(CONFIG, 2, new TrainingProgress() {
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
