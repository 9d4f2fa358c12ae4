package org.signkit.synth;

import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.ellipse;
import static org.bytedeco.opencv.global.opencv_imgproc.fillConvexPoly;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Draws every primitive twice, with the same geometry: in colour into the picture and as a part id
 * into the label image, so the ground-truth masks match the rendered pixels exactly. Coordinates are
 * sub-pixel (fixed point with {@link #SHIFT} fractional bits), so slow motion moves edges smoothly.
 */
final class Canvas implements AutoCloseable {

    /** Label ids of the parts. */
    static final int BODY = 1;
    static final int FACE = 2;
    static final int RIGHT_HAND = 3;
    static final int LEFT_HAND = 4;

    private static final int SHIFT = 3;
    private static final double ONE = 1 << SHIFT;

    private final Mat picture;
    private final Mat label;
    private final Scalar[] labels = new Scalar[5];
    private final Point a = new Point();
    private final Point b = new Point();
    private final Point poly = new Point(8);
    private final Size axes = new Size();

    Canvas(Mat picture, Mat label) {
        this.picture = picture;
        this.label = label;
        for (int i = 0; i < labels.length; i++) {
            labels[i] = new Scalar(i, i, i, 0);
        }
    }

    void line(double x1, double y1, double x2, double y2, double thickness, Scalar colour, int part) {
        a.x((int) Math.round(x1 * ONE)).y((int) Math.round(y1 * ONE));
        b.x((int) Math.round(x2 * ONE)).y((int) Math.round(y2 * ONE));
        int t = Math.max(1, (int) Math.round(thickness));
        org.bytedeco.opencv.global.opencv_imgproc.line(picture, a, b, colour, t, LINE_8, SHIFT);
        org.bytedeco.opencv.global.opencv_imgproc.line(label, a, b, labels[part], t, LINE_8, SHIFT);
    }

    void disc(double x, double y, double radius, Scalar colour, int part) {
        a.x((int) Math.round(x * ONE)).y((int) Math.round(y * ONE));
        int r = (int) Math.round(radius * ONE);
        circle(picture, a, r, colour, -1, LINE_8, SHIFT);
        circle(label, a, r, labels[part], -1, LINE_8, SHIFT);
    }

    /** A filled ellipse; {@code part < 0} draws colour only (details that do not change the mask). */
    void ellipseFilled(double x, double y, double rx, double ry, double angleDeg, Scalar colour, int part) {
        a.x((int) Math.round(x * ONE)).y((int) Math.round(y * ONE));
        axes.width((int) Math.round(rx * ONE)).height((int) Math.round(ry * ONE));
        ellipse(picture, a, axes, angleDeg, 0, 360, colour, -1, LINE_8, SHIFT);
        if (part >= 0) {
            ellipse(label, a, axes, angleDeg, 0, 360, labels[part], -1, LINE_8, SHIFT);
        }
    }

    /** An arc line in colour only (mouth, brows). */
    void arc(double x, double y, double rx, double ry, double angleDeg, double from, double to, double thickness,
             Scalar colour) {
        a.x((int) Math.round(x * ONE)).y((int) Math.round(y * ONE));
        axes.width((int) Math.round(rx * ONE)).height((int) Math.round(ry * ONE));
        ellipse(picture, a, axes, angleDeg, from, to, colour, Math.max(1, (int) Math.round(thickness)), LINE_8, SHIFT);
    }

    /** A filled convex polygon given as x0, y0, x1, y1, ... (at most 8 points). */
    void convex(double[] xy, Scalar colour, int part) {
        int n = xy.length / 2;
        for (int i = 0; i < n; i++) {
            poly.position(i).x((int) Math.round(xy[2 * i] * ONE)).y((int) Math.round(xy[2 * i + 1] * ONE));
        }
        poly.position(0);
        fillConvexPoly(picture, poly, n, colour, LINE_8, SHIFT);
        fillConvexPoly(label, poly, n, labels[part], LINE_8, SHIFT);
    }

    @Override
    public void close() {
        for (Scalar s : labels) {
            s.close();
        }
        a.close();
        b.close();
        poly.close();
        axes.close();
    }
}
