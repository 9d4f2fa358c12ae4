package org.signkit.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kernel's evaluation without Jupyter: values, state across cells, rich display, and errors. */
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
}
