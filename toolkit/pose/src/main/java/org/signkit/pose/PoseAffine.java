package org.signkit.pose;

import java.util.SplittableRandom;

/**
 * The geometric augmentation of pose-format's {@code augment2d}: one random rotation, shear and scale per clip about
 * the origin (so normalise first), each drawn from a normal distribution with the given standard deviation.
 *
 * @param rotationStd standard deviation of the rotation, radians
 * @param shearStd    standard deviation of the shear
 * @param scaleStd    standard deviation of the scale around 1
 */
public record PoseAffine(double rotationStd, double shearStd, double scaleStd) implements PoseTransform {

    public PoseAffine {
        if (rotationStd < 0 || shearStd < 0 || scaleStd < 0) {
            throw new IllegalArgumentException("standard deviations cannot be negative");
        }
    }

    @Override
    public PoseFile apply(PoseFile pose, SplittableRandom random) {
        double angle = gaussian(random) * rotationStd;
        double shear = gaussian(random) * shearStd;
        double sx = 1 + gaussian(random) * scaleStd;
        double sy = 1 + gaussian(random) * scaleStd;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        // rotation · shear · scale
        double a = (cos - sin * shear) * sx;
        double b = (cos * shear - sin) * sy;
        double c = (sin + cos * shear) * sx;
        double d = (sin * shear + cos) * sy;
        return PoseTransform.mapXY(pose, (f, p) -> new double[] {a * p[0] + b * p[1], c * p[0] + d * p[1]});
    }

    static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
