package org.signkit.video;

/**
 * How frames are written: JPEG with a quality, or lossless PNG.
 *
 * @param format  {@code jpg} or {@code png}
 * @param quality JPEG quality 1..100 (ignored for PNG)
 */
public record ImageEncoding(String format, int quality) {

    public ImageEncoding {
        format = format.toLowerCase(java.util.Locale.ROOT);
        if (format.equals("jpeg")) {
            format = "jpg";
        }
        if (!format.equals("jpg") && !format.equals("png")) {
            throw new IllegalArgumentException("unknown image format '" + format + "'; use jpg or png");
        }
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality must be 1..100: " + quality);
        }
    }

    /** File extension with its dot. */
    public String extension() {
        return "." + format;
    }
}
