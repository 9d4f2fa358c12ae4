package org.signkit.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.signkit.core.AtomicFiles;
import org.signkit.core.BadInputException;
import org.signkit.core.Json;

/**
 * The trial records of a run, {@code records.jsonl}: one JSON object per line. Appending rewrites the file
 * through a temporary file and a rename, so a crash leaves the old or the new file, never half a line.
 *
 * @param file the records file
 */
public record TrialRecords(Path file) {

    /** The file's name in a run folder. */
    public static final String FILE_NAME = "records.jsonl";

    /** Every record, in order. */
    public List<TrialRecord> read() throws IOException {
        List<TrialRecord> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(Json.mapper().readValue(line, TrialRecord.class));
            } catch (IOException e) {
                throw new BadInputException(file, "line " + n + " is not a trial record: " + e.getMessage(),
                        "delete that line (the trial then reruns)", e);
            }
        }
        return out;
    }

    /** Appends one record atomically. */
    public void append(TrialRecord record) throws IOException {
        String old = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        String line = Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(record);
        AtomicFiles.writeString(file, old + line + "\n");
    }

    /** The latest record of each trial id (a failed trial rerun later is replaced by its rerun). */
    public List<TrialRecord> latest() throws IOException {
        java.util.LinkedHashMap<String, TrialRecord> byTrial = new java.util.LinkedHashMap<>();
        for (TrialRecord r : read()) {
            byTrial.remove(r.trial());
            byTrial.put(r.trial(), r);
        }
        return List.copyOf(byTrial.values());
    }
}
