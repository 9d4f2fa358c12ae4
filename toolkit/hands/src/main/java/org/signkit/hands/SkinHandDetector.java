package org.signkit.hands;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.signkit.vision.FrameTake;
import org.signkit.vision.Segmenter;

/**
 * Classical face and hand localisation: skin colour (a fixed YCrCb box) within the person mask of a
 * segmenter, connected components, and tracking through the take.
 *
 * <ul>
 *   <li>The face is the take's highest large skin component (the head stays put within a take, so one
 *       box per take: the median over frames), cut to a face's proportions (the neck is skin too). The face
 *       reported is found again from the skin of the face's own colour, without a skin-coloured scene's halo.</li>
 *   <li>Outside the face and neck, each component is a forearm with its hand (sleeves end above the
 *       elbow) or a hand alone. Its two ends along its main axis are the candidates; a hand is the end
 *       nearest to where that hand was in the previous frame (at the first frame, the lower end: takes
 *       start at rest, arms hanging). The box is the component's pixels within a hand's reach of it.</li>
 *   <li>Right and left start from the side of the face they are on (frames are not mirrored: the signer's
 *       right hand is on the image's left) and keep their identity by nearest match; a lost hand keeps
 *       its last box for a few frames at half confidence.</li>
 * </ul>
 * Sizes scale with the face, so the method works at any frame size.
 */
public final class SkinHandDetector implements HandDetector {

    /** Skin in YCrCb (Chai and Ngan's box, Cr up to 180 for faces overexposed under warm light), 8-bit ranges. */
    private static final int CR_LOW = 133;
    private static final int CR_HIGH = 180;
    private static final int CB_LOW = 77;
    private static final int CB_HIGH = 127;
    /** Cr and Cb distance (8-bit) from the face's own colour within which a skin pixel is the face's. */
    private static final int FACE_COLOUR_TOLERANCE = 8;
    /** Face height over width (a head with hair, as the synthetic truth boxes it). */
    public static final double FACE_ASPECT = 1.3;
    /** Hair above the skin of the face, in face widths. */
    private static final double HAIR = 0.09;
    /** The neck: a row narrower than this share of the widest row above it, ... */
    private static final double NECK_NARROWING = 0.7;
    /** ... once the rows above it are this share of that width (a forehead's first rows are narrow too). */
    private static final double NECK_AFTER = 0.6;
    /** How far a hand reaches from its arm's far end, in face heights. */
    public static final double HAND_REACH = 0.5;
    /** Farthest a hand may move between two frames, in face heights. */
    public static final double MAX_JUMP = 1.2;
    /** A shoulder's horizontal distance from the face's centre, in face heights. */
    public static final double SHOULDER_OFFSET = 0.7;
    /** A shoulder's height below the chin, in face heights. */
    public static final double SHOULDER_DROP = 0.35;
    /** Shoulder to elbow, in face heights. */
    public static final double UPPER_ARM = 0.93;
    /** An extreme within this many face heights of the upper arm's length from a shoulder can be its elbow. */
    private static final double ELBOW_FIT = 0.35;
    /** Costs (in face heights of movement) of taking an elbow, the other arm's end, or an unattributed extreme. */
    private static final double ELBOW_COST = 1.5;
    private static final double OTHER_ARM_COST = 1.5;
    private static final double UNKNOWN_ARM_COST = 0.6;
    /** Cost per face height of an extreme's distance from the body's midline. */
    private static final double MIDLINE_WEIGHT = 0.3;
    /** What leaving a hand unassigned costs, against a candidate's distance in face heights. */
    private static final double NONE_COST = 1.0;
    /** Frames a lost hand keeps its last box. */
    public static final int HOLD_FRAMES = 3;

    private final Segmenter person;
    private final boolean rightDominant;

    /**
     * @param person   the person segmenter (e.g. MediaPipe selfie); this detector closes it
     * @param dominant the dominant hand ({@code right} or {@code left})
     */
    public SkinHandDetector(Segmenter person, String dominant) {
        this.person = person;
        this.rightDominant = !"left".equals(dominant);
    }

    @Override
    public HandsMethod method() {
        return HandsMethod.SKIN;
    }

    /** A skin component: its pixel count, box and its extremes (the ends of its main axis, and a bend's apex). */
    record Component(int label, int area, ImageBox box, double[][] ends, double[] centroid, double[] top) {
    }

    @Override
    public List<FrameHands> detect(FrameTake take, List<Mat> images) {
        List<Mat> masks = person.segment(images);
        List<Mat> skins = new ArrayList<>(images.size());
        try {
            for (int i = 0; i < images.size(); i++) {
                skins.add(skin(images.get(i), masks.get(i)));
            }
            ImageBox face = face(skins);
            if (face == null) {
                return images.stream().map(i -> new FrameHands(null, 0, null, null)).toList();
            }
            // The hands are found around the skin face; the face reported (which scales the signer crop) is the
            // one of the face's own colour.
            ImageBox own = faceOfItsOwnColour(images, skins, face);
            List<FrameHands> out = new ArrayList<>(images.size());
            double[][] last = new double[2][];
            ImageBox[] held = new ImageBox[2];
            int[] missing = new int[2];
            for (Mat skin : skins) {
                FrameHands h = hands(skin, face, last, held, missing);
                out.add(new FrameHands(own, h.faceConfidence(), h.dominant(), h.nonDominant()));
            }
            return out;
        } finally {
            masks.forEach(Mat::close);
            skins.forEach(Mat::close);
        }
    }

    /**
     * The take's face again, from the skin pixels of the face's own colour: within {@link #FACE_COLOUR_TOLERANCE}
     * of the median Cr and Cb in the centre of {@code face}. Where the scene behind the head is skin-coloured, the
     * person mask keeps a halo of it round the head, which passes the skin test and widens the face (1.3 times
     * the truth's on a validation take); the halo's colour is the scene's, not the face's. {@code face} when the
     * centre holds no skin.
     */
    static ImageBox faceOfItsOwnColour(List<Mat> images, List<Mat> skins, ImageBox face) {
        int[] crs = new int[256];
        int[] cbs = new int[256];
        int x0 = Math.max(0, (int) (face.centreX() - face.width() * 0.2));
        int y0 = Math.max(0, (int) (face.y0() + face.height() * 0.3));
        for (int i = 0; i < images.size(); i++) {
            Mat image = images.get(i);
            int x1 = Math.min(image.cols(), (int) (face.centreX() + face.width() * 0.2));
            int y1 = Math.min(image.rows(), (int) (face.y0() + face.height() * 0.7));
            if (x1 <= x0 || y1 <= y0) {
                continue;
            }
            // Only the centre's colours are counted: the conversion is of that rectangle alone.
            Rect centre = new Rect(x0, y0, x1 - x0, y1 - y0);
            try (Mat region = new Mat(image, centre); Mat ycrcb = new Mat(); Mat skin = new Mat(skins.get(i), centre)) {
                opencv_imgproc.cvtColor(region, ycrcb, opencv_imgproc.COLOR_BGR2YCrCb);
                UByteIndexer c = ycrcb.createIndexer();
                UByteIndexer k = skin.createIndexer();
                for (int row = 0; row < centre.height(); row++) {
                    for (int col = 0; col < centre.width(); col++) {
                        if (k.get(row, col) != 0) {
                            crs[c.get(row, col, 1)]++;
                            cbs[c.get(row, col, 2)]++;
                        }
                    }
                }
                c.release();
                k.release();
            }
        }
        int count = Arrays.stream(crs).sum();
        if (count == 0) {
            return face;
        }
        int cr = median(crs, count);
        int cb = median(cbs, count);
        List<Mat> own = new ArrayList<>(images.size());
        try (Scalar low = new Scalar(0, cr - FACE_COLOUR_TOLERANCE, cb - FACE_COLOUR_TOLERANCE, 0);
             Scalar high = new Scalar(255, cr + FACE_COLOUR_TOLERANCE, cb + FACE_COLOUR_TOLERANCE, 0);
             Mat lowMat = new Mat(low); Mat highMat = new Mat(high)) {
            for (int i = 0; i < images.size(); i++) {
                Mat m = new Mat();
                own.add(m);
                try (Mat ycrcb = new Mat()) {
                    opencv_imgproc.cvtColor(images.get(i), ycrcb, opencv_imgproc.COLOR_BGR2YCrCb);
                    opencv_core.inRange(ycrcb, lowMat, highMat, m);
                }
                opencv_core.bitwise_and(m, skins.get(i), m);
            }
            ImageBox f = face(own);
            return f == null ? face : f;
        } finally {
            own.forEach(Mat::close);
        }
    }

    /** The value at rank {@code count / 2} (from 0) of a 256-bin histogram holding {@code count} values. */
    private static int median(int[] histogram, int count) {
        int seen = 0;
        for (int v = 0; v < histogram.length; v++) {
            seen += histogram[v];
            if (seen > count / 2) {
                return v;
            }
        }
        throw new IllegalArgumentException("empty histogram");
    }

    /** Skin pixels inside the person, cleaned by a small opening and closing. */
    static Mat skin(Mat bgr, Mat personMask) {
        Mat skin = new Mat();
        try (Mat ycrcb = new Mat(); Mat person = new Mat();
             Mat low = new Mat(new Scalar(0, CR_LOW, CB_LOW, 0)); Mat high = new Mat(new Scalar(255, CR_HIGH, CB_HIGH, 0));
             Mat k3 = opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_ELLIPSE, new Size(3, 3));
             Mat k5 = opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_ELLIPSE, new Size(5, 5))) {
            opencv_imgproc.cvtColor(bgr, ycrcb, opencv_imgproc.COLOR_BGR2YCrCb);
            opencv_core.inRange(ycrcb, low, high, skin);
            opencv_imgproc.threshold(personMask, person, 127, 255, opencv_imgproc.THRESH_BINARY);
            opencv_core.bitwise_and(skin, person, skin);
            opencv_imgproc.morphologyEx(skin, skin, opencv_imgproc.MORPH_OPEN, k3);
            opencv_imgproc.morphologyEx(skin, skin, opencv_imgproc.MORPH_CLOSE, k5);
        }
        return skin;
    }

    /**
     * The take's face from each frame's highest large skin component: its top and the top pixel's column
     * as medians, its width the lower quartile (a hand touching the head widens the component, never
     * narrows it), cut to a head's proportions. The width is the head's, above the neck: under a pink light a
     * grey shirt passes the skin test and joins the face through the neck.
     */
    static ImageBox face(List<Mat> skins) {
        List<double[]> tops = new ArrayList<>();
        for (Mat skin : skins) {
            Component top = null;
            double minArea = skin.rows() * skin.cols() * 0.002;
            try (Mat labels = new Mat()) {
                for (Component c : components(skin, labels)) {
                    if (c.area() >= minArea && (top == null || c.box().y0() < top.box().y0())) {
                        top = c;
                    }
                }
                if (top != null) {
                    tops.add(new double[] {top.top()[0], top.box().y0(), headWidth(labels, top)});
                }
            }
        }
        if (tops.isEmpty()) {
            return null;
        }
        double cx = quantile(tops, 0, 0.5);
        double y0 = quantile(tops, 1, 0.5);
        double w = quantile(tops, 2, 0.25);
        // Skin starts below the hair: the head's box reaches a little higher and wider.
        double top = y0 - HAIR * w;
        double width = w * 1.08;
        return new ImageBox(cx - width / 2, top, cx + width / 2, top + width * FACE_ASPECT);
    }

    /**
     * The widest row of a component from its top down to the neck, the first row (once the rows walked are
     * {@link #NECK_AFTER} of that width) narrower than {@link #NECK_NARROWING} of it; the component's width
     * when no neck comes within a head's height.
     */
    static double headWidth(Mat labels, Component c) {
        IntIndexer l = labels.createIndexer();
        try {
            int x0 = (int) c.box().x0();
            int x1 = (int) c.box().x1();
            double widest = 0;
            for (int y = (int) c.box().y0(); y < (int) c.box().y1(); y++) {
                int first = -1;
                int last = -1;
                for (int x = x0; x < x1; x++) {
                    if (l.get(y, x) == c.label()) {
                        first = first < 0 ? x : first;
                        last = x;
                    }
                }
                double rows = y - c.box().y0();
                double width = first < 0 ? 0 : last - first + 1;
                if (rows >= NECK_AFTER * widest && width < NECK_NARROWING * widest) {
                    return widest;
                }
                if (rows > FACE_ASPECT * Math.max(widest, 1) * 1.5) {
                    break;
                }
                widest = Math.max(widest, width);
            }
            return c.box().width();
        } finally {
            l.release();
        }
    }

    private FrameHands hands(Mat skin, ImageBox face, double[][] last, ImageBox[] held, int[] missing) {
        double fh = face.height();
        // The face and the neck below it are not hands.
        try (Mat body = skin.clone()) {
            // The neck and the shirt's neckline below it.
            ImageBox neck = new ImageBox(face.centreX() - face.width() * 0.4, face.y1(), face.centreX() + face.width() * 0.4,
                    face.y1() + fh * 0.7);
            for (ImageBox b : new ImageBox[] {face, neck}) {
                opencv_imgproc.rectangle(body, new org.bytedeco.opencv.opencv_core.Point((int) b.x0(), (int) b.y0()),
                        new org.bytedeco.opencv.opencv_core.Point((int) Math.ceil(b.x1()), (int) Math.ceil(b.y1())),
                        new Scalar(0.0), -1, opencv_imgproc.LINE_8, 0);
            }
            double minArea = fh * fh * 0.03;
            // Shoulders, from the face: the signer's right one is on the image's left.
            double[][] shoulder = {{face.centreX() - SHOULDER_OFFSET * fh, face.y1() + SHOULDER_DROP * fh},
                {face.centreX() + SHOULDER_OFFSET * fh, face.y1() + SHOULDER_DROP * fh}};
            List<double[]> candidates = new ArrayList<>();
            List<Integer> owner = new ArrayList<>();
            // Per candidate and side: how unlikely it is that this is that side's hand (its arm's geometry).
            List<double[]> sidePrior = new ArrayList<>();
            Mat labels = new Mat();
            for (Component c : components(body, labels)) {
                if (c.area() < minArea) {
                    continue;
                }
                double[][] ends = c.ends();
                // Each side's elbow is the extreme an upper arm's length from that side's shoulder.
                int[] elbow = new int[2];
                double[] fit = new double[2];
                for (int k = 0; k < 2; k++) {
                    fit[k] = Double.MAX_VALUE;
                    for (int e = 0; e < ends.length; e++) {
                        double f = Math.abs(Math.hypot(ends[e][0] - shoulder[k][0], ends[e][1] - shoulder[k][1]) / fh
                                - UPPER_ARM);
                        if (f < fit[k]) {
                            fit[k] = f;
                            elbow[k] = e;
                        }
                    }
                }
                for (int e = 0; e < ends.length; e++) {
                    // Signing happens in front of the body: a hand nearer the midline is likelier.
                    double midline = MIDLINE_WEIGHT * Math.abs(ends[e][0] - face.centreX()) / fh;
                    double[] prior = new double[2];
                    for (int k = 0; k < 2; k++) {
                        boolean armOfK = fit[k] <= ELBOW_FIT && fit[k] <= fit[1 - k] + 0.1;
                        boolean armOfOther = fit[1 - k] <= ELBOW_FIT && fit[1 - k] < fit[k] - 0.1;
                        if (armOfK) {
                            prior[k] = e == elbow[k] ? ELBOW_COST : 0;
                        } else if (armOfOther) {
                            prior[k] = OTHER_ARM_COST;
                        } else {
                            prior[k] = UNKNOWN_ARM_COST;
                        }
                        prior[k] += midline;
                    }
                    candidates.add(ends[e]);
                    owner.add(c.label());
                    sidePrior.add(prior);
                }
            }
            int n = candidates.size();
            double[][] cost = new double[2][n + 1];
            for (int k = 0; k < 2; k++) {
                cost[k][n] = NONE_COST;
                for (int i = 0; i < n; i++) {
                    double[] p = candidates.get(i);
                    double prior = sidePrior.get(i)[k];
                    if (last[k] != null) {
                        double jump = Math.hypot(p[0] - last[k][0], p[1] - last[k][1]) / fh;
                        cost[k][i] = jump > MAX_JUMP ? Double.POSITIVE_INFINITY : jump + prior;
                    } else {
                        cost[k][i] = prior;
                    }
                }
            }
            // The pair of candidates (or none) for the two hands with the lowest total cost, apart from each other.
            int bestI = n;
            int bestJ = n;
            double best = cost[0][n] + cost[1][n];
            for (int i = 0; i <= n; i++) {
                for (int j = 0; j <= n; j++) {
                    if (i < n && j < n && (i == j || Math.hypot(candidates.get(i)[0] - candidates.get(j)[0],
                            candidates.get(i)[1] - candidates.get(j)[1]) < 0.4 * fh)) {
                        continue;
                    }
                    double c = cost[0][i] + cost[1][j];
                    if (c < best) {
                        best = c;
                        bestI = i;
                        bestJ = j;
                    }
                }
            }
            double[][] chosen = {bestI < n ? candidates.get(bestI) : null, bestJ < n ? candidates.get(bestJ) : null};
            int[] chosenOwner = {bestI < n ? owner.get(bestI) : -1, bestJ < n ? owner.get(bestJ) : -1};
            HandObservation[] obs = new HandObservation[2];
            for (int k = 0; k < 2; k++) {
                if (chosen[k] != null) {
                    ImageBox box = reach(labels, chosenOwner[k], chosen[k], fh * HAND_REACH);
                    last[k] = chosen[k];
                    held[k] = box;
                    missing[k] = 0;
                    obs[k] = HandObservation.of(box, 1);
                } else if (held[k] != null && ++missing[k] <= HOLD_FRAMES) {
                    obs[k] = HandObservation.of(held[k], 0.5);
                } else {
                    last[k] = null;
                    held[k] = null;
                    obs[k] = HandObservation.ABSENT;
                }
            }
            labels.close();
            return new FrameHands(face, 1, rightDominant ? obs[0] : obs[1], rightDominant ? obs[1] : obs[0]);
        }
    }

    /** The box of a component's pixels within {@code reach} of {@code end}: the hand, without its forearm. */
    private static ImageBox reach(Mat labels, int label, double[] end, double reach) {
        IntIndexer l = labels.createIndexer();
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y1 = -1;
        int r = (int) Math.ceil(reach);
        int cx = (int) end[0];
        int cy = (int) end[1];
        double r2 = reach * reach;
        for (int y = Math.max(0, cy - r); y < Math.min(labels.rows(), cy + r + 1); y++) {
            for (int x = Math.max(0, cx - r); x < Math.min(labels.cols(), cx + r + 1); x++) {
                if (l.get(y, x) == label && (x + 0.5 - end[0]) * (x + 0.5 - end[0]) + (y + 0.5 - end[1]) * (y + 0.5 - end[1]) <= r2) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x + 1);
                    y1 = Math.max(y1, y + 1);
                }
            }
        }
        l.release();
        if (x1 < 0) {
            return ImageBox.centred(end[0], end[1], reach, reach);
        }
        return new ImageBox(x0, y0, x1, y1);
    }

    /** Connected components of a binary mask with their main-axis ends; labels written to {@code labelsOut}. */
    private static List<Component> components(Mat mask, Mat labelsOut) {
        Mat labels = labelsOut != null ? labelsOut : new Mat();
        List<Component> out = new ArrayList<>();
        try (Mat stats = new Mat(); Mat centroids = new Mat()) {
            int n = opencv_imgproc.connectedComponentsWithStats(mask, labels, stats, centroids, 8, opencv_core.CV_32S);
            if (n <= 1) {
                return out;
            }
            // Second moments per label give each component's main axis; its ends are the extreme pixels along it.
            double[] sx = new double[n];
            double[] sy = new double[n];
            double[] sxx = new double[n];
            double[] syy = new double[n];
            double[] sxy = new double[n];
            int[] count = new int[n];
            double[][] topPt = new double[n][];
            IntIndexer l = labels.createIndexer();
            int rows = labels.rows();
            int cols = labels.cols();
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < cols; x++) {
                    int k = l.get(y, x);
                    if (k > 0) {
                        if (topPt[k] == null) {
                            // Rows are scanned top down: the first pixel of a label is its top.
                            topPt[k] = new double[] {x + 0.5, y + 0.5};
                        }
                        count[k]++;
                        sx[k] += x;
                        sy[k] += y;
                        sxx[k] += (double) x * x;
                        syy[k] += (double) y * y;
                        sxy[k] += (double) x * y;
                    }
                }
            }
            double[][] axis = new double[n][];
            double[] lo = new double[n];
            double[] hi = new double[n];
            double[][] loPt = new double[n][];
            double[][] hiPt = new double[n][];
            for (int k = 1; k < n; k++) {
                double mx = sx[k] / count[k];
                double my = sy[k] / count[k];
                double cxx = sxx[k] / count[k] - mx * mx;
                double cyy = syy[k] / count[k] - my * my;
                double cxy = sxy[k] / count[k] - mx * my;
                double theta = 0.5 * Math.atan2(2 * cxy, cxx - cyy);
                axis[k] = new double[] {Math.cos(theta), Math.sin(theta), mx, my};
                lo[k] = Double.MAX_VALUE;
                hi[k] = -Double.MAX_VALUE;
            }
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < cols; x++) {
                    int k = l.get(y, x);
                    if (k > 0) {
                        double t = (x - axis[k][2]) * axis[k][0] + (y - axis[k][3]) * axis[k][1];
                        if (t < lo[k]) {
                            lo[k] = t;
                            loPt[k] = new double[] {x + 0.5, y + 0.5};
                        }
                        if (t > hi[k]) {
                            hi[k] = t;
                            hiPt[k] = new double[] {x + 0.5, y + 0.5};
                        }
                    }
                }
            }
            // A third extreme for bent shapes (two forearms joined at the hands): farthest from both ends.
            double[] apexScore = new double[n];
            double[][] apex = new double[n][];
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < cols; x++) {
                    int k = l.get(y, x);
                    if (k > 0) {
                        double d = Math.min(Math.hypot(x + 0.5 - loPt[k][0], y + 0.5 - loPt[k][1]),
                                Math.hypot(x + 0.5 - hiPt[k][0], y + 0.5 - hiPt[k][1]));
                        if (d > apexScore[k]) {
                            apexScore[k] = d;
                            apex[k] = new double[] {x + 0.5, y + 0.5};
                        }
                    }
                }
            }
            l.release();
            IntIndexer s = stats.createIndexer();
            for (int k = 1; k < n; k++) {
                int x = s.get(k, opencv_imgproc.CC_STAT_LEFT);
                int y = s.get(k, opencv_imgproc.CC_STAT_TOP);
                int w = s.get(k, opencv_imgproc.CC_STAT_WIDTH);
                int h = s.get(k, opencv_imgproc.CC_STAT_HEIGHT);
                double span = Math.hypot(hiPt[k][0] - loPt[k][0], hiPt[k][1] - loPt[k][1]);
                boolean bent = apex[k] != null && span > 0 && Math.abs((hiPt[k][0] - loPt[k][0]) * (apex[k][1] - loPt[k][1])
                        - (hiPt[k][1] - loPt[k][1]) * (apex[k][0] - loPt[k][0])) / span > 0.3 * span;
                double[][] ends = bent ? new double[][] {loPt[k], hiPt[k], apex[k]}
                        : new double[][] {loPt[k], hiPt[k]};
                out.add(new Component(k, count[k], new ImageBox(x, y, x + w, y + h), ends,
                        new double[] {axis[k][2] + 0.5, axis[k][3] + 0.5}, topPt[k]));
            }
            s.release();
            return out;
        } finally {
            if (labelsOut == null) {
                labels.close();
            }
        }
    }

    private static double quantile(List<double[]> rows, int col, double q) {
        double[] v = rows.stream().mapToDouble(r -> r[col]).sorted().toArray();
        double at = q * (v.length - 1);
        int lo = (int) Math.floor(at);
        int hi = Math.min(v.length - 1, lo + 1);
        return v[lo] + (at - lo) * (v[hi] - v[lo]);
    }

    @Override
    public void close() {
        person.close();
    }
}
