package org.signkit.augment;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.WARP_INVERSE_MAP;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;
import static org.bytedeco.opencv.global.opencv_imgproc.warpPerspective;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A spatial transform defined by one matrix from output to input pixel coordinates; the image is
 * resampled bilinearly, the mask with nearest neighbours, and boxes and keypoints are mapped with the
 * inverse matrix, so all of them move together.
 *
 * <p>Keras' {@code ImageDataGenerator} options map one to one: {@code rotation_range} (degrees) →
 * {@link Rotation}, {@code zoom_range} → {@link Zoom}, {@code shear_range} (degrees) → {@link Shear},
 * {@code width_shift_range} / {@code height_shift_range} (fractions) → {@link Shift},
 * {@code horizontal_flip} → {@link HorizontalFlip}, {@code fill_mode} / {@code cval} → {@link FillMode}.
 */
public abstract class GeometricTransform implements Transform {

    private final double probability;
    private final FillMode fill;
    private final double cval;

    protected GeometricTransform(double probability, FillMode fill, double cval) {
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("p must be in [0, 1]: " + probability);
        }
        this.probability = probability;
        this.fill = fill;
        this.cval = cval;
    }

    @Override
    public final Family family() {
        return Family.GEOMETRIC;
    }

    @Override
    public final double probability() {
        return probability;
    }

    /** The 3x3 matrix mapping output (x, y) to input (x, y) for these parameters. */
    protected abstract double[] outputToInput(Map<String, Double> params, int width, int height);

    /** Relabels what the transform changes the meaning of (only a flip does). */
    protected String relabel(String label) {
        return label;
    }

    @Override
    public Sample apply(Sample s, Map<String, Double> params) {
        int w = s.image().cols();
        int h = s.image().rows();
        double[] m = outputToInput(params, w, h);
        Mat image = resample(s.image(), m, INTER_LINEAR, cval);
        Mat mask = s.mask() == null ? null : resample(s.mask(), m, INTER_NEAREST, 0);
        double[] forward = Matrix3.invert(m);
        List<LabeledBox> boxes = new ArrayList<>();
        for (LabeledBox b : s.boxes()) {
            // Box edges lie half a pixel outside the centres of the pixels they contain.
            double[][] corners = {{b.x0() - 0.5, b.y0() - 0.5}, {b.x1() - 0.5, b.y0() - 0.5},
                {b.x0() - 0.5, b.y1() - 0.5}, {b.x1() - 0.5, b.y1() - 0.5}};
            double minX = Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (double[] c : corners) {
                double[] t = Matrix3.apply(forward, c[0], c[1]);
                minX = Math.min(minX, t[0]);
                maxX = Math.max(maxX, t[0]);
                minY = Math.min(minY, t[1]);
                maxY = Math.max(maxY, t[1]);
            }
            boxes.add(new LabeledBox(relabel(b.label()), Math.max(0, minX + 0.5), Math.max(0, minY + 0.5),
                    Math.min(w, maxX + 0.5), Math.min(h, maxY + 0.5)));
        }
        List<Keypoint> points = new ArrayList<>();
        for (Keypoint k : s.keypoints()) {
            double[] t = Matrix3.apply(forward, k.x(), k.y());
            points.add(new Keypoint(relabel(k.label()), t[0], t[1]));
        }
        return new Sample(image, mask, boxes, points, relabel(s.dominant()));
    }

    /** Resamples {@code src} through the output-to-input matrix {@code m}; a subclass may do it faster. */
    protected Mat resample(Mat src, double[] m, int interpolation, double value) {
        Mat dst = new Mat();
        try (Size size = src.size(); Scalar border = Scalar.all(value)) {
            if (Matrix3.isAffine(m)) {
                try (Mat a = new Mat(2, 3, opencv_core.CV_64F)) {
                    a.data().capacity(48).asByteBuffer().order(java.nio.ByteOrder.nativeOrder()).asDoubleBuffer()
                            .put(m, 0, 6);
                    warpAffine(src, dst, a, size, interpolation | WARP_INVERSE_MAP, fill.border(), border);
                }
            } else {
                try (Mat p = new Mat(3, 3, opencv_core.CV_64F)) {
                    p.data().capacity(72).asByteBuffer().order(java.nio.ByteOrder.nativeOrder()).asDoubleBuffer().put(m);
                    warpPerspective(src, dst, p, size, interpolation | WARP_INVERSE_MAP, fill.border(), border);
                }
            }
        }
        return dst;
    }
}
