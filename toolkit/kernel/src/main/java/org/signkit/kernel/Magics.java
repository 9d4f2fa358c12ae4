package org.signkit.kernel;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.signkit.core.BadInputException;
import org.signkit.stats.Comparison;
import org.signkit.stats.TestPlan;
import org.signkit.stats.Trials;
import org.signkit.stats.Verdict;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The kernel's magics, IJava's and signkit's. Cell magics take the first line: {@code %%time} (the cell, then its
 * wall time), {@code %%html} and {@code %%markdown} (the cell shown as such). Line magics lead a cell, one per line:
 * {@code %classpath PATH} / {@code %jars PATH} (a jar or a folder of jars, offline), {@code %maven G:A:V} (from the
 * local Maven repository; a remote one is never reached, and it says so), {@code %load FILE} (a file's code runs
 * first), {@code %records RUN} (a run's trials as a table) and {@code %compare RUN1 RUN2} (every metric of both runs
 * side by side with the planned-test rule's verdict). Paths resolve against the repository root; a run may also be
 * {@code quick:EXPERIMENT}, the quick reproduction's run of that experiment.
 */
final class Magics {

    /** A cell after its magics: the code left to evaluate, and what the magics showed. */
    record Cell(String code, DisplayData shown, String timeLabel) {
    }

    private final Consumer<String> addToClasspath;

    Magics(Consumer<String> addToClasspath) {
        this.addToClasspath = addToClasspath;
    }

    /** Applies a cell's magics; plain code comes back unchanged. */
    Cell apply(String code) throws IOException {
        String stripped = code.stripLeading();
        if (stripped.startsWith("%%")) {
            int nl = stripped.indexOf('\n');
            String head = (nl < 0 ? stripped : stripped.substring(0, nl)).trim();
            String body = nl < 0 ? "" : stripped.substring(nl + 1);
            return switch (head.split("\\s+")[0]) {
                case "%%time" -> new Cell(body, null, "time");
                case "%%html" -> new Cell("", html(body), null);
                case "%%markdown" -> new Cell("", markdown(body), null);
                default -> throw new IllegalArgumentException("unknown cell magic " + head + " (known: %%time, %%html, %%markdown)");
            };
        }
        StringBuilder rest = new StringBuilder();
        StringBuilder loaded = new StringBuilder();
        DisplayData shown = null;
        boolean leading = true;
        for (String line : code.split("\n", -1)) {
            String t = line.trim();
            if (leading && t.startsWith("%")) {
                String[] w = t.split("\\s+");
                String arg = t.substring(w[0].length()).trim();
                switch (w[0]) {
                    case "%classpath", "%jars" -> jars(arg);
                    case "%maven" -> maven(arg);
                    case "%load" -> loaded.append(Files.readString(resolve(arg))).append('\n');
                    case "%records" -> shown = Renderers.render(Notebook.records(run(arg)));
                    case "%compare" -> shown = Renderers.render(compare(w));
                    default -> throw new IllegalArgumentException("unknown magic " + w[0]
                            + " (known: %classpath, %jars, %maven, %load, %records, %compare; cells: %%time, %%html, %%markdown)");
                }
                continue;
            }
            if (!t.isEmpty()) {
                leading = false;
            }
            rest.append(line).append('\n');
        }
        return new Cell(loaded + rest.toString(), shown, null);
    }

    private static DisplayData html(String body) {
        DisplayData d = new DisplayData(body);
        d.putHTML(body);
        return d;
    }

    private static DisplayData markdown(String body) {
        DisplayData d = new DisplayData(body);
        d.putMarkdown(body);
        return d;
    }

    private void jars(String arg) throws IOException {
        Path p = resolve(arg);
        if (Files.isDirectory(p)) {
            try (var s = Files.list(p)) {
                s.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(f -> addToClasspath.accept(f.toString()));
            }
        } else if (Files.isRegularFile(p)) {
            addToClasspath.accept(p.toString());
        } else {
            throw new BadInputException(p, "no jar or folder here", "give a jar, or a folder of jars");
        }
    }

    private void maven(String coordinates) {
        String[] g = coordinates.split(":");
        if (g.length != 3) {
            throw new IllegalArgumentException("%maven takes group:artifact:version, e.g. org.apache.commons:commons-lang3:3.17.0");
        }
        Path jar = Path.of(System.getProperty("user.home"), ".m2", "repository").resolve(g[0].replace('.', '/')).resolve(g[1])
                .resolve(g[2]).resolve(g[1] + "-" + g[2] + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new BadInputException(jar, "not in the local Maven repository, and this kernel never downloads",
                    "fetch it once outside the notebook (mvn dependency:get -Dartifact=" + coordinates + "), or %jars a local jar");
        }
        addToClasspath.accept(jar.toString());
    }

    /**
     * A run folder: {@code quick:EXPERIMENT} is {@link Notebook#quickRun} (the quick reproduction's run, or its demo);
     * otherwise as given, else under the repository root, else under its reports/.
     */
    static Path run(String arg) throws IOException {
        if (arg.startsWith("quick:")) {
            return Notebook.quickRun(arg.substring("quick:".length()));
        }
        for (Path p : List.of(Path.of(arg), Notebook.root().resolve(arg), Notebook.root().resolve("reports").resolve(arg))) {
            if (Files.isRegularFile(p.resolve("records.jsonl"))) {
                return p;
            }
        }
        throw new BadInputException(Path.of(arg), "no records.jsonl in this run folder (looked here, under the repository root and"
                + " its reports/)", "give a folder written by 'signkit experiment run' or 'signkit reproduce'");
    }

    private static Path resolve(String arg) {
        Path p = Path.of(arg);
        return p.isAbsolute() || Files.exists(p) ? p : Notebook.root().resolve(arg);
    }

    /** Every metric both runs recorded: each run's mean ± SD over its ok trials, and the rule's verdict on run 1 vs run 2. */
    static Table compare(String[] words) throws IOException {
        if (words.length != 3) {
            throw new IllegalArgumentException("%compare takes two run folders: %compare RUN1 RUN2");
        }
        Table a = Notebook.records(run(words[1]));
        Table b = Notebook.records(run(words[2]));
        StringColumn metric = StringColumn.create("metric");
        DoubleColumn meanA = DoubleColumn.create(words[1] + " mean");
        DoubleColumn meanB = DoubleColumn.create(words[2] + " mean");
        StringColumn verdict = StringColumn.create("verdict (" + words[1] + " vs " + words[2] + ")");
        for (String m : org.signkit.experiment.ExperimentSpec.METRICS) {
            double[] x = ok(a, m);
            double[] y = ok(b, m);
            if (x.length == 0 || y.length == 0) {
                continue;
            }
            Map<String, double[]> groups = new LinkedHashMap<>();
            groups.put(words[1], x);
            groups.put(words[2], y);
            metric.append(m);
            meanA.append(java.util.Arrays.stream(x).average().orElse(Double.NaN));
            meanB.append(java.util.Arrays.stream(y).average().orElse(Double.NaN));
            verdict.append(TestPlan.of(Comparison.TWO_GROUPS).run(new Trials(m, groups, null)).wording());
        }
        return Table.create("compare", metric, meanA, meanB, verdict);
    }

    private static double[] ok(Table t, String metric) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            double v = t.doubleColumn(metric).getDouble(i);
            if ("ok".equals(t.stringColumn("status").get(i)) && !Double.isNaN(v)) {
                out.add(v);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static String timeText(long nanos) {
        return String.format(Locale.ROOT, "wall time: %.1f ms", nanos / 1e6);
    }
}
