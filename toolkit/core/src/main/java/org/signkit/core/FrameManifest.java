package org.signkit.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes {@code manifest.csv}: one {@link FrameRecord} per frame, with a header row. */
public final class FrameManifest {

    /** The manifest's file name beside the frames. */
    public static final String FILE_NAME = "manifest.csv";

    private FrameManifest() {
    }

    /** Writes the rows atomically. */
    public static void write(Path file, List<FrameRecord> rows) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(Csv.line(FrameRecord.COLUMNS));
            w.write('\n');
            for (FrameRecord r : rows) {
                w.write(Csv.line(r.fields()));
                w.write('\n');
            }
            w.flush();
        });
    }

    /** Reads every row; the error names the file and line of a malformed row. */
    public static List<FrameRecord> read(Path file) throws IOException {
        List<FrameRecord> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> header = Csv.read(in);
            if (header == null || !header.equals(FrameRecord.COLUMNS)) {
                throw new BadInputException(file, "not a signkit frame manifest (header " + header + ")",
                        "point at the manifest.csv written by 'signkit frames'");
            }
            int line = 1;
            for (List<String> f; (f = Csv.read(in)) != null; ) {
                line++;
                try {
                    rows.add(FrameRecord.parse(f));
                } catch (IllegalArgumentException e) {
                    throw new BadInputException(file, "line " + line + ": " + e.getMessage(),
                            "rerun 'signkit frames' to regenerate the manifest", e);
                }
            }
        }
        return rows;
    }
}
