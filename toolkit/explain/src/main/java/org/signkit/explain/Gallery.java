package org.signkit.explain;

import java.util.Locale;

/** The gallery page of an explanation run: self-contained HTML, images beside it, no scripts. */
final class Gallery {

    private Gallery() {
    }

    static String html(ExplainJob.Result r) {
        StringBuilder h = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>signkit explanations</title>"
                + "<style>body{font-family:sans-serif;margin:1.5em}figure{display:inline-block;margin:.5em;vertical-align:top}"
                + "figcaption{font-size:.8em;max-width:672px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em}"
                + "</style></head><body><h1>LIME explanations</h1>");
        LimeSettings s = r.settings();
        h.append(String.format(Locale.ROOT, "<p>%d samples, %s superpixels, hide colour %s, kernel width %.2f, ridge alpha %.1f, "
                + "top %d, seed %d, %d reruns for stability. Panels: boundaries; top positive (green) and negative (red) "
                + "superpixels; weight heat map.</p>", s.samples(), s.segmentation(), s.hide().name().toLowerCase(Locale.ROOT),
                s.kernelWidth(), s.alpha(), s.topK(), s.seed(), r.reruns()));
        h.append("<table><tr><th>mean stability</th><th>deletion AUC</th><th>insertion AUC</th><th>pointing game</th><th>local R²</th></tr><tr>");
        for (String k : new String[] {"stability", "deletion", "insertion", "pointing", "r2"}) {
            h.append("<td>").append(num(r.means().get(k))).append("</td>");
        }
        h.append("</tr></table>");
        for (ExplainJob.Entry e : r.entries()) {
            h.append("<figure><img src=\"").append(escape(e.image())).append("\" alt=\"").append(escape(e.frame()))
                    .append("\"><figcaption>").append(escape(e.frame())).append(": ").append(escape(e.sign())).append(" → ")
                    .append(escape(e.predicted())).append(String.format(Locale.ROOT, " (%.2f); R² %s, stability %s, deletion %s, insertion %s, pointing %s",
                            e.probability(), num(e.r2()), num(e.trust().stability()), num(e.trust().deletion()),
                            num(e.trust().insertion()), num(e.trust().pointing()))).append("</figcaption></figure>");
        }
        return h.append("</body></html>\n").toString();
    }

    private static String num(Double v) {
        return v == null || Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
