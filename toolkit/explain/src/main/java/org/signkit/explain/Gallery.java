package org.signkit.explain;

import static org.signkit.core.HtmlText.escape;

import java.util.Locale;

/**
 * The gallery page of an explanation run (self-contained HTML, images beside it, no scripts), and its
 * parts the experiment reports embed.
 */
public final class Gallery {

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
        h.append(means(r));
        for (ExplainJob.Entry e : r.entries()) {
            h.append(figure(e, e.image()));
        }
        return h.append("</body></html>\n").toString();
    }

    /** The table of mean trust scores. */
    public static String means(ExplainJob.Result r) {
        StringBuilder h = new StringBuilder("<table><tr><th>frames</th><th>mean stability</th><th>deletion AUC</th>"
                + "<th>insertion AUC</th><th>pointing game</th><th>local R²</th></tr><tr><td>" + r.entries().size() + "</td>");
        for (String k : new String[] {"stability", "deletion", "insertion", "pointing", "r2"}) {
            h.append("<td>").append(num(r.means().get(k))).append("</td>");
        }
        return h.append("</tr></table>").toString();
    }

    /** One explained frame: the rendered panels from {@code src} (a path or a data URI) and its scores. */
    public static String figure(ExplainJob.Entry e, String src) {
        return "<figure><img src=\"" + escape(src) + "\" alt=\"explanation of " + escape(e.frame()) + "\"><figcaption>"
                + escape(e.frame()) + ": " + escape(e.sign()) + " → " + escape(e.predicted())
                + String.format(Locale.ROOT, " (%.2f); R² %s, stability %s, deletion %s, insertion %s, pointing %s",
                        e.probability(), num(e.r2()), num(e.trust().stability()), num(e.trust().deletion()),
                        num(e.trust().insertion()), num(e.trust().pointing())) + "</figcaption></figure>";
    }

    private static String num(Double v) {
        return v == null || Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
    }
}
