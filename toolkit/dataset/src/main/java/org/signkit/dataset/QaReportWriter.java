package org.signkit.dataset;

import static org.signkit.core.HtmlText.escape;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import org.signkit.core.AtomicFiles;
import org.signkit.core.Json;

/** Writes a QA report as Markdown, a self-contained HTML page and JSON ({@code qa/report.*}). */
public final class QaReportWriter {

    private QaReportWriter() {
    }

    /** Writes the three files into the dataset's {@code qa/} folder. */
    public static void write(DatasetLayout layout, QualityCheck.Report r) throws IOException {
        Files.createDirectories(layout.qa());
        AtomicFiles.writeString(layout.qa().resolve("report.md"), markdown(r));
        AtomicFiles.writeString(layout.qa().resolve("report.html"), html(r));
        Json.write(layout.qa().resolve("check.json"), r);
    }

    /** The report in Markdown. */
    public static String markdown(QualityCheck.Report r) {
        StringBuilder md = new StringBuilder("# QA report: " + r.dataset() + "\n\n");
        md.append(String.format(Locale.ROOT, "%d errors, %d release needs, %d warnings, %d notes.%n%n", r.count(Finding.ERROR),
                r.count(Finding.RELEASE), r.count(Finding.WARNING), r.count(Finding.INFO)));
        md.append("## Training takes per sign and signer\n\n| sign | ");
        r.signers().forEach(s -> md.append(s).append(" | "));
        md.append("validation |\n|---|");
        r.signers().forEach(s -> md.append("---|"));
        md.append("---|\n");
        r.takes().forEach((sign, bySigner) -> {
            md.append("| ").append(sign).append(" | ");
            r.signers().forEach(s -> md.append(bySigner.getOrDefault(s, 0)).append(" | "));
            md.append(r.validation().getOrDefault(sign, 0)).append(" |\n");
        });
        md.append("\n## Findings\n\n| severity | protocol | subject | problem | fix |\n|---|---|---|---|---|\n");
        for (Finding f : r.grouped()) {
            md.append("| ").append(f.severity()).append(" | ").append(f.protocol()).append(" | ").append(f.subject())
                    .append(" | ").append(f.problem()).append(" | ").append(f.fix()).append(" |\n");
        }
        md.append("\n## Videos\n\n| video | fps | VFR | rotation | seconds | sharpness |\n|---|---|---|---|---|---|\n");
        for (ImportedVideo v : r.videos()) {
            md.append("| ").append(v.path()).append(" | ").append(String.format(Locale.ROOT, "%.2f", v.fps())).append(" | ")
                    .append(v.vfr() ? "yes" : "no").append(" | ").append(v.rotation()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", v.seconds())).append(" | ").append(sharpness(r, v))
                    .append(" |\n");
        }
        md.append("\nProtocol items: see PROTOCOL.md. Sharpness is the median variance of the Laplacian over 7 frames "
                + "at a 360-pixel short side; a take is flagged when under half its signer's median in its group.\n");
        return md.toString();
    }

    /** The report as one HTML page with no external resources. */
    public static String html(QualityCheck.Report r) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>QA report: ")
                .append(escape(r.dataset())).append("</title><style>body{font-family:sans-serif;margin:2em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.3em .6em}"
                        + ".error{background:#fdd}.release{background:#fec}.warning{background:#ffd}.info{background:#eef}"
                        + ".zero{background:#fdd}</style></head><body>");
        h.append("<h1>QA report: ").append(escape(r.dataset())).append("</h1><p>")
                .append(r.count(Finding.ERROR)).append(" errors, ").append(r.count(Finding.RELEASE)).append(" release needs, ")
                .append(r.count(Finding.WARNING))
                .append(" warnings, ").append(r.count(Finding.INFO)).append(" notes.</p>");
        h.append("<h2>Training takes per sign and signer</h2><table><tr><th>sign</th>");
        r.signers().forEach(s -> h.append("<th>").append(escape(s)).append("</th>"));
        h.append("<th>validation</th></tr>");
        for (Map.Entry<String, Map<String, Integer>> e : r.takes().entrySet()) {
            h.append("<tr><td>").append(escape(e.getKey())).append("</td>");
            for (String s : r.signers()) {
                int n = e.getValue().getOrDefault(s, 0);
                h.append(n == 0 ? "<td class=\"zero\">" : "<td>").append(n).append("</td>");
            }
            int v = r.validation().getOrDefault(e.getKey(), 0);
            h.append(v == 0 ? "<td class=\"zero\">" : "<td>").append(v).append("</td></tr>");
        }
        h.append("</table><h2>Findings</h2><table><tr><th>severity</th><th>protocol</th><th>subject</th>"
                + "<th>problem</th><th>fix</th></tr>");
        for (Finding f : r.grouped()) {
            h.append("<tr class=\"").append(f.severity()).append("\"><td>").append(f.severity()).append("</td><td>")
                    .append(escape(f.protocol())).append("</td><td>").append(escape(f.subject())).append("</td><td>")
                    .append(escape(f.problem())).append("</td><td>").append(escape(f.fix())).append("</td></tr>");
        }
        h.append("</table><h2>Videos</h2><table><tr><th>video</th><th>fps</th><th>VFR</th><th>rotation</th>"
                + "<th>seconds</th><th>sharpness</th></tr>");
        for (ImportedVideo v : r.videos()) {
            h.append("<tr><td>").append(escape(v.path())).append("</td><td>").append(String.format(Locale.ROOT, "%.2f", v.fps()))
                    .append("</td><td>").append(v.vfr() ? "yes" : "no").append("</td><td>").append(v.rotation())
                    .append("</td><td>").append(String.format(Locale.ROOT, "%.2f", v.seconds())).append("</td><td>")
                    .append(sharpness(r, v)).append("</td></tr>");
        }
        return h.append("</table></body></html>\n").toString();
    }

    private static String sharpness(QualityCheck.Report r, ImportedVideo v) {
        Double s = r.sharpness().get(v.path());
        return s == null ? "-" : String.format(Locale.ROOT, "%.1f", s);
    }
}
