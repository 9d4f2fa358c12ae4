package org.signkit.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.core.BadInputException;

/** experiments/representation.yaml: one model per condition, each profile's, on the same takes. */
class RepresentationSpecTest {

    @TempDir
    Path dir;

    private Path spec(String text) throws IOException {
        for (String group : new String[] {"capture60", "signers3", "validation"}) {
            for (int sign = 1; sign <= 14; sign++) {
                Files.createDirectories(dir.resolve("data/videos").resolve(group).resolve("SIGN" + sign));
            }
        }
        return Files.writeString(dir.resolve("representation.yaml"),
                text.replace("dataset: datasets/generated/synthsign", "dataset: " + dir.resolve("data")));
    }

    private static ExperimentSpec.Condition condition(ExperimentSpec s, String name) {
        return s.conditions().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void eachConditionTrainsItsOwnModelAndTheProfilesChooseWhich() throws IOException {
        Path file = spec(Files.readString(Path.of("../../experiments/representation.yaml")));
        ExperimentSpec quick = ExperimentSpec.load(file, "quick");
        ExperimentSpec full = ExperimentSpec.load(file, "full");
        assertEquals("baseline-cnn", quick.training(condition(quick, "frame")).model().architecture().id());
        assertEquals(64, quick.training(condition(quick, "frame")).model().size());
        assertEquals("multistream", quick.training(condition(quick, "multistream")).model().architecture().id());
        org.signkit.train.TrainingConfig kq = quick.training(condition(quick, "keypoints"));
        assertTrue(kq.model().keypoints() && kq.model().needsHands(), "keypoints need the hands stage");
        assertEquals(32, kq.model().size(), "the clip length, not the profile's image size");
        assertEquals("efficientnet-b0", full.training(condition(full, "frame")).model().architecture().id());
        assertEquals(224, full.training(condition(full, "frame")).model().size());
        assertEquals("multistream-b0", full.training(condition(full, "multistream")).model().architecture().id());
        assertEquals("keypoints", full.training(condition(full, "keypoints")).model().architecture().id());
        // The signer-count ablation: the same held-out signer, one or two training signers.
        assertEquals("multistream", quick.training(condition(quick, "multistream-1signer")).model().architecture().id());
        assertEquals("multistream-b0", full.training(condition(full, "multistream-2signers")).model().architecture().id());
        for (String name : new String[] {"keypoints-1signer", "keypoints-2signers", "multistream-1signer",
            "multistream-2signers"}) {
            var holdout = quick.training(condition(quick, name)).withAugmentation("none").withSeed(1).holdout();
            assertEquals(java.util.List.of("s3"), holdout.test(), name);
            assertEquals(name.endsWith("1signer") ? 1 : 2, holdout.trainSigners(), name);
            assertEquals("signers3", condition(quick, name).capture());
        }
        // Otherwise the same takes, the same split: every condition splits by take with the same test share and seeds.
        for (ExperimentSpec s : new ExperimentSpec[] {quick, full}) {
            for (ExperimentSpec.Condition c : s.conditions()) {
                if (c.name().endsWith("signer") || c.name().endsWith("signers")) {
                    continue;
                }
                assertEquals("take", s.training(c).split().id(), c.name());
                assertEquals(0.2, s.training(c).testFraction(), 1e-12, c.name());
            }
        }
        // Different models train differently: their trials' configurations differ.
        assertTrue(!quick.training(condition(quick, "frame")).withAugmentation("none").withSeed(1).hash()
                .equals(quick.training(condition(quick, "keypoints")).withAugmentation("none").withSeed(1).hash()));
    }

    @Test
    void aProfileNamingAConditionTheSpecLacksIsAnErrorWithItsLine() throws IOException {
        String text = Files.readString(Path.of("../../experiments/representation.yaml"))
                .replace("      multistream: {model: multistream}", "      multistreem: {model: multistream}");
        Path file = spec(text);
        BadInputException e = assertThrows(BadInputException.class, () -> ExperimentSpec.load(file, "quick"));
        assertTrue(e.getMessage().contains("no condition 'multistreem'"), e.getMessage());
    }

    @Test
    void theTrainingEngineIsOneTypedChoiceOfTheSpecAndItsProfiles() throws IOException {
        String text = Files.readString(Path.of("../../experiments/representation.yaml"));
        ExperimentSpec auto = ExperimentSpec.load(spec(text), "quick");
        assertEquals(org.signkit.train.Engine.AUTO, auto.training().engine(), "auto unless a spec names one");
        String dl4j = text.replace("split: take, test: 0.2}", "split: take, test: 0.2, engine: dl4j}");
        ExperimentSpec named = ExperimentSpec.load(spec(dl4j), "quick");
        for (ExperimentSpec.Condition c : named.conditions()) {
            assertEquals(org.signkit.train.Engine.DL4J, named.trialConfig(c, 1).engine(), c.name());
        }
        // The engine is in the trial's configuration, so its hash (and the trial it keys) differ from auto's.
        ExperimentSpec.Condition frame = named.conditions().get(0);
        assertTrue(!named.trialConfig(frame, 1).hash().equals(auto.trialConfig(auto.conditions().get(0), 1).hash()));
        BadInputException e = assertThrows(BadInputException.class, () -> ExperimentSpec.load(
                spec(text.replace("split: take, test: 0.2}", "split: take, test: 0.2, engine: gpu}")), "quick"));
        assertTrue(e.getMessage().contains("gpu") && e.getMessage().contains("onednn"), e.getMessage());
    }
}
