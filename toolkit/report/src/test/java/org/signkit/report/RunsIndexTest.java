package org.signkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.core.Json;
import org.signkit.core.Provenance;
import org.signkit.experiment.ExperimentRunner;
import org.signkit.experiment.ExperimentSpec;
import org.signkit.experiment.TrialRecord;
import org.signkit.experiment.TrialRecords;

/** Three runs listed on one page that opens clean in Chromium, and sorting by a column reorders the rows. */
class RunsIndexTest {

    @TempDir
    Path dir;

    private void run(String name, double accuracy, String finished) throws Exception {
        Path spec = Files.writeString(dir.resolve(name + ".yaml"), """
                name: %s
                dataset: %s
                defaults: {capture: capture30, fps: 10}
                conditions:
                  - {name: plain}
                  - {name: flipped, augmentation: horizontal_flip}
                repeats: 1
                """.formatted(name, dir.resolve("data")));
        ExperimentSpec s = ExperimentSpec.load(spec, null);
        Path run = Files.createDirectories(dir.resolve("reports").resolve(name));
        Json.write(run.resolve("spec.json"), s);
        TrialRecords records = new TrialRecords(run.resolve(TrialRecords.FILE_NAME));
        for (ExperimentSpec.Condition c : s.conditions()) {
            records.append(new TrialRecord(name, s.profile(), c.name() + "-r1", c.name(), 1, ExperimentRunner.seed(s.seed(), 1), "h",
                    "d", TrialRecord.OK, null, Map.of("test_accuracy", accuracy + (c.name().equals("plain") ? 0 : 0.01)), List.of(), 1,
                    finished, Provenance.current(), Map.of(), Map.of(), org.signkit.train.Engine.ONEDNN));
        }
        Files.writeString(run.resolve("analysis.md"), "# " + name);
    }

    @Test
    void threeRunsSortableInChromium() throws Exception {
        Files.createDirectories(dir.resolve("data/videos/capture30"));
        run("alpha", 0.50, "2026-12-01T10:00:00Z");
        run("beta", 0.90, "2026-12-01T09:00:00Z");
        run("gamma", 0.70, "2026-12-01T11:00:00Z");
        RunsIndex index = RunsIndex.scan(dir.resolve("reports"));
        assertEquals(List.of("gamma", "alpha", "beta"), index.runs().stream().map(RunsIndex.Run::experiment).toList(), "newest first");
        assertEquals(0.91, index.runs().get(2).best(), 1e-12);
        assertEquals("complete", index.runs().get(0).status());
        assertTrue(index.json().contains("\"bestCondition\" : \"flipped\""));
        Path page = index.writeHtml(dir.resolve("reports/runs.html"));

        boolean required = "1".equals(System.getenv("SIGNKIT_REQUIRE_TOOLS"));
        assertTrue(Files.isExecutable(HeadlessChromium.BINARY) || !required, "chromium missing: apt-get install chromium");
        assumeTrue(Files.isExecutable(HeadlessChromium.BINARY), "chromium not installed");
        try (HeadlessChromium browser = new HeadlessChromium()) {
            HeadlessChromium.PageCheck c = browser.check(page);
            assertEquals(List.of(), c.errors());
            assertEquals("3", browser.evaluate("document.querySelectorAll('#runs tbody tr').length"));
            String first = "document.querySelector('#runs tbody tr td:nth-child(2)').textContent";
            assertEquals("gamma", browser.evaluate(first));
            browser.evaluate("document.querySelector('#runs th[data-col=\"8\"]').click()");
            String sorted = browser.evaluate(first);
            assertEquals("alpha", sorted, "ascending by best mean: the lowest first");
            browser.evaluate("document.querySelector('#runs th[data-col=\"8\"]').click()");
            assertNotEquals(sorted, browser.evaluate(first), "a second click reverses");
            assertEquals("beta", browser.evaluate(first));
        }
    }
}
