package org.signkit.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study's four specs in experiments/ load with each profile, and the quick profile keeps every claim. */
class StudySpecsTest {

    @Test
    void everySpecLoadsWithEveryProfile(@TempDir Path dir) throws IOException {
        // The study's layout: 14 sign folders per group (a profile's 'signs: 6' is checked against them).
        for (String group : new String[] {"capture60", "capture30", "validation"}) {
            for (int sign = 1; sign <= 14; sign++) {
                Files.createDirectories(dir.resolve("data/videos").resolve(group).resolve("SIGN" + sign));
            }
        }
        Path experiments = Path.of("../../experiments");
        for (String name : Reproduction.SPECS) {
            String text = Files.readString(experiments.resolve(name + ".yaml"))
                    .replace("dataset: datasets/generated/synthsign", "dataset: " + dir.resolve("data"));
            Path spec = Files.writeString(dir.resolve(name + ".yaml"), text);
            ExperimentSpec quick = ExperimentSpec.load(spec, "quick");
            ExperimentSpec full = ExperimentSpec.load(spec, "full");
            assertEquals(name, quick.name());
            // The quick profiles run the pipeline a real dataset gets: signing space, hands from a detector.
            assertEquals("multistream", quick.training().model().architecture().id());
            assertEquals(org.signkit.hands.SigningSpace.Crop.SIGNER, quick.frames().crop());
            assertEquals(org.signkit.hands.SigningSpace.Trim.STILL, quick.frames().trim());
            assertTrue(quick.frames().hands() != org.signkit.hands.HandsMethod.TRUTH, name + " quick hands from a detector");
            assertEquals("efficientnet-b0", full.training().model().architecture().id());
            assertEquals(224, full.training().model().size());
            assertEquals(3, full.repeats());
            assertEquals(1, quick.analysis().stream().filter(t -> t.claim() != null).count(), name + " quick claims");
            assertTrue(full.analysis().stream().anyMatch(t -> t.claim() != null), name);
        }
    }
}
