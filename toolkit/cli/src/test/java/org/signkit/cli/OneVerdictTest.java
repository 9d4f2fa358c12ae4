package org.signkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.core.HtmlText;
import org.signkit.core.Json;
import org.signkit.core.Provenance;
import org.signkit.experiment.Analysis;
import org.signkit.experiment.ExperimentRunner;
import org.signkit.experiment.ExperimentSpec;
import org.signkit.experiment.TrialRecord;
import org.signkit.experiment.TrialRecords;
import org.signkit.report.ExperimentReport;

/** The same records through 'signkit stats compare', the experiment analysis and the report get one verdict. */
class OneVerdictTest {

    @TempDir
    Path dir;

    @Test
    void theCliTheAnalysisAndTheReportAgree() throws Exception {
        Files.createDirectories(dir.resolve("data/videos/capture30"));
        Files.createDirectories(dir.resolve("data/videos/validation"));
        Path specFile = Files.writeString(dir.resolve("one.yaml"), """
                name: one-verdict
                question: Do flips change anything?
                dataset: %s
                validation: validation
                defaults: {capture: capture30, fps: 10}
                conditions:
                  - {name: plain}
                  - {name: flipped, augmentation: horizontal_flip}
                  - {name: rotated, augmentation: rotation}
                repeats: 3
                seed: 7
                analysis:
                  - test: ttest
                    metric: validation_accuracy
                    groups: [flipped, plain]
                    claim: {kind: no-difference, groups: [flipped, plain], statement: flips change nothing, margin: 0.05}
                  - {test: anova, metric: test_accuracy}
                """.formatted(dir.resolve("data")));
        ExperimentSpec spec = ExperimentSpec.load(specFile, null);
        double[][] test = {{0.80, 0.84, 0.79}, {0.83, 0.85, 0.80}, {0.70, 0.76, 0.69}};
        double[][] validation = {{0.61, 0.66, 0.58}, {0.60, 0.69, 0.57}, {0.50, 0.52, 0.49}};
        Path run = dir.resolve("run");
        TrialRecords records = new TrialRecords(run.resolve(TrialRecords.FILE_NAME));
        Files.createDirectories(run);
        Json.write(run.resolve("spec.json"), spec);
        List<TrialRecord> all = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            for (int r = 1; r <= 3; r++) {
                String condition = spec.conditions().get(c).name();
                TrialRecord t = new TrialRecord(spec.name(), spec.profile(), condition + "-r" + r, condition, r,
                        ExperimentRunner.seed(spec.seed(), r), "hash", "data", TrialRecord.OK, null,
                        Map.of("test_accuracy", test[c][r - 1], "validation_accuracy", validation[c][r - 1]), List.of(), 1,
                        "2026-12-02T00:00:00Z", Provenance.current(), Map.of(), Map.of(), org.signkit.train.Engine.ONEDNN);
                records.append(t);
                all.add(t);
            }
        }
        Analysis analysis = Analysis.of(spec, all);
        assertTrue(analysis.blocked());
        Path out = dir.resolve("report");
        new ExperimentReport(run).write(out);
        String html = Files.readString(out.resolve("index.html"));
        String md = Files.readString(out.resolve("analysis.md"));
        Path trials = out.resolve("trials.csv");

        // The CLI takes the conditions in file order: the two the plan compares, in its order (flipped vs plain).
        String ttestSpecOrder = lastLine(Console.out(0, "stats", "compare", "--csv", filter(trials, "rotated", "plain").toString(),
                "--value", "validation_accuracy", "--group", "condition", "--block", "repeat", "--test", "ttest", "--margin", "0.05"));
        String anova = lastLine(Console.out(0, "stats", "compare", "--csv", trials.toString(), "--value", "test_accuracy",
                "--group", "condition", "--block", "repeat"));
        assertEquals(analysis.tests().get(0).verdict().wording(), ttestSpecOrder);
        assertEquals(analysis.tests().get(1).verdict().wording(), anova);
        for (Analysis.TestOutcome o : analysis.tests()) {
            assertTrue(html.contains(HtmlText.escape(o.verdict().wording())), o.verdict().wording());
            assertTrue(md.contains(o.verdict().wording()), o.verdict().wording());
        }
        assertTrue(analysis.tests().get(0).verdict().test().equals("paired t-test"), analysis.tests().get(0).verdict().test());
        assertTrue(analysis.tests().get(1).verdict().test().equals("repeated-measures ANOVA"), analysis.tests().get(1).verdict().test());
    }

    private static String lastLine(String out) {
        return out.strip().lines().reduce((a, b) -> b).orElse("");
    }

    /** trials.csv without the rows of one condition, and with another's rows moved last (the plan's order). */
    private Path filter(Path trials, String drop, String last) throws Exception {
        List<String> lines = Files.readAllLines(trials);
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        lines.stream().skip(1).filter(l -> !l.contains("," + drop + ",") && !l.contains("," + last + ",")).forEach(out::add);
        lines.stream().skip(1).filter(l -> l.contains("," + last + ",")).forEach(out::add);
        return Files.write(dir.resolve("two.csv"), out);
    }
}
