package org.signkit.core;

import java.util.List;

/**
 * One extracted frame, as a row of {@code manifest.csv}: where it is, what it shows and exactly
 * which source frame it came from.
 *
 * @param framePath         frame image path, relative to the manifest's folder
 * @param label             sign, signer and take
 * @param sourceVideo       the source video, relative to the input root
 * @param sourceFrameIndex  0-based index of the source frame in decode (presentation) order
 * @param sourcePtsSeconds  presentation time of the source frame, in seconds from the stream's zero
 * @param captureFps        the source's average frame rate
 * @param targetFps         the requested output rate ({@code source} keeps every frame)
 * @param repeated          true when this frame repeats a source frame already written (upsampling)
 * @param crop              the square of the source frame this frame shows, {@code "x0 y0 side"} in source
 *                          pixels ({@code signkit frames --crop signer}), or empty for the whole frame
 * @param trim              the rule that kept this frame: {@code none}, or {@code still} (lead-in and lead-out
 *                          frames with the hands at rest were dropped)
 */
public record FrameRecord(String framePath, SampleLabel label, String sourceVideo, long sourceFrameIndex,
                          double sourcePtsSeconds, double captureFps, String targetFps, boolean repeated,
                          String crop, String trim) {

    /** Column names of {@code manifest.csv}, in order. */
    public static final List<String> COLUMNS = List.of("frame_path", "sign", "signer", "take", "source_video",
            "source_frame_index", "source_pts_s", "capture_fps", "target_fps", "repeated", "crop", "trim");

    /** The columns of manifests written before frames recorded their crop and trim. */
    public static final List<String> COLUMNS_V1 = COLUMNS.subList(0, 10);

    /** A frame of the whole source frame, nothing trimmed. */
    public FrameRecord(String framePath, SampleLabel label, String sourceVideo, long sourceFrameIndex,
                       double sourcePtsSeconds, double captureFps, String targetFps, boolean repeated) {
        this(framePath, label, sourceVideo, sourceFrameIndex, sourcePtsSeconds, captureFps, targetFps, repeated, "",
                "none");
    }

    public FrameRecord {
        crop = crop == null ? "" : crop;
        trim = trim == null || trim.isEmpty() ? "none" : trim;
    }

    /** This frame at another path, showing {@code newCrop} of its source frame, kept by {@code newTrim}. */
    public FrameRecord withSigningSpace(String newPath, String newCrop, String newTrim) {
        return new FrameRecord(newPath, label, sourceVideo, sourceFrameIndex, sourcePtsSeconds, captureFps, targetFps,
                repeated, newCrop, newTrim);
    }

    /** The CSV fields of this row, in {@link #COLUMNS} order. */
    public List<String> fields() {
        return List.of(framePath, label.sign(), label.signer(), label.take(), sourceVideo,
                Long.toString(sourceFrameIndex), formatSeconds(sourcePtsSeconds), formatRate(captureFps),
                targetFps, Boolean.toString(repeated), crop, trim);
    }

    /** The crop square {@code {x0, y0, side}} in source pixels, or null for the whole frame. */
    public double[] cropSquare() {
        if (crop.isEmpty()) {
            return null;
        }
        String[] c = crop.trim().split("\\s+");
        return new double[] {Double.parseDouble(c[0]), Double.parseDouble(c[1]), Double.parseDouble(c[2])};
    }

    /** Parses a row written by {@link #fields()} (or by an older signkit, without crop and trim). */
    public static FrameRecord parse(List<String> f) {
        if (f.size() != COLUMNS.size() && f.size() != COLUMNS_V1.size()) {
            throw new IllegalArgumentException("expected " + COLUMNS.size() + " fields, got " + f.size() + ": " + f);
        }
        boolean v1 = f.size() == COLUMNS_V1.size();
        // A row's frame is read from (and written under) the manifest's folder: never a path that leaves it.
        return new FrameRecord(PathNames.relative(f.get(0), "frame_path"), new SampleLabel(f.get(1), f.get(2), f.get(3)), f.get(4),
                Long.parseLong(f.get(5)), Double.parseDouble(f.get(6)), Double.parseDouble(f.get(7)), f.get(8),
                Boolean.parseBoolean(f.get(9)), v1 ? "" : f.get(10), v1 ? "none" : f.get(11));
    }

    private static String formatSeconds(double s) {
        return String.format(java.util.Locale.ROOT, "%.6f", s);
    }

    private static String formatRate(double fps) {
        return String.format(java.util.Locale.ROOT, "%.4f", fps);
    }
}
