package org.signkit.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.signkit.core.CsvTable;

/** Reads and writes {@code import.csv}, the dataset's index of videos. */
public final class ImportIndex {

    private ImportIndex() {
    }

    /** The rows, or none before the first import. */
    public static List<ImportedVideo> read(DatasetLayout layout) throws IOException {
        if (!Files.isRegularFile(layout.importIndex())) {
            return new ArrayList<>();
        }
        return CsvTable.read(layout.importIndex(), ImportedVideo.COLUMNS, ImportedVideo::parse, "a signkit import index",
                "restore it from version control or delete it and import again",
                "fix or delete the line, then import again");
    }

    /** Writes the rows sorted by path, atomically. */
    public static void write(DatasetLayout layout, List<ImportedVideo> rows) throws IOException {
        List<ImportedVideo> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(ImportedVideo::path));
        CsvTable.write(layout.importIndex(), ImportedVideo.COLUMNS, sorted, ImportedVideo::fields);
    }
}
