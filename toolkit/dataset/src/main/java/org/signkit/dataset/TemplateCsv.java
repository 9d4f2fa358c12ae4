package org.signkit.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.signkit.core.BadInputException;
import org.signkit.core.Csv;

/**
 * The CSV files a team fills from a template ({@code signers.csv}, {@code consent.csv}): {@code #} lines are the
 * template's comments, rows are read by column name, so a file from an older template (fewer columns) reads too.
 */
final class TemplateCsv {

    /**
     * One filled row.
     *
     * @param line   its line in the file
     * @param fields value by column name
     */
    record Row(long line, Map<String, String> fields) {
    }

    private TemplateCsv() {
    }

    /** The rows; none without the file or without a row. The {@code required} columns must be in the header. */
    static List<Row> read(Path file, List<String> template, String... required) throws IOException {
        List<Row> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.startsWith("#")).toList();
        if (lines.stream().allMatch(String::isBlank)) {
            return out;
        }
        Csv.File csv = Csv.parse(file, String.join("\n", lines) + "\n");
        for (String name : required) {
            if (!csv.header().contains(name)) {
                throw new BadInputException(file, "no column '" + name + "' (columns: " + csv.header() + ")",
                        "keep the template's header: " + String.join(",", template));
            }
        }
        for (Csv.Row r : csv.rows()) {
            Map<String, String> fields = new TreeMap<>();
            for (int c = 0; c < csv.header().size(); c++) {
                fields.put(csv.header().get(c), r.fields().get(c).trim());
            }
            out.add(new Row(r.line(), fields));
        }
        return out;
    }
}
