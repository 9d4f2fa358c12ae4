package org.signkit.dataset;

import java.util.List;
import java.util.Locale;

/**
 * One row of {@code import.csv}: a video in the dataset layout, its labels, checksum and probe facts.
 *
 * @param path       path inside the dataset folder
 * @param group      {@code train} or {@code validation}
 * @param sign       sign label
 * @param signer     signer id
 * @param take       take id
 * @param source     where it was imported from
 * @param sha256     checksum of the file
 * @param bytes      file size
 * @param fps        average frame rate (0 when it could not be probed)
 * @param vfr        variable frame rate
 * @param rotation   display rotation, degrees clockwise
 * @param width      coded width
 * @param height     coded height
 * @param seconds    duration
 * @param frames     decoded frames
 * @param error      why it could not be probed, empty when fine
 */
public record ImportedVideo(String path, String group, String sign, String signer, String take, String source,
                            String sha256, long bytes, double fps, boolean vfr, int rotation, int width, int height,
                            double seconds, long frames, String error) {

    /** Column names of {@code import.csv}. */
    public static final List<String> COLUMNS = List.of("path", "group", "sign", "signer", "take", "source", "sha256",
            "bytes", "fps", "vfr", "rotation", "width", "height", "seconds", "frames", "error");

    /** The CSV fields in {@link #COLUMNS} order. */
    public List<String> fields() {
        return List.of(path, group, sign, signer, take, source, sha256, Long.toString(bytes),
                String.format(Locale.ROOT, "%.4f", fps), Boolean.toString(vfr), Integer.toString(rotation),
                Integer.toString(width), Integer.toString(height), String.format(Locale.ROOT, "%.3f", seconds),
                Long.toString(frames), error);
    }

    /** Parses a row of {@link #fields()}. */
    public static ImportedVideo parse(List<String> f) {
        if (f.size() != COLUMNS.size()) {
            throw new IllegalArgumentException("expected " + COLUMNS.size() + " fields, got " + f.size());
        }
        return new ImportedVideo(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5), f.get(6),
                Long.parseLong(f.get(7)), Double.parseDouble(f.get(8)), Boolean.parseBoolean(f.get(9)),
                Integer.parseInt(f.get(10)), Integer.parseInt(f.get(11)), Integer.parseInt(f.get(12)),
                Double.parseDouble(f.get(13)), Long.parseLong(f.get(14)), f.get(15));
    }

    /** True when the file could be probed as a video. */
    public boolean readable() {
        return error.isEmpty();
    }
}
