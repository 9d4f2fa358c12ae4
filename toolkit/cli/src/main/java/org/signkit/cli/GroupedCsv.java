package org.signkit.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.signkit.core.BadInputException;
import org.signkit.core.Csv;

/**
 * Reads a table of trial results (one row per trial) into groups of values, e.g. column
 * {@code val_accuracy} grouped by {@code condition}; errors name the file, the row and the column.
 */
final class GroupedCsv {

    /** Values per group in first-seen order, and the pairing key of each value (or null). */
    record Groups(Map<String, double[]> values, Map<String, String[]> pairKeys) {
    }

    /** Observations of a two-factor design. */
    record Factors(double[] y, String[] a, String[] b) {
    }

    private GroupedCsv() {
    }

    /** Reads value, first and second factor per row (the second factor rides in the pairing-key slot). */
    static Factors factors(Path csv, String valueCol, String groupCol, String group2Col, Charset charset) throws IOException {
        Groups g = read(csv, valueCol, groupCol, group2Col, charset);
        List<Double> y = new ArrayList<>();
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        g.values().forEach((level, values) -> {
            String[] second = g.pairKeys().get(level);
            for (int i = 0; i < values.length; i++) {
                y.add(values[i]);
                a.add(level);
                b.add(second[i]);
            }
        });
        return new Factors(y.stream().mapToDouble(Double::doubleValue).toArray(), a.toArray(new String[0]), b.toArray(new String[0]));
    }

    static Groups read(Path csv, String valueCol, String groupCol, String pairCol, Charset charset) throws IOException {
        Csv.File file = Csv.read(csv, charset);
        int v = file.column(valueCol, "--value");
        int g = file.column(groupCol, "--group");
        int p = pairCol == null ? -1 : file.column(pairCol, "--paired-by");
        Map<String, List<Double>> values = new LinkedHashMap<>();
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (Csv.Row row : file.rows()) {
            List<String> f = row.fields();
            double x;
            try {
                x = Double.parseDouble(f.get(v).trim());
            } catch (NumberFormatException e) {
                throw new BadInputException(csv, "row " + row.line() + ": " + valueCol + " is '" + f.get(v) + "', not a number",
                        "fill in or remove that trial");
            }
            if (!Double.isFinite(x)) {
                throw new BadInputException(csv, "row " + row.line() + ": " + valueCol + " is " + f.get(v),
                        "a failed trial must be rerun or removed, not left as NaN");
            }
            values.computeIfAbsent(f.get(g), k -> new ArrayList<>()).add(x);
            keys.computeIfAbsent(f.get(g), k -> new ArrayList<>()).add(p < 0 ? null : f.get(p));
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        Map<String, String[]> outKeys = new LinkedHashMap<>();
        values.forEach((k, l) -> out.put(k, l.stream().mapToDouble(Double::doubleValue).toArray()));
        keys.forEach((k, l) -> outKeys.put(k, l.toArray(new String[0])));
        return new Groups(out, outKeys);
    }
}
