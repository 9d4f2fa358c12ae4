package org.signkit.video;

import org.signkit.core.Checksums;

/**
 * Everything that decides which frames are written and how; two runs with equal settings on equal
 * inputs produce identical outputs, which is what lets a rerun skip finished videos.
 *
 * @param targetFps output rate, or null to keep every source frame ({@code --fps source})
 * @param rounding  pts-to-slot rounding of FFmpeg's fps filter
 * @param geometry  output size
 * @param encoding  image format
 */
public record ExtractionSettings(Rational targetFps, FpsRounding rounding, FrameGeometry geometry,
                                 ImageEncoding encoding) {

    /** Output layout version: bump when the files written for the same settings change. */
    static final int LAYOUT_VERSION = 1;

    public ExtractionSettings {
        if (targetFps != null && !targetFps.isPositive()) {
            throw new IllegalArgumentException("--fps must be positive or 'source': " + targetFps);
        }
    }

    /** Parses {@code --fps}: {@code source} or a rate such as 30, 29.97, 30000/1001. */
    public static Rational parseFps(String text) {
        return text.trim().equalsIgnoreCase("source") ? null : Rational.parse(text);
    }

    /** The target rate as written in the manifest: {@code source} or the rate. */
    public String targetFpsLabel() {
        return targetFps == null ? "source" : targetFps.toString();
    }

    /** A new frame selector for one video. */
    public FrameSelector selector(Rational timeBase) {
        return targetFps == null ? FrameSelector.keepAll() : new FrameResampler(timeBase, targetFps, rounding);
    }

    /** A digest of the settings, stored with each finished video. */
    public String key() {
        return Checksums.sha256("layout=" + LAYOUT_VERSION + ";fps=" + targetFpsLabel() + ";round=" + rounding
                + ";size=" + geometry.size() + ";square=" + geometry.square() + ";format=" + encoding.format()
                + ";quality=" + encoding.quality());
    }
}
