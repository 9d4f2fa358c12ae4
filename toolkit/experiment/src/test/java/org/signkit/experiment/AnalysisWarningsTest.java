package org.signkit.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.core.Json;
import org.signkit.core.Provenance;
import org.signkit.stats.EffectSizes;

/** The analysis says what makes its numbers untrustworthy: chance level, one class predicted, an undecidable design. */
class AnalysisWarningsTest {

    @TempDir
    Path dir;

    @Test
    void nearChanceOneClassAndUnderpoweredAreWarnedAndNaNIsNull() throws Exception {
        Files.createDirectories(dir.resolve("data/videos/capture30/A"));
        ExperimentSpec spec = ExperimentSpec.load(Files.writeString(dir.resolve("w.yaml"), """
                name: warned
                dataset: %s
                defaults: {capture: capture30, fps: 10}
                conditions:
                  - {name: plain}
                  - {name: flipped, augmentation: horizontal_flip}
                repeats: 3
                analysis:
                  - test: ttest
                    metric: test_accuracy
                    groups: [flipped, plain]
                    claim: {kind: no-difference, groups: [flipped, plain], statement: flips change nothing, margin: 0.05}
                """.formatted(dir.resolve("data"))), null);
        double[][] acc = {{0.20, 0.30, 0.17}, {0.60, 0.75, 0.50}};
        List<TrialRecord> records = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            for (int r = 1; r <= 3; r++) {
                String condition = spec.conditions().get(c).name();
                // plain-r3 answers one class on every test frame (chance for 6 classes).
                int predicted = c == 0 && r == 3 ? 1 : 6;
                TrialRecord.SplitScore score = new TrialRecord.SplitScore(6, predicted, 12,
                        new EffectSizes.Interval("accuracy", acc[c][r - 1], acc[c][r - 1] - 0.1, acc[c][r - 1] + 0.1),
                        new EffectSizes.Interval("take_accuracy", acc[c][r - 1], Double.NaN, Double.NaN));
                records.add(new TrialRecord(spec.name(), spec.profile(), condition + "-r" + r, condition, r,
                        ExperimentRunner.seed(spec.seed(), r), "h", "d", TrialRecord.OK, null, Map.of("test_accuracy", acc[c][r - 1]),
                        List.of(), 1, "t", Provenance.current(), Map.of(), Map.of("test", score), org.signkit.train.Engine.ONEDNN));
            }
        }
        Analysis a = Analysis.of(spec, records);
        assertEquals(1.0 / 6, a.chance(), 1e-12);
        List<String> w = a.warnings();
        assertTrue(w.stream().anyMatch(s -> s.startsWith("plain: mean test accuracy 0.2233 is within 0.1 of chance (0.1667 for 6 classes)")), w.toString());
        assertTrue(w.stream().anyMatch(s -> s.equals("plain-r3 predicted one class for every test frame")), w.toString());
        assertTrue(w.stream().anyMatch(s -> s.contains("underpowered: the design could not decide the claim \"flips change nothing\"")), w.toString());
        String json = Json.write(a);
        assertTrue(!json.contains("NaN") && json.contains("\"ciLow\" : null"), json);
        a.write(dir);
        assertTrue(Files.readString(dir.resolve("analysis.md")).contains("> **Warning:** plain-r3 predicted one class"));
    }
}
