package org.signkit.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kernel without Jupyter: values, state across cells, rich display, errors, completion, inspection and magics. */
class KernelEvalTest {

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
    void valuesStateAndRichDisplay() throws Exception {
        assertNull(kernel.eval("int x = 20;"), "a declaration shows nothing");
        assertEquals("42", kernel.eval("x + 22").getData(MIMEType.TEXT_PLAIN));
        assertEquals("20", kernel.eval("x").getData(MIMEType.TEXT_PLAIN));
        DisplayData table = kernel.eval("""
                var t = tech.tablesaw.api.Table.create("t", tech.tablesaw.api.StringColumn.create("sign", "AGUA", "<b>"));
                t""");
        String html = (String) table.getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("<th>sign</th>") && html.contains("<td>AGUA</td>") && html.contains("&lt;b&gt;"), html);
        DisplayData chart = kernel.eval("""
                var c = new org.knowm.xchart.XYChartBuilder().width(200).height(120).title("c").build();
                c.addSeries("s", new double[] {1, 2}, new double[] {3, 4});
                c""");
        assertTrue(chart.hasDataForType(MIMEType.IMAGE_PNG));
        assertEquals("org.signkit.kernel.Notebook 3", kernel.eval("Notebook.class.getName() + \" \" + List.of(1, 2, 3).size()")
                .getData(MIMEType.TEXT_PLAIN), "default imports and signkit on the classpath");
    }

    @Test
    void compileErrorsPointAtTheCodeAndExceptionsNameTheirClass() {
        Exception compile = assertThrows(Exception.class, () -> kernel.eval("int y = \"text\";"));
        List<String> lines = kernel.formatError(compile);
        assertTrue(lines.get(0).startsWith("compile error:") && lines.get(1).contains("int y = \"text\";")
                && lines.get(2).trim().equals("^"), lines.toString());
        Exception thrown = assertThrows(Exception.class, () -> kernel.eval("Integer.parseInt(\"seven\")"));
        List<String> err = kernel.formatError(thrown);
        assertTrue(err.get(0).startsWith("java.lang.NumberFormatException") && err.stream().anyMatch(l -> l.contains("at cell")),
                err.toString());
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
                    org.signkit.core.Provenance.current(), java.util.Map.of(), java.util.Map.of(), org.signkit.train.Engine.ONEDNN));
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
