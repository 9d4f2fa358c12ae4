package org.signkit.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.signkit.core.AtomicFiles;
import org.signkit.core.BadInputException;
import org.signkit.core.Csv;

/** Reads and writes {@code import.csv}, the dataset's index of videos. */
public final class ImportIndex {

    private ImportIndex() {
    }

    /** The rows, or none before the first import. */
    public static List<ImportedVideo> read(DatasetLayout layout) throws IOException {
        Path file = layout.importIndex();
        List<ImportedVideo> rows = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return rows;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> header = Csv.read(in);
            if (!ImportedVideo.COLUMNS.equals(header)) {
                throw new BadInputException(file, "not a signkit import index (header " + header + ")",
                        "restore it from version control or delete it and import again");
            }
            int line = 1;
            for (List<String> f; (f = Csv.read(in)) != null; ) {
                line++;
                try {
                    rows.add(ImportedVideo.parse(f));
                } catch (IllegalArgumentException e) {
                    throw new BadInputException(file, "line " + line + ": " + e.getMessage(),
                            "fix or delete the line, then import again", e);
                }
            }
        }
        return rows;
    }

    /** Writes the rows sorted by path, atomically. */
    public static void write(DatasetLayout layout, List<ImportedVideo> rows) throws IOException {
        List<ImportedVideo> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(ImportedVideo::path));
        StringBuilder sb = new StringBuilder(Csv.line(ImportedVideo.COLUMNS)).append('\n');
        sorted.forEach(r -> sb.append(Csv.line(r.fields())).append('\n'));
        AtomicFiles.writeString(layout.importIndex(), sb.toString());
    }
}
