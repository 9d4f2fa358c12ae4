package org.signkit.augment;

/** Shear by an angle in degrees drawn from {@code degrees} (Keras {@code shear_range}). */
public final class Shear extends AngleTransform {

    public Shear(Range degrees, double p, FillMode fill, double cval) {
        super("shear", degrees, p, fill, cval);
    }

    static Shear from(Options o, FillMode fill, double cval) {
        Shear t = new Shear(o.range("range", Range.symmetric(10), true), o.probability(1), fill, cval);
        o.finish();
        return t;
    }

    @Override
    protected double[] rowColMatrix(double s) {
        return new double[] {1, -Math.sin(s), 0, 0, Math.cos(s), 0, 0, 0, 1};
    }
}
