package org.signkit.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    static Factors factors(Path csv, String valueCol, String groupCol, String group2Col) throws IOException {
        Groups g = read(csv, valueCol, groupCol, group2Col);
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

    static Groups read(Path csv, String valueCol, String groupCol, String pairCol) throws IOException {
        if (!Files.isRegularFile(csv)) {
            throw new BadInputException(csv, "file not found", "check the --csv path");
        }
        Map<String, List<Double>> values = new LinkedHashMap<>();
        Map<String, List<String>> keys = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            List<String> header = Csv.read(in);
            if (header == null) {
                throw new BadInputException(csv, "empty file", "write a header row and one row per trial");
            }
            int v = column(csv, header, valueCol, "--value");
            int g = column(csv, header, groupCol, "--group");
            int p = pairCol == null ? -1 : column(csv, header, pairCol, "--paired-by");
            int row = 1;
            for (List<String> f; (f = Csv.read(in)) != null; ) {
                row++;
                if (f.size() == 1 && f.get(0).isBlank()) {
                    continue;
                }
                if (f.size() != header.size()) {
                    throw new BadInputException(csv, "row " + row + " has " + f.size() + " fields, the header " + header.size(),
                            "fix that row");
                }
                double x;
                try {
                    x = Double.parseDouble(f.get(v).trim());
                } catch (NumberFormatException e) {
                    throw new BadInputException(csv, "row " + row + ": " + valueCol + " is '" + f.get(v) + "', not a number",
                            "fill in or remove that trial");
                }
                if (!Double.isFinite(x)) {
                    throw new BadInputException(csv, "row " + row + ": " + valueCol + " is " + f.get(v),
                            "a failed trial must be rerun or removed, not left as NaN");
                }
                values.computeIfAbsent(f.get(g), k -> new ArrayList<>()).add(x);
                keys.computeIfAbsent(f.get(g), k -> new ArrayList<>()).add(p < 0 ? null : f.get(p));
            }
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        Map<String, String[]> outKeys = new LinkedHashMap<>();
        values.forEach((k, l) -> out.put(k, l.stream().mapToDouble(Double::doubleValue).toArray()));
        keys.forEach((k, l) -> outKeys.put(k, l.toArray(new String[0])));
        return new Groups(out, outKeys);
    }

    private static int column(Path csv, List<String> header, String name, String option) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new BadInputException(csv, "no column '" + name + "' (columns: " + header + ")", "fix " + option);
        }
        if (header.lastIndexOf(name) != i) {
            throw new BadInputException(csv, "the header names column '" + name + "' twice (columns " + (i + 1) + " and "
                    + (header.lastIndexOf(name) + 1) + ")", "rename one of them");
        }
        return i;
    }
}
