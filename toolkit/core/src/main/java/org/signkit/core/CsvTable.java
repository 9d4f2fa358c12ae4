package org.signkit.core;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** A CSV file of typed rows under a fixed header (manifests, indexes): read with clear errors, written atomically. */
public final class CsvTable {

    private CsvTable() {
    }

    /**
     * Reads every row; a wrong header or a malformed row is a {@link BadInputException} naming the file
     * (and the line).
     *
     * @param what      what the file should be, e.g. "a signkit frame manifest"
     * @param headerFix what to do when the header is wrong
     * @param lineFix   what to do when a row is malformed
     */
    public static <T> List<T> read(Path file, List<String> columns, Function<List<String>, T> parse, String what,
                                   String headerFix, String lineFix) throws IOException {
        return read(file, List.of(columns), parse, what, headerFix, lineFix);
    }

    /**
     * As {@link #read(Path, List, Function, String, String, String)}, for a file whose header may be any of
     * {@code headers} (a format that gained columns reads its older files too).
     */
    public static <T> List<T> read(Path file, Collection<List<String>> headers, Function<List<String>, T> parse,
                                   String what, String headerFix, String lineFix) throws IOException {
        Csv.File csv = Csv.read(file);
        if (!headers.contains(csv.header())) {
            throw new BadInputException(file, "not " + what + " (header " + csv.header() + ")", headerFix);
        }
        List<T> rows = new ArrayList<>();
        for (Csv.Row r : csv.rows()) {
            try {
                rows.add(parse.apply(r.fields()));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(file, "line " + r.line() + ": " + e.getMessage(), lineFix, e);
            }
        }
        return rows;
    }

    /** Writes the header and one line per row, atomically. */
    public static <T> void write(Path file, List<String> columns, List<T> rows, Function<T, List<String>> fields)
            throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(Csv.line(columns));
            w.write('\n');
            for (T r : rows) {
                w.write(Csv.line(fields.apply(r)));
                w.write('\n');
            }
            w.flush();
        });
    }
}
