package org.signkit.video;

/**
 * Output picture size: the source's upright size, or its short side resized to {@code size}, or a
 * {@code size x size} square made by center-cropping or padding.
 *
 * @param size   target short side (or square side) in pixels; 0 keeps the source size
 * @param square how to make a square; {@link Square#NONE} keeps the aspect ratio
 */
public record FrameGeometry(int size, Square square) {

    /** How a non-square frame becomes square. */
    public enum Square {
        /** Keep the aspect ratio. */
        NONE,
        /** Scale the long side to the size and pad the short side with black (nothing is cut off). */
        PAD,
        /** Scale the short side to the size and cut the center (the signer usually stands there). */
        CROP
    }

    public FrameGeometry {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0: " + size);
        }
        if (square != Square.NONE && size == 0) {
            throw new IllegalArgumentException("--square needs --size");
        }
    }

    /** The source size, upright. */
    public static FrameGeometry native_() {
        return new FrameGeometry(0, Square.NONE);
    }

    /** Upright size after scaling but before cropping or padding, for an upright source of w x h. */
    public int[] scaledSize(int w, int h) {
        if (size == 0) {
            return new int[] {w, h};
        }
        int reference = square == Square.PAD ? Math.max(w, h) : Math.min(w, h);
        double s = (double) size / reference;
        return new int[] {Math.max(1, (int) Math.round(w * s)), Math.max(1, (int) Math.round(h * s))};
    }

    /** Final upright output size for an upright source of w x h. */
    public int[] outputSize(int w, int h) {
        return square == Square.NONE ? scaledSize(w, h) : new int[] {size, size};
    }
}
