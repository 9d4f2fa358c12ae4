package org.signkit.report;

import static org.signkit.core.HtmlText.escape;

import java.util.List;
import java.util.Locale;
import org.signkit.stats.Claim;

/** Small HTML helpers: tables, numbers, pages; the one stylesheet every page inlines. */
final class Html {

    static final String STYLE = "<style>body{font-family:sans-serif;margin:2em auto;max-width:1100px;color:#222}"
            + "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #bbb;padding:.25em .6em;text-align:left}"
            + "th{background:#eee}.agree{color:#080;font-weight:bold}.disagree{color:#b00;font-weight:bold}"
            + ".inconclusive{color:#a60;font-weight:bold}img{max-width:100%}code{background:#f4f4f4}"
            + "figure{display:inline-block;margin:.4em;vertical-align:top}figcaption{font-size:.8em;max-width:600px}"
            + ".warning{background:#fff3cd;border:1px solid #e0b000;padding:.5em .8em;margin:.5em 0}</style>";

    private Html() {
    }

    static String num(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.4f", v);
    }

    static String p(double v) {
        return Double.isNaN(v) ? "–" : v < 1e-4 ? String.format(Locale.ROOT, "%.1e", v) : String.format(Locale.ROOT, "%.4f", v);
    }

    /** A table with a header row; cells are escaped. */
    static String table(List<String> header, List<List<String>> rows) {
        StringBuilder h = new StringBuilder("<table><tr>");
        header.forEach(c -> h.append("<th>").append(escape(c)).append("</th>"));
        h.append("</tr>");
        for (List<String> r : rows) {
            h.append("<tr>");
            r.forEach(c -> h.append("<td>").append(escape(c)).append("</td>"));
            h.append("</tr>");
        }
        return h.append("</table>").toString();
    }

    /** A warning banner: something that makes the numbers on the page untrustworthy. */
    static String warning(String text) {
        return "<div class=\"warning\" role=\"alert\"><b>Warning:</b> " + escape(text) + "</div>";
    }

    /** The CSS class of a claim's agreement. */
    static String agreementClass(Claim.Agreement a) {
        return switch (a) {
            case AGREE -> "agree";
            case DISAGREE -> "disagree";
            case UNDECIDED -> "inconclusive";
        };
    }

    static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>" + STYLE
                + "</head><body>" + body + "</body></html>\n";
    }
}
