package org.signkit.synth;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Draws the articulated signer — head with face features and hair, neck, torso, upper arms and
 * forearms (two-link arms solved for the wrist position), hands with palm and five two-segment
 * fingers — into a picture and its part-label image, and returns the face and hand boxes computed from
 * the geometry (not from the pixels, so tests can check one against the other).
 */
final class FigureRenderer implements AutoCloseable {

    /**
     * Face and hand boxes of one render, and its keypoints flat: the right hand's 21 {@code x, y}, the left hand's,
     * then {@link FrameTruth#BODY_POINTS}.
     */
    record Parts(Box face, Box rightHand, Box leftHand, double[] points) {
        /** Number of keypoints in {@link #points}. */
        static final int POINTS = 21 + 21 + 7;

        Parts union(Parts o) {
            return o == null ? this : new Parts(face.union(o.face), rightHand.union(o.rightHand), leftHand.union(o.leftHand),
                    points);
        }

        /** The keypoints of the mean of {@code sum} (points summed over {@code n} renders). */
        static FrameTruth.Keypoints keypoints(double[] sum, int n) {
            return new FrameTruth.Keypoints(block(sum, 0, 21, n), block(sum, 21, 21, n), block(sum, 42, 7, n));
        }

        private static double[][] block(double[] sum, int from, int count, int n) {
            double[][] out = new double[count][];
            for (int i = 0; i < count; i++) {
                out[i] = new double[] {sum[2 * (from + i)] / n, sum[2 * (from + i) + 1] / n};
            }
            return out;
        }
    }

    private static final double[] FINGER_LENGTH = {0.028, 0.036, 0.040, 0.037, 0.030};
    private static final double[] FINGER_WIDTH = {0.0095, 0.0085, 0.0088, 0.0084, 0.0074};
    private static final double[] KNUCKLE = {0.0, 0.36, 0.12, -0.12, -0.36};
    private static final double[] FAN = {0.0, 12, 3, -7, -16};

    private final Signer signer;
    private final int width;
    private final int height;
    private final double unit;
    private final double neckX;
    private final double neckY;
    private final Canvas canvas;
    private final Scalar skin;
    private final Scalar fingerSkin;
    private final Scalar shirt;
    private final Scalar hair;
    private final Scalar dark = new Scalar(35, 30, 30, 0);
    private final Scalar lips;
    private final double[] buf = new double[64];

    /**
     * @param placement where the scene puts the signer (offset, scale)
     */
    FigureRenderer(Mat picture, Mat label, Signer signer, Scene.Placement placement) {
        this.signer = signer;
        this.width = picture.cols();
        this.height = picture.rows();
        this.unit = height * signer.scale() * placement.scale();
        this.neckX = width * (0.5 + signer.offsetX() + placement.offsetX());
        this.neckY = height * (0.4 + placement.offsetY());
        this.canvas = new Canvas(picture, label);
        this.skin = scalar(signer.skin(), 1);
        this.fingerSkin = scalar(signer.skin(), 0.88);
        this.shirt = scalar(signer.shirt(), 1);
        this.hair = scalar(signer.hair(), 1);
        this.lips = scalar(new double[] {signer.skin()[0] * 0.7, signer.skin()[1] * 0.65, signer.skin()[2] * 0.9}, 1);
    }

    private static Scalar scalar(double[] bgr, double k) {
        return new Scalar(bgr[0] * k, bgr[1] * k, bgr[2] * k, 0);
    }

    /** Draws the figure in {@code pose} (over whatever background the picture holds). */
    Parts draw(SignAnimator.Pose pose) {
        double nx = neckX + pose.torsoDx() * unit;
        double ny = neckY;
        drawTorso(nx, ny);
        double[] points = new double[2 * Parts.POINTS];
        Box face = drawHead(nx + pose.headDx() * unit, ny + pose.headDy() * unit, pose.headTilt(), points);
        double sh = signer.shoulderHalf() * unit;
        double sy = ny + 0.028 * unit;
        Box left = drawArm(nx + sh, sy, pose.left(), false, points);
        Box right = drawArm(nx - sh, sy, pose.right(), true, points);
        return new Parts(face.clip(width, height), right.clip(width, height), left.clip(width, height), points);
    }

    private void drawTorso(double nx, double ny) {
        double sh = signer.shoulderHalf() * unit;
        double[] t = {
            nx - sh * 0.55, ny - 0.004 * unit, nx + sh * 0.55, ny - 0.004 * unit,
            nx + sh + 0.022 * unit, ny + 0.035 * unit, nx + sh * 0.92, ny + 0.6 * unit,
            nx - sh * 0.92, ny + 0.6 * unit, nx - sh - 0.022 * unit, ny + 0.035 * unit};
        canvas.convex(t, shirt, Canvas.BODY);
        canvas.line(nx, ny + 0.01 * unit, nx, ny - 0.06 * unit, 0.045 * unit, skin, Canvas.BODY);
        double[] neckline = {nx - 0.028 * unit, ny - 0.004 * unit, nx + 0.028 * unit, ny - 0.004 * unit, nx, ny + 0.03 * unit};
        canvas.convex(neckline, skin, Canvas.BODY);
    }

    /** Index of body point {@code name} in {@link Parts#points}. */
    private static int body(String name) {
        return 42 + FrameTruth.BODY_POINTS.indexOf(name);
    }

    private static void set(double[] points, int point, double x, double y) {
        points[2 * point] = x;
        points[2 * point + 1] = y;
    }

    private Box drawHead(double nx, double ny, double tilt, double[] points) {
        double hs = signer.headSize() * unit;
        double cx = nx;
        double cy = ny - 0.125 * hs;
        double rx = 0.05 * hs;
        double ry = 0.066 * hs;
        canvas.ellipseFilled(cx, cy - 0.012 * hs, rx * 1.08, ry * 0.98, tilt, hair, Canvas.FACE);
        canvas.ellipseFilled(cx, cy + 0.006 * hs, rx, ry * 0.93, tilt, skin, Canvas.FACE);
        double ex = 0.019 * hs;
        double ey = cy - 0.002 * hs;
        canvas.ellipseFilled(cx - ex, ey, 0.0065 * hs, 0.0045 * hs, tilt, dark, -1);
        canvas.ellipseFilled(cx + ex, ey, 0.0065 * hs, 0.0045 * hs, tilt, dark, -1);
        canvas.arc(cx - ex, ey - 0.01 * hs, 0.01 * hs, 0.004 * hs, tilt, 180, 360, 0.003 * hs, hair);
        canvas.arc(cx + ex, ey - 0.01 * hs, 0.01 * hs, 0.004 * hs, tilt, 180, 360, 0.003 * hs, hair);
        canvas.arc(cx, cy + 0.03 * hs, 0.015 * hs, 0.006 * hs, tilt, 0, 180, 0.004 * hs, lips);
        set(points, body("NOSE"), cx, cy + 0.012 * hs);
        double[] box = {cx - rx * 1.08, cy - 0.012 * hs - ry * 0.98, cx + rx * 1.08, cy + 0.006 * hs + ry * 0.93};
        return Box.around(box, 2, 1 + Math.abs(tilt) * 0.002 * hs);
    }

    /** Draws one arm and its hand; returns the hand's box. */
    private Box drawArm(double sx, double sy, HandState hand, boolean right, double[] points) {
        double wx = neckX + hand.x() * unit;
        double wy = neckY + hand.y() * unit;
        double l1 = signer.upperArm() * unit;
        double l2 = signer.forearm() * unit;
        double dx = wx - sx;
        double dy = wy - sy;
        double d = Math.hypot(dx, dy);
        double reach = (l1 + l2) * 0.999;
        if (d > reach) {
            wx = sx + dx / d * reach;
            wy = sy + dy / d * reach;
            dx = wx - sx;
            dy = wy - sy;
            d = reach;
        }
        d = Math.max(d, Math.abs(l1 - l2) + 1e-6);
        double along = (l1 * l1 - l2 * l2 + d * d) / (2 * d);
        double off = Math.sqrt(Math.max(0, l1 * l1 - along * along));
        double ux = dx / d;
        double uy = dy / d;
        // Of the two elbow solutions, elbows hang outwards and down.
        double ex1 = sx + ux * along - uy * off;
        double ey1 = sy + uy * along + ux * off;
        double ex2 = sx + ux * along + uy * off;
        double ey2 = sy + uy * along - ux * off;
        double outward1 = right ? -(ex1 - sx) : (ex1 - sx);
        double outward2 = right ? -(ex2 - sx) : (ex2 - sx);
        boolean first = ey1 + 0.5 * outward1 > ey2 + 0.5 * outward2;
        double ex = first ? ex1 : ex2;
        double ey = first ? ey1 : ey2;
        canvas.line(sx, sy, ex, ey, 0.038 * unit, shirt, Canvas.BODY);
        canvas.disc(ex, ey, 0.017 * unit, skin, Canvas.BODY);
        canvas.line(ex, ey, wx, wy, 0.03 * unit, skin, Canvas.BODY);
        String side = right ? "RIGHT_" : "LEFT_";
        set(points, body(side + "SHOULDER"), sx, sy);
        set(points, body(side + "ELBOW"), ex, ey);
        set(points, body(side + "WRIST"), wx, wy);
        return drawHand(wx, wy, hand, right, points, right ? 0 : 21);
    }

    /** Draws a hand; its 21 keypoints go to {@code points} from point {@code at}. */
    private Box drawHand(double wx, double wy, HandState h, boolean right, double[] points, int at) {
        int part = right ? Canvas.RIGHT_HAND : Canvas.LEFT_HAND;
        double hs = signer.handSize() * unit;
        double a = Math.toRadians(h.angle());
        double dX = Math.sin(a);
        double dY = -Math.cos(a);
        double nX = Math.cos(a);
        double nY = Math.sin(a);
        double side = right ? 1 : -1;
        double pl = 0.042 * hs;
        double pw = 0.038 * hs * h.facing();
        int n = 0;
        double[] palm = {
            wx - nX * pw * 0.42, wy - nY * pw * 0.42, wx + nX * pw * 0.42, wy + nY * pw * 0.42,
            wx + dX * pl + nX * pw * 0.5, wy + dY * pl + nY * pw * 0.5,
            wx + dX * pl - nX * pw * 0.5, wy + dY * pl - nY * pw * 0.5};
        canvas.convex(palm, skin, part);
        System.arraycopy(palm, 0, buf, 0, 8);
        n = 4;
        for (int f = 0; f < 5; f++) {
            double c = h.curls()[f];
            double len = FINGER_LENGTH[f] * hs;
            double bx;
            double by;
            double dir;
            if (f == 0) {
                bx = wx + dX * pl * 0.3 + nX * side * pw * 0.48;
                by = wy + dY * pl * 0.3 + nY * side * pw * 0.48;
                // A straight thumb points away from the fingers; a curled one crosses the palm.
                dir = a + side * Math.toRadians(35 + 25 * h.spread() - 95 * c);
            } else {
                bx = wx + dX * pl + nX * side * pw * KNUCKLE[f];
                by = wy + dY * pl + nY * side * pw * KNUCKLE[f];
                dir = a + side * Math.toRadians(FAN[f] * h.spread());
            }
            double l1 = len * 0.55 * (1 - 0.45 * c);
            double l2 = len * 0.45 * (1 - 0.85 * c);
            double mx = bx + Math.sin(dir) * l1;
            double my = by - Math.cos(dir) * l1;
            double dir2 = dir - side * Math.toRadians(f == 0 ? 30 * c : 0) ;
            double tx = mx + Math.sin(dir2) * l2;
            double ty = my - Math.cos(dir2) * l2;
            double w = FINGER_WIDTH[f] * hs;
            canvas.line(bx, by, mx, my, w, fingerSkin, part);
            canvas.line(mx, my, tx, ty, w * 0.92, fingerSkin, part);
            int mcp = at + 1 + 4 * f;
            if (f == 0) {
                set(points, mcp, (wx + bx) / 2, (wy + by) / 2);
                set(points, mcp + 1, bx, by);
            } else {
                set(points, mcp, bx, by);
                set(points, mcp + 1, mx, my);
            }
            set(points, mcp + 2, f == 0 ? mx : (mx + tx) / 2, f == 0 ? my : (my + ty) / 2);
            set(points, mcp + 3, tx, ty);
            buf[2 * n] = mx;
            buf[2 * n + 1] = my;
            buf[2 * n + 2] = tx;
            buf[2 * n + 3] = ty;
            n += 2;
        }
        set(points, at, wx, wy);
        // Fingers are drawn as thick lines: pad by half the widest finger, plus a pixel for rounding.
        return Box.around(buf, n, 0.0095 * hs / 2 + 1.5);
    }

    @Override
    public void close() {
        canvas.close();
        for (Scalar s : new Scalar[] {skin, fingerSkin, shirt, hair, dark, lips}) {
            s.close();
        }
    }
}
