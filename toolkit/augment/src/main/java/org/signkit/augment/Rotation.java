package org.signkit.augment;

/** Rotation about the centre by an angle drawn from {@code degrees} (Keras {@code rotation_range}). */
public final class Rotation extends AngleTransform {

    public Rotation(Range degrees, double p, FillMode fill, double cval) {
        super("rotation", degrees, p, fill, cval);
    }

    static Rotation from(Options o, FillMode fill, double cval) {
        Rotation t = new Rotation(o.range("range", Range.symmetric(15), true), o.probability(1), fill, cval);
        o.finish();
        return t;
    }

    @Override
    protected double[] rowColMatrix(double t) {
        return new double[] {Math.cos(t), -Math.sin(t), 0, Math.sin(t), Math.cos(t), 0, 0, 0, 1};
    }
}
