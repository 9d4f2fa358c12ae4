package org.signkit.augment;

/**
 * The study's two kinds of augmentation (albumentations' spatial vs pixel split): geometric transforms
 * move pixels — and masks, boxes and keypoints with them; intensity transforms change pixel values and
 * never touch masks, boxes or keypoints.
 */
public enum Family {
    /** Rotation, zoom, shear, shifts, crops, perspective, flip. */
    GEOMETRIC,
    /** Brightness, contrast, gamma, colour, channel shift and inversion, noise, blur, JPEG. */
    INTENSITY
}
