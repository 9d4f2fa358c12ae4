package org.signkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.experiment.ExperimentRunner;
import org.signkit.experiment.ExperimentSpec;
import org.signkit.explain.ExplainJob;
import org.signkit.explain.HideColour;
import org.signkit.explain.LimeSettings;
import org.signkit.synth.SynthOptions;
import org.signkit.synth.SyntheticDatasetGenerator;
import org.signkit.train.FrameSet;
import org.signkit.train.TrainedModel;
import org.signkit.vision.TruthIndex;

/**
 * A real (tiny) experiment run with an explanation gallery, reported, then opened in headless Chromium:
 * no console errors, every image decodes, and a screenshot is taken. {@code .ci/run} installs Debian's
 * chromium and sets SIGNKIT_REQUIRE_TOOLS=1, which turns a missing browser into a failure.
 */
class ReportPageTest {

    @TempDir
    static Path dir;

    private static Path run;

    @BeforeAll
    static void tinyRunWithExplanations() throws Exception {
        new SyntheticDatasetGenerator(new SynthOptions(2, 2, 2, List.of(30), true, 96, 160, 9, 2))
                .generate(dir.resolve("data"), (j, r, d, t) -> { });
        Path spec = Files.writeString(dir.resolve("tiny.yaml"), """
                name: tiny-report
                question: Does a flip change anything on a tiny set?
                dataset: %s
                validation: validation
                frames: {size: 48}
                defaults: {capture: capture30, fps: 10}
                conditions:
                  - {name: plain}
                  - {name: flipped, augmentation: horizontal_flip}
                training: {model: baseline-cnn, size: 24, epochs: 2, batch: 16, split: take}
                repeats: 3
                analysis:
                  - {test: ttest, metric: validation_accuracy, groups: [flipped, plain], claim: {kind: no-difference, groups: [flipped, plain], statement: flips change nothing, margin: 0.05}}
                  - {test: anova, metric: test_accuracy}
                """.formatted(dir.resolve("data")));
        run = dir.resolve("run");
        ExperimentSpec s = ExperimentSpec.load(spec, null);
        new ExperimentRunner(s, run, 2, new ExperimentRunner.Listener() { }).run();
        TrainedModel model = TrainedModel.load(run.resolve("trials/plain-r1"));
        Path validation = dir.resolve("data/derived/frames/validation-" + ExperimentRunner.VALIDATION_FPS + "fps-48px");
        new ExplainJob(model, FrameSet.load(validation), 1, new LimeSettings(60, "slic", HideColour.MEAN, 0.25, 1, 3, 1, 30, 1),
                2, new TruthIndex(dir.resolve("data/truth/validation")), run.resolve("explain")).run(m -> { });
    }

    @Test
    void reportIsSelfContainedAndOpensCleanInChromium() throws Exception {
        Path page = RunReport.write(run, dir.resolve("report"));
        String html = Files.readString(page);
        assertFalse(html.contains("<script") || html.contains("http://") || html.contains("https://") || html.contains("<link"),
                "no scripts, external links or stylesheets");
        assertTrue(html.contains("Confusion matrices") && html.contains("Explanations (LIME)")
                && html.contains("shapiro-wilk") && html.contains("brown-forsythe") && html.contains("Per trial"), html);
        assertTrue(html.contains("The study's claim") && (html.contains("class=\"agree\">equivalent")
                || html.contains("class=\"disagree\">not equivalent") || html.contains("class=\"inconclusive\">undecided")),
                "a no-difference claim is equivalent, not equivalent or undecided");
        assertTrue(Files.readString(dir.resolve("report/results.csv")).startsWith("metric,condition"));
        assertTrue(Files.isRegularFile(dir.resolve("report/summary.md")));

        boolean required = "1".equals(System.getenv("SIGNKIT_REQUIRE_TOOLS"));
        assertTrue(Files.isExecutable(HeadlessChromium.BINARY) || !required, "chromium missing: apt-get install chromium");
        assumeTrue(Files.isExecutable(HeadlessChromium.BINARY), "chromium not installed");
        try (HeadlessChromium browser = new HeadlessChromium()) {
            HeadlessChromium.PageCheck c = browser.check(page);
            assertEquals(List.of(), c.errors());
            assertTrue(c.images() >= 6, "images: " + c.images());
            assertEquals(0, c.brokenImages());
            Files.write(Path.of("target/report-screenshot.png"), c.screenshot());
            assertTrue(c.screenshot().length > 10_000);

            // The check can fail: a page with a missing image.
            Path broken = Files.writeString(dir.resolve("broken.html"), "<!doctype html><html><body><img src=\"nowhere.png\"></body></html>");
            HeadlessChromium.PageCheck b = browser.check(broken);
            assertEquals(1, b.brokenImages());
            assertFalse(b.errors().isEmpty(), "a missing image is a console error");
        }
    }
}
