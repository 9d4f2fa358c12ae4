package org.signkit.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reads and writes {@code manifest.csv}: one {@link FrameRecord} per frame, with a header row. */
public final class FrameManifest {

    /** The manifest's file name beside the frames. */
    public static final String FILE_NAME = "manifest.csv";

    private FrameManifest() {
    }

    /** Writes the rows atomically. */
    public static void write(Path file, List<FrameRecord> rows) throws IOException {
        CsvTable.write(file, FrameRecord.COLUMNS, rows, FrameRecord::fields);
    }

    /** Reads every row; the error names the file and line of a malformed row. */
    public static List<FrameRecord> read(Path file) throws IOException {
        return CsvTable.read(file, List.of(FrameRecord.COLUMNS, FrameRecord.COLUMNS_V1), FrameRecord::parse, "a signkit frame manifest",
                "point at the manifest.csv written by 'signkit frames'", "rerun 'signkit frames' to regenerate the manifest");
    }
}
