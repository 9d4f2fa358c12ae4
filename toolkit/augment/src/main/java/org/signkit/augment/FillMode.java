package org.signkit.augment;

import org.bytedeco.opencv.global.opencv_core;

/**
 * How geometric transforms fill pixels that come from outside the image, with the meaning of Keras'
 * {@code fill_mode} (scipy.ndimage modes): nearest {@code aaaa|abcd|dddd}, constant {@code kkkk|abcd|kkkk},
 * reflect {@code dcba|abcd|dcba}, wrap {@code abcd|abcd|abcd}.
 */
public enum FillMode {
    NEAREST(opencv_core.BORDER_REPLICATE),
    CONSTANT(opencv_core.BORDER_CONSTANT),
    REFLECT(opencv_core.BORDER_REFLECT),
    WRAP(opencv_core.BORDER_WRAP);

    private final int border;

    FillMode(int border) {
        this.border = border;
    }

    /** The OpenCV border mode. */
    public int border() {
        return border;
    }

    /** Parses Keras' name. */
    public static FillMode parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown fill_mode '" + name + "'; use nearest, constant, reflect or wrap", e);
        }
    }
}
