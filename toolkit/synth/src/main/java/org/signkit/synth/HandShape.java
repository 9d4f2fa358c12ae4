package org.signkit.synth;

/**
 * Articulated finger poses the synthetic signs are made of: a curl per finger (0 straight, 1 fully
 * bent into the palm) and how far the fingers spread. Named after the sign-language hand shapes they
 * resemble.
 */
public enum HandShape {
    /** All fingers straight and spread (5). */
    OPEN(new double[] {0.0, 0.0, 0.0, 0.0, 0.0}, 1.0),
    /** Fingers straight and together, thumb alongside (B). */
    FLAT(new double[] {0.25, 0.0, 0.0, 0.0, 0.0}, 0.1),
    /** Fist, thumb across (S). */
    FIST(new double[] {0.65, 1.0, 1.0, 1.0, 1.0}, 0.0),
    /** Index finger straight (1). */
    POINT(new double[] {0.8, 0.0, 1.0, 1.0, 1.0}, 0.2),
    /** Index and middle straight and apart (V). */
    V(new double[] {0.8, 0.0, 0.0, 1.0, 1.0}, 1.0),
    /** Thumb and index straight at a right angle (L). */
    L(new double[] {0.0, 0.0, 1.0, 1.0, 1.0}, 0.4),
    /** Thumb and little finger straight (Y). */
    Y(new double[] {0.0, 1.0, 1.0, 1.0, 0.0}, 1.0),
    /** All fingers half bent, as holding a cup (C). */
    C(new double[] {0.35, 0.5, 0.5, 0.5, 0.5}, 0.3),
    /** Fingers bent and spread (claw). */
    CLAW(new double[] {0.4, 0.65, 0.65, 0.65, 0.65}, 1.0),
    /** Fist with the thumb up (A). */
    THUMB_UP(new double[] {0.0, 1.0, 1.0, 1.0, 1.0}, 0.0);

    private final double[] curls;
    private final double spread;

    HandShape(double[] curls, double spread) {
        this.curls = curls;
        this.spread = spread;
    }

    /** Curl of finger {@code f} (0 thumb .. 4 little finger). */
    public double curl(int f) {
        return curls[f];
    }

    /** Finger spread, 0..1. */
    public double spread() {
        return spread;
    }
}
