package org.signkit.report;

import static org.signkit.core.HtmlText.escape;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.signkit.core.AtomicFiles;
import org.signkit.core.Json;
import org.signkit.experiment.ExperimentRunner;
import org.signkit.experiment.ExperimentSpec;
import org.signkit.experiment.TrialRecord;
import org.signkit.experiment.TrialRecords;

/**
 * Every run under a folder, browsable without a server: one static page (like the reports, plus a few lines of
 * inline script that sort the table by the clicked column) with each run's experiment, profile, commit, date,
 * status and main metric, linked to its report; and the same as JSON for scripts.
 *
 * @param root the folder scanned
 * @param runs the runs found, newest first
 */
public record RunsIndex(Path root, List<Run> runs) {

    /**
     * One run folder.
     *
     * @param folder     the run folder, relative to the root
     * @param experiment the spec's name
     * @param profile    the spec's profile
     * @param commit     the commit of the code that ran its latest trial ("" when none ran)
     * @param finished   when its latest trial finished (ISO-8601, "" when none)
     * @param ok         trials recorded ok
     * @param planned    trials the spec plans
     * @param status     {@code complete}, {@code n missing} or {@code n failed}
     * @param metric     the main metric: validation accuracy when recorded, else test accuracy
     * @param best       the best condition's mean of it (NaN when no ok trial)
     * @param bestCondition that condition
     * @param report     link to its report or analysis, relative to the root
     */
    public record Run(String folder, String experiment, String profile, String commit, String finished, int ok, int planned,
                      String status, String metric, double best, String bestCondition, String report) {
    }

    /** Scans {@code root} (a few levels deep) for run folders: those with spec.json and records.jsonl. */
    public static RunsIndex scan(Path root) throws IOException {
        List<Run> runs = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root, 4)) {
            for (Path records : walk.filter(p -> p.getFileName().toString().equals(TrialRecords.FILE_NAME)).sorted().toList()) {
                Path dir = records.getParent();
                if (Files.isRegularFile(dir.resolve("spec.json"))) {
                    runs.add(run(root, dir));
                }
            }
        }
        runs.sort(Comparator.comparing(Run::finished).reversed());
        return new RunsIndex(root, runs);
    }

    private static Run run(Path root, Path dir) throws IOException {
        ExperimentSpec spec = Json.read(dir.resolve("spec.json"), ExperimentSpec.class);
        List<TrialRecord> records = new TrialRecords(dir.resolve(TrialRecords.FILE_NAME)).latest();
        int planned = ExperimentRunner.plan(spec).size();
        int ok = (int) records.stream().filter(TrialRecord::ok).count();
        int failed = (int) records.stream().filter(r -> !r.ok()).count();
        String status = ok == planned ? "complete" : failed > 0 ? failed + " failed" : (planned - ok) + " missing";
        TrialRecord latest = records.stream().max(Comparator.comparing(TrialRecord::finishedAt)).orElse(null);
        String metric = records.stream().anyMatch(r -> r.ok() && r.metrics().containsKey("validation_accuracy"))
                ? "validation_accuracy" : "test_accuracy";
        double best = Double.NaN;
        String bestCondition = "";
        for (ExperimentSpec.Condition c : spec.conditions()) {
            double mean = records.stream().filter(r -> r.ok() && r.condition().equals(c.name()) && r.metrics().get(metric) != null)
                    .mapToDouble(r -> r.metrics().get(metric)).average().orElse(Double.NaN);
            if (!Double.isNaN(mean) && (Double.isNaN(best) || mean > best)) {
                best = mean;
                bestCondition = c.name();
            }
        }
        Path report = Stream.of(dir.resolve("index.html"), dir.getParent() == null ? dir : dir.getParent().resolve("report")
                .resolve(dir.getFileName()).resolve("index.html"), dir.resolve("analysis.md")).filter(Files::isRegularFile).findFirst()
                .orElse(null);
        return new Run(rel(root, dir), spec.name(), spec.profile(), latest == null || latest.provenance() == null ? ""
                : latest.provenance().gitCommit(), latest == null ? "" : latest.finishedAt(), ok, planned, status, metric, best,
                bestCondition, report == null ? "" : rel(root, report));
    }

    private static String rel(Path root, Path p) {
        return root.toAbsolutePath().normalize().relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** Writes the page and returns its path. */
    public Path writeHtml(Path file) throws IOException {
        StringBuilder t = new StringBuilder("<table id=\"runs\"><thead><tr>");
        String[] head = {"run", "experiment", "profile", "commit", "finished", "trials ok", "status", "main metric", "best mean",
            "best condition"};
        for (int i = 0; i < head.length; i++) {
            t.append("<th data-col=\"").append(i).append("\" title=\"sort\">").append(escape(head[i])).append("</th>");
        }
        t.append("</tr></thead><tbody>");
        for (Run r : runs) {
            t.append("<tr><td>").append(r.report().isEmpty() ? escape(r.folder()) : "<a href=\"" + escape(r.report()) + "\">"
                    + escape(r.folder()) + "</a>").append("</td><td>").append(escape(r.experiment())).append("</td><td>")
                    .append(escape(r.profile())).append("</td><td><code>").append(escape(r.commit().length() > 12
                            ? r.commit().substring(0, 12) : r.commit())).append("</code></td><td>").append(escape(r.finished()))
                    .append("</td><td data-sort=\"").append(r.ok()).append("\">").append(r.ok()).append(" / ").append(r.planned())
                    .append("</td><td>").append(escape(r.status())).append("</td><td>").append(escape(r.metric())).append("</td><td data-sort=\"")
                    .append(Double.isNaN(r.best()) ? "-1" : Double.toString(r.best())).append("\">").append(Html.num(r.best()))
                    .append("</td><td>").append(escape(r.bestCondition())).append("</td></tr>");
        }
        t.append("</tbody></table>");
        String body = "<h1>Runs under " + escape(root.toString()) + "</h1><p>" + runs.size()
                + " runs; click a column's header to sort by it (again to reverse).</p>" + t + SORT_SCRIPT;
        AtomicFiles.writeString(file, Html.page("signkit runs", body));
        return file;
    }

    /** The only script of any signkit page: sorts the runs table by a column, numbers as numbers. */
    private static final String SORT_SCRIPT = "<script>(function(){var t=document.getElementById('runs');var dir={};"
            + "t.querySelectorAll('th').forEach(function(th){th.style.cursor='pointer';th.addEventListener('click',function(){"
            + "var c=+th.dataset.col;dir[c]=!dir[c];var b=t.tBodies[0];var rows=Array.from(b.rows);"
            + "rows.sort(function(x,y){var a=x.cells[c],z=y.cells[c];var u=a.dataset.sort!==undefined?+a.dataset.sort:a.textContent,"
            + "v=z.dataset.sort!==undefined?+z.dataset.sort:z.textContent;var r=u<v?-1:u>v?1:0;return dir[c]?r:-r;});"
            + "rows.forEach(function(r){b.appendChild(r);});});});})();</script>";

    /** The runs as JSON. */
    public String json() {
        return Json.write(Map.of("root", root.toString(), "runs", runs));
    }
}
