package org.signkit.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.core.BadInputException;

/** A spec is checked whole, whatever the profile: values a profile overrides, every reference, duplicate keys. */
class SpecValidationTest {

    @TempDir
    Path dir;

    private String spec;

    @BeforeEach
    void dataset() throws Exception {
        for (String sign : new String[] {"a", "b", "c"}) {
            Files.createDirectories(dir.resolve("data/videos/capture30").resolve(sign));
        }
        spec = """
                name: checked
                dataset: %s
                defaults: {capture: capture30, fps: 10}
                conditions:
                  - {name: plain}
                  - {name: flipped, augmentation: horizontal_flip}
                  - {name: rotated, augmentation: rotation}
                repeats: 3
                analysis:
                  - {test: ttest, metric: test_accuracy, groups: [flipped, plain]}
                profiles:
                  quick:
                    repeats: 3
                    conditions: [plain, flipped]
                """.formatted(dir.resolve("data"));
    }

    private String error(String text) throws Exception {
        Path f = Files.writeString(dir.resolve("spec.yaml"), text);
        return assertThrows(BadInputException.class, () -> ExperimentSpec.load(f, "quick")).getMessage();
    }

    @Test
    void theValidSpecLoads() throws Exception {
        ExperimentSpec s = ExperimentSpec.load(Files.writeString(dir.resolve("spec.yaml"), spec), "quick");
        assertEquals(2, s.conditions().size());
        assertEquals(1, s.analysis().size());
    }

    @Test
    void aProfilesDefaultsFillWhatAConditionLeavesOut() throws Exception {
        String text = spec.replace("    repeats: 3\n    conditions", "    defaults: {augmentation: intensity, fps: 5}\n    repeats: 3\n    conditions");
        ExperimentSpec quick = ExperimentSpec.load(Files.writeString(dir.resolve("spec.yaml"), text), "quick");
        // 'plain' names neither key: the profile's values. 'flipped' names its augmentation: its own.
        assertEquals("intensity", quick.conditions().get(0).augmentation());
        assertEquals("5", quick.conditions().get(0).fps());
        assertEquals("horizontal_flip", quick.conditions().get(1).augmentation());
        // The spec's defaults still fill what the profile leaves out, and without the profile nothing changes.
        assertEquals("capture30", quick.conditions().get(0).capture());
        ExperimentSpec plain = ExperimentSpec.load(dir.resolve("spec.yaml"), null);
        assertEquals("none", plain.conditions().get(0).augmentation());
        assertEquals("10", plain.conditions().get(0).fps());
        String e = error(text.replace("defaults: {augmentation: intensity", "defaults: {augmentation: intensty"));
        assertTrue(e.contains("profiles.quick.defaults.augmentation"), e);
    }

    @Test
    void aBadValueTheProfileOverridesIsStillAnError() throws Exception {
        String e = error(spec.replace("repeats: 3\nanalysis", "repeats: three\nanalysis"));
        assertTrue(e.contains("spec.yaml: line 8: repeats"), e);
    }

    @Test
    void aMisspeltConditionInThePlanIsAnErrorEvenWhenTheProfileDropsIt() throws Exception {
        String e = error(spec.replace("groups: [flipped, plain]", "groups: [flipped, rotatd]"));
        assertTrue(e.contains("no condition 'rotatd'"), e);
    }

    @Test
    void duplicateKeysAreAnError() throws Exception {
        String e = error(spec.replace("repeats: 3\nanalysis", "repeats: 3\nrepeats: 4\nanalysis"));
        assertTrue(e.contains("line 9: repeats: duplicate key (also on line 8)"), e);
    }

    @Test
    void moreSignsThanTheDatasetHasIsAnError() throws Exception {
        String e = error(spec.replace("    repeats: 3\n    conditions", "    signs: 99\n    conditions"));
        assertTrue(e.contains("asks for the first 99 signs, but videos/capture30 has 3"), e);
    }

    @Test
    void aConditionNameThatWouldLeaveTheRunFolderIsAnError() throws Exception {
        String e = error(spec.replace("{name: rotated,", "{name: ../../x,"));
        assertTrue(e.contains("spec.yaml: line 7"), e);
        assertTrue(e.contains("path separator") && e.contains("trials' folders"), e);
    }

    @Test
    void motionIsReadForAMultiStreamModelAndAnErrorNamingTheLineForAnyOther() throws Exception {
        String quick = "  quick:\n    repeats: 3\n";
        ExperimentSpec s = ExperimentSpec.load(Files.writeString(dir.resolve("spec.yaml"),
                spec.replace(quick, quick + "    training: {model: multistream, size: 64, motion: 0.2}\n")), "quick");
        assertEquals(0.2, s.training().model().motion());
        String e = error(spec.replace(quick, quick + "    training: {model: baseline-cnn, size: 64, motion: 0.2}\n"));
        assertTrue(e.contains("spec.yaml: line 14") && e.contains("motion"), e);
    }
}
