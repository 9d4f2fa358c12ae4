package org.signkit.hands;

import java.util.Arrays;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Signing-space preprocessing of a take, decided from its face and hand boxes: which square of the frame
 * to keep ({@link Crop}) and which lead-in and lead-out frames to drop ({@link Trim}).
 */
public final class SigningSpace {

    /** The crop's side, in face heights: from above the head to below the hands at rest. */
    public static final double CROP_SIDE = 4.4;
    /** How far above the face's top the crop starts, in face heights. */
    public static final double CROP_ABOVE = 0.4;
    /** A hand further than this from its rest position (in face heights) has left it. */
    public static final double STILL_DISTANCE = 0.25;
    /** Frames at each end of a take whose hand positions make its rest position. */
    private static final int REST_FRAMES = 3;

    private SigningSpace() {
    }

    /** Which part of each frame a take keeps. */
    public enum Crop {
        /** The whole frame. */
        NONE,
        /** One square per take around the signer's face and shoulders, taken from the face boxes. */
        SIGNER;

        /** The name the command line and specs use. */
        @com.fasterxml.jackson.annotation.JsonValue
        public String id() {
            return EnumIds.id(this);
        }

        /** The crop called {@code id}. */
        @com.fasterxml.jackson.annotation.JsonCreator
        public static Crop parse(String id) {
            return EnumIds.parse(Crop.class, id, "crop");
        }
    }

    /** Which frames a take keeps. */
    public enum Trim {
        /** Every frame. */
        NONE,
        /** Drop the lead-in and lead-out where the hands have not yet left, or have returned to, their rest position. */
        STILL,
        /** Keep the frames inside the take's annotated sign span (the dataset kit's gloss tier, or ELAN). */
        ANNOTATION;

        /** The name the command line and specs use. */
        @com.fasterxml.jackson.annotation.JsonValue
        public String id() {
            return EnumIds.id(this);
        }

        /** The trim called {@code id}. */
        @com.fasterxml.jackson.annotation.JsonCreator
        public static Trim parse(String id) {
            return EnumIds.parse(Trim.class, id, "trim");
        }
    }

    /**
     * A take's annotated sign, for {@link Trim#ANNOTATION}.
     *
     * @param startSeconds the sign's start
     * @param endSeconds   its end (frames before it are kept)
     */
    public record Span(double startSeconds, double endSeconds) {
    }

    /**
     * The frames to keep, {@code [first, last]} inclusive: those whose presentation time lies in {@code span}; null
     * when none does.
     */
    public static int[] annotationTrim(List<Double> seconds, Span span) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < seconds.size(); i++) {
            double t = seconds.get(i);
            if (t >= span.startSeconds() - 1e-6 && t < span.endSeconds() - 1e-6) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        return first < 0 ? null : new int[] {first, last};
    }

    /** The take's face: the per-coordinate median of its frames' faces, or null when none was found. */
    public static ImageBox face(List<FrameHands> take) {
        double[][] v = take.stream().filter(h -> h.face() != null)
                .map(h -> new double[] {h.face().x0(), h.face().y0(), h.face().x1(), h.face().y1()}).toArray(double[][]::new);
        if (v.length == 0) {
            return null;
        }
        double[] m = new double[4];
        for (int c = 0; c < 4; c++) {
            final int col = c;
            double[] s = Arrays.stream(v).mapToDouble(r -> r[col]).sorted().toArray();
            m[c] = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }
        return new ImageBox(m[0], m[1], m[2], m[3]);
    }

    /** The signer crop of a take (a square in frame pixels; may reach outside the frame), or null without a face. */
    public static ImageBox signerCrop(List<FrameHands> take) {
        ImageBox face = face(take);
        if (face == null) {
            return null;
        }
        double side = CROP_SIDE * face.height();
        double top = face.y0() - CROP_ABOVE * face.height();
        return new ImageBox(face.centreX() - side / 2, top, face.centreX() + side / 2, top + side);
    }

    /**
     * The frames to keep, {@code [first, last]} inclusive: from the first frame where a hand has left its
     * rest position at the start, to the last one where a hand has not yet returned to its rest position at
     * the end. All frames when no hand is ever seen moving (or no face gives the scale).
     */
    public static int[] stillTrim(List<FrameHands> take) {
        ImageBox face = face(take);
        int n = take.size();
        if (face == null || n <= 2 * REST_FRAMES) {
            return new int[] {0, n - 1};
        }
        double limit = STILL_DISTANCE * face.height();
        int first = -1;
        int last = -1;
        for (int side = 0; side < 2; side++) {
            double[] startRest = rest(take, side, 0, REST_FRAMES);
            double[] endRest = rest(take, side, n - REST_FRAMES, n);
            for (int i = 0; i < n; i++) {
                ImageBox b = hand(take.get(i), side);
                if (b == null) {
                    continue;
                }
                if (startRest != null && Math.hypot(b.centreX() - startRest[0], b.centreY() - startRest[1]) > limit
                        && (first < 0 || i < first)) {
                    first = i;
                }
                if (endRest != null && Math.hypot(b.centreX() - endRest[0], b.centreY() - endRest[1]) > limit
                        && i > last) {
                    last = i;
                }
            }
        }
        if (first < 0 || last < first) {
            return new int[] {0, n - 1};
        }
        return new int[] {first, last};
    }

    /**
     * The square {@code box} of {@code image} (edge pixels repeated where it reaches outside the image),
     * resized into {@code dst} (its size and type set); a box entirely outside leaves {@code dst} as it is.
     */
    public static void cropSquare(Mat image, ImageBox box, Mat dst) {
        int x0 = (int) Math.floor(box.x0());
        int y0 = (int) Math.floor(box.y0());
        int side = Math.max(2, (int) Math.round(box.width()));
        if (x0 + side <= 0 || y0 + side <= 0 || x0 >= image.cols() || y0 >= image.rows()) {
            return;
        }
        int left = Math.max(0, -x0);
        int top = Math.max(0, -y0);
        int right = Math.max(0, x0 + side - image.cols());
        int bottom = Math.max(0, y0 + side - image.rows());
        try (Mat padded = new Mat()) {
            opencv_core.copyMakeBorder(image, padded, top, bottom, left, right, opencv_core.BORDER_REPLICATE);
            try (Mat roi = new Mat(padded, new Rect(x0 + left, y0 + top, side, side))) {
                opencv_imgproc.resize(roi, dst, new Size(dst.cols(), dst.rows()), 0, 0,
                        side > dst.cols() ? opencv_imgproc.INTER_AREA : opencv_imgproc.INTER_LINEAR);
            }
        }
    }

    private static ImageBox hand(FrameHands h, int side) {
        HandObservation o = side == 0 ? h.dominant() : h.nonDominant();
        return o.present() ? o.box() : null;
    }

    private static double[] rest(List<FrameHands> take, int side, int from, int to) {
        double sx = 0;
        double sy = 0;
        int k = 0;
        for (int i = from; i < to; i++) {
            ImageBox b = hand(take.get(i), side);
            if (b != null) {
                sx += b.centreX();
                sy += b.centreY();
                k++;
            }
        }
        return k == 0 ? null : new double[] {sx / k, sy / k};
    }
}
