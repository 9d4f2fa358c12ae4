package org.signkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.signkit.core.Json;

/**
 * A model saved before the engine seam (commit 3e554ad, {@code src/test/resources/saved-before-engine-seam}) still
 * loads, keeps its configuration hash (so its trials and checkpoints are still recognised) and classifies as it did.
 * It was made at that commit by a throw-away test: {@code Trainer} with {@code ModelSpec.baseline(32)}, 1 epoch,
 * batch 16, lr 3e-3 constant, take split 0.25, no augmentation, seed 5, top-2, on {@link TinyFrameSet}; then
 * {@code predict} on the first six test frames (on the oneDNN executor, then the only path) wrote
 * {@code expected.json}.
 */
class SavedModelCompatibilityTest {

    private static final Path FIXTURE = Path.of("src/test/resources/saved-before-engine-seam");

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"ONEDNN", "DL4J"})
    void aModelSavedBeforeTheSeamLoadsKeepsItsHashAndPredictsTheSame(Engine engine) throws Exception {
        JsonNode expected = Json.mapper().readTree(FIXTURE.resolve("expected.json").toFile());
        TrainedModel saved = TrainedModel.load(FIXTURE);
        assertNull(saved.card().engine(), "a card from before the seam names no engine");
        assertEquals(Engine.AUTO, saved.card().training().engine());
        assertEquals(expected.get("configHash").asText(), saved.card().training().hash());
        assertEquals(LearningRateSchedule.CONSTANT, saved.card().training().schedule());
        assertEquals(Architecture.BASELINE_CNN, saved.card().training().model().architecture());

        TrainedModel model = new TrainedModel(saved.network(), new ModelCard(saved.card().format(),
                saved.card().architecture(), saved.card().classes(), saved.card().inputHeight(), saved.card().inputWidth(),
                saved.card().normalization(), saved.card().training().withReporting(saved.card().training().topK(), engine),
                saved.card().data(), saved.card().epochs(), saved.card().keptEpoch(), saved.card().test(),
                saved.card().validation(), saved.card().provenance(), saved.card().versions(),
                saved.card().trainableParameters(), saved.card().engine()));
        FrameSet frames = FrameSet.load(TinyFrameSet.frames());
        List<Mat> images = new ArrayList<>();
        for (JsonNode f : expected.get("frames")) {
            images.add(opencv_imgcodecs.imread(frames.root().resolve(f.asText()).toString()));
        }
        float[][] p = model.predict(images);
        for (int i = 0; i < p.length; i++) {
            float[] want = new float[p[i].length];
            for (int k = 0; k < want.length; k++) {
                want[k] = (float) expected.get("probabilities").get(i).get(k).asDouble();
            }
            assertArrayEquals(want, p[i], 1e-4f, engine + " frame " + i);
        }
    }
}
