package org.signkit.kernel;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Completion, inspection and magics, called as the Jupyter handlers call them. */
class KernelToolsTest {

    private static SignkitKernel kernel;

    @BeforeAll
    static void start() {
        kernel = new SignkitKernel();
    }

    @AfterAll
    static void stop() {
        kernel.onShutdown(false);
    }

    @Test
    void completionListsTheMembersAtTheCursor() throws Exception {
        String code = "Notebook.rec";
        ReplacementOptions r = kernel.complete(code, code.length());
        assertNotNull(r);
        assertTrue(r.getReplacements().stream().anyMatch(s -> s.startsWith("records")), r.getReplacements().toString());
        assertTrue(r.getSourceStart() == "Notebook.".length() && r.getSourceEnd() == code.length());
    }

    /** The signature, and the javadoc from signkit's sources (the jars carry none, JShell finds none). */
    @Test
    void inspectionShowsTheSignatureAndJavadoc() throws Exception {
        DisplayData d = kernel.inspect("org.signkit.stats.StatsTables.pairs(", "org.signkit.stats.StatsTables.pairs(".length(), false);
        assertNotNull(d);
        String text = (String) d.getData(MIMEType.TEXT_PLAIN);
        assertTrue(text.contains("pairs(org.signkit.stats.Verdict"), text);
        assertTrue(text.contains("The pairs of a verdict: difference, statistic, df, raw and adjusted p, CI."), text);
        String type = (String) kernel.inspect("org.signkit.stats.StatsTables", "org.signkit.stats.StatsTables".length(), false).getData(MIMEType.TEXT_PLAIN);
        assertTrue(type.contains("Tablesaw"), type);
    }

    @Test
    void recordsAndCompareMagicsShowARunsTrials(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        runFolder(dir.resolve("a"), 0.80);
        runFolder(dir.resolve("b"), 0.60);
        String records = kernel.eval("%records " + dir.resolve("a")).getData(MIMEType.TEXT_HTML).toString();
        assertTrue(records.contains("<td>c-r3</td>"), records);
        String compare = kernel.eval("%compare " + dir.resolve("a") + " " + dir.resolve("b")).getData(MIMEType.TEXT_HTML).toString();
        assertTrue(compare.contains("test_accuracy") && (compare.contains("Welch&#39;s t-test") || compare.contains("Welch's t-test")), compare);
        assertTrue(kernel.eval("%load " + java.nio.file.Files.writeString(dir.resolve("x.jsh"), "int loaded = 7;") + "\nloaded * 6")
                .getData(MIMEType.TEXT_PLAIN).equals("42"));
    }

    /** A run folder with three ok trials of condition c, test accuracy around {@code level}. */
    static java.nio.file.Path runFolder(java.nio.file.Path run, double level) throws java.io.IOException {
        java.nio.file.Files.createDirectories(run);
        org.signkit.experiment.TrialRecords records = new org.signkit.experiment.TrialRecords(run.resolve("records.jsonl"));
        for (int r = 1; r <= 3; r++) {
            double acc = level + 0.01 * r + (r == 2 ? 0.005 : 0);
            records.append(new org.signkit.experiment.TrialRecord("e", "quick", "c-r" + r, "c", r, r, "h", "d",
                    org.signkit.experiment.TrialRecord.OK, null, java.util.Map.of("test_accuracy", acc), java.util.List.of(), 1, "t",
                    org.signkit.core.Provenance.current(), java.util.Map.of(), java.util.Map.of()));
        }
        return run;
    }

    @Test
    void cellMagics() throws Exception {
        DisplayData html = kernel.eval("%%html\n<b>bold</b>");
        assertTrue(html.getData(MIMEType.TEXT_HTML).toString().contains("<b>bold</b>"));
        assertTrue(kernel.eval("%%time\n1 + 1").getData(MIMEType.TEXT_PLAIN).equals("2"));
    }
}
