package org.signkit.hands;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_dnn;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.StringVector;
import org.bytedeco.opencv.opencv_dnn.Net;
import org.signkit.vision.FrameTake;
import org.signkit.vision.ModelStore;

/**
 * MediaPipe's hand pipeline and BlazeFace, run through OpenCV DNN on every frame: the palm detector
 * (192 px letterbox, 2016 SSD anchors, sigmoid scores, NMS), a rotated 224 px crop per palm by
 * MediaPipe's rule (rotation from wrist to middle-finger knuckle, ×2.6, shifted half a palm towards
 * the fingers), the 21-point hand landmarker (presence and handedness), and BlazeFace short range
 * (128 px) for the face. Decoding follows opencv_zoo's palm and hand-pose demos. Frames are taken as
 * they are (not mirrored), so the landmarker's handedness is the signer's own hand.
 */
public final class MediaPipeHandDetector implements HandDetector {

    /** Palm detections below this sigmoid score are dropped (opencv_zoo's default). */
    public static final double PALM_SCORE = 0.5;
    /** Overlap above which the weaker of two palm or face detections is suppressed. */
    public static final double NMS_IOU = 0.3;
    /** Landmark results whose hand-presence score is below this are dropped. */
    public static final double HAND_PRESENCE = 0.5;
    /** Face detections below this sigmoid score are dropped (MediaPipe's default). */
    public static final double FACE_SCORE = 0.5;

    private static final int PALM_SIZE = 192;
    private static final int LANDMARK_SIZE = 224;
    private static final int FACE_SIZE = 128;
    /** The landmarker sees more than the palm: MediaPipe's palm-to-hand rectangle rule. */
    private static final double ROI_SCALE = 2.6;
    private static final double ROI_SHIFT_Y = -0.5;
    /** Landmarks span the joints; the hand's box also covers the flesh around them. */
    private static final double BOX_MARGIN = 1.25;
    /** A hand's box around a palm detection when the landmarker is unsure. */
    private static final double PALM_TO_HAND = 1.6;

    private final Net palm;
    private final Net landmark;
    private final Net face;
    private final double[][] palmAnchors = SsdAnchors.centres(PALM_SIZE);
    private final double[][] faceAnchors = SsdAnchors.centres(FACE_SIZE);
    private final boolean rightDominant;

    private MediaPipeHandDetector(Net palm, Net landmark, Net face, String dominant) {
        this.palm = palm;
        this.landmark = landmark;
        this.face = face;
        this.rightDominant = !"left".equals(dominant);
    }

    /** The detector over the models installed by {@code signkit models fetch hands}. */
    public static MediaPipeHandDetector open(ModelStore store, String dominant) {
        return new MediaPipeHandDetector(
                store.tfliteNet(ModelStore.PALM_DETECTION),
                store.tfliteNet(ModelStore.HAND_LANDMARK),
                store.tfliteNet(ModelStore.FACE_DETECTION), dominant);
    }

    @Override
    public HandsMethod method() {
        return HandsMethod.MEDIAPIPE;
    }

    @Override
    public List<FrameHands> detect(FrameTake take, List<Mat> images) {
        List<FrameHands> out = new ArrayList<>(images.size());
        Track track = new Track();
        for (Mat image : images) {
            out.add(detect(image, track));
        }
        return out;
    }

    /**
     * What a take carries from one frame to the next, as MediaPipe's own tracking does: each side's
     * last palm, re-landmarked where the detector misses the hand in the next frame, and for how many
     * frames a lost hand's box is still held.
     */
    static final class Track {
        private final Palm[] palms = new Palm[2];
        private final HandObservation[] held = {HandObservation.ABSENT, HandObservation.ABSENT};
        private final int[] missing = new int[2];
    }

    /** Frames a lost hand keeps its last box (at half its confidence) before it is absent. */
    public static final int HOLD_FRAMES = 2;

    /** A detected palm: score, box and its 7 keypoints, in image pixels. */
    record Palm(double score, ImageBox box, double[][] keypoints) {
    }

    /**
     * A hand: 21 landmarks in image pixels (null when the landmarker was not confident, e.g. under
     * motion blur, and the palm detector's box stands in), confidence and P(signer's right hand).
     */
    record Hand(double[][] points, Palm palm, double presence, double right) {
        ImageBox box() {
            if (points == null) {
                // The palm box covers the palm; the hand reaches as far again towards the fingers.
                return palm.box().squareAround(PALM_TO_HAND);
            }
            double x0 = Double.MAX_VALUE;
            double y0 = Double.MAX_VALUE;
            double x1 = -Double.MAX_VALUE;
            double y1 = -Double.MAX_VALUE;
            for (double[] p : points) {
                x0 = Math.min(x0, p[0]);
                y0 = Math.min(y0, p[1]);
                x1 = Math.max(x1, p[0]);
                y1 = Math.max(y1, p[1]);
            }
            double w = (x1 - x0) * BOX_MARGIN;
            double h = (y1 - y0) * BOX_MARGIN;
            return ImageBox.centred((x0 + x1) / 2, (y0 + y1) / 2, w, h);
        }
    }

    /** Face and hands of one BGR frame on its own. */
    public FrameHands detect(Mat image) {
        return detect(image, new Track());
    }

    private FrameHands detect(Mat image, Track track) {
        Palm faceDet = bestFace(image);
        List<Hand> hands = new ArrayList<>();
        for (Palm p : palms(image)) {
            hands.add(hand(image, p));
        }
        // The most confident hand takes its side; the other side goes to the next distinct hand.
        hands.sort(Comparator.comparingDouble((Hand h) -> -Math.abs(h.right() - 0.5)));
        Hand[] side = new Hand[2];
        for (Hand h : hands) {
            int preferred = h.right() >= 0.5 ? 0 : 1;
            if (side[preferred] == null) {
                side[preferred] = h;
            } else if (side[1 - preferred] == null && side[preferred].palm().box().iou(h.palm().box()) < NMS_IOU) {
                side[1 - preferred] = h;
            }
        }
        HandObservation[] found = new HandObservation[2];
        for (int k = 0; k < 2; k++) {
            if (side[k] == null && track.palms[k] != null) {
                // Missed this frame: look where the hand was, with the landmarker alone.
                Hand again = landmarks(image, track.palms[k]);
                boolean other = side[1 - k] != null && side[1 - k].box().iou(again.box()) > NMS_IOU;
                side[k] = again.presence() >= HAND_PRESENCE && !other ? again : null;
            }
            if (side[k] != null) {
                track.palms[k] = side[k].palm();
                track.missing[k] = 0;
                found[k] = observation(side[k]);
                track.held[k] = found[k];
            } else if (++track.missing[k] <= HOLD_FRAMES && track.held[k].present()) {
                found[k] = HandObservation.of(track.held[k].box(), track.held[k].confidence() / 2);
            } else {
                track.palms[k] = null;
                found[k] = HandObservation.ABSENT;
            }
        }
        return new FrameHands(faceDet == null ? null : faceDet.box(), faceDet == null ? 0 : faceDet.score(),
                rightDominant ? found[0] : found[1], rightDominant ? found[1] : found[0],
                faceDet == null ? null : faceDet.keypoints());
    }

    /** The landmarker on a palm; a blurred hand with unsure landmarks keeps the palm's box. */
    private Hand hand(Mat image, Palm p) {
        Hand h = landmarks(image, p);
        return h.presence() >= HAND_PRESENCE ? h
                : new Hand(null, p, p.score() * Math.max(h.presence(), 0.5), h.right());
    }

    private static HandObservation observation(Hand h) {
        return h == null ? HandObservation.ABSENT : new HandObservation(h.box(), h.presence(), h.points());
    }

    /** Palms found in the frame, strongest first, after NMS. */
    List<Palm> palms(Mat image) {
        return suppress(detections(palm, image, PALM_SIZE, false, palmAnchors, PALM_SCORE, 7));
    }

    /** The most confident face, or null. */
    private Palm bestFace(Mat image) {
        return detections(face, image, FACE_SIZE, true, faceAnchors, FACE_SCORE, FrameHands.FACE_KEYPOINTS.size()).stream()
                .max(Comparator.comparingDouble(Palm::score)).orElse(null);
    }

    /**
     * An SSD detector's detections above {@code minScore}: box offsets and {@code keypoints} points
     * relative to each anchor, in input pixels, mapped back through the letterbox (opencv_zoo's decoding).
     */
    private static List<Palm> detections(Net net, Mat image, int size, boolean symmetricRange, double[][] anchors,
                                         double minScore, int keypoints) {
        Letterbox lb = Letterbox.of(image, size, symmetricRange);
        float[][] outs = forward(net, lb.blob());
        lb.blob().close();
        float[] regressors = outs[0].length > outs[1].length ? outs[0] : outs[1];
        float[] scores = outs[0].length > outs[1].length ? outs[1] : outs[0];
        int stride = regressors.length / anchors.length;
        List<Palm> found = new ArrayList<>();
        for (int i = 0; i < anchors.length; i++) {
            double score = sigmoid(scores[i]);
            if (score < minScore) {
                continue;
            }
            int o = i * stride;
            double cx = regressors[o] / size + anchors[i][0];
            double cy = regressors[o + 1] / size + anchors[i][1];
            double w = regressors[o + 2] / size;
            double h = regressors[o + 3] / size;
            double[][] kp = new double[keypoints][];
            for (int k = 0; k < keypoints; k++) {
                kp[k] = lb.toImage(regressors[o + 4 + 2 * k] / size + anchors[i][0],
                        regressors[o + 5 + 2 * k] / size + anchors[i][1]);
            }
            double[] c0 = lb.toImage(cx - w / 2, cy - h / 2);
            double[] c1 = lb.toImage(cx + w / 2, cy + h / 2);
            found.add(new Palm(score, new ImageBox(c0[0], c0[1], c1[0], c1[1]), kp));
        }
        return found;
    }

    /** Runs the landmarker on the rotated crop MediaPipe derives from a palm. */
    Hand landmarks(Mat image, Palm p) {
        double[] wrist = p.keypoints()[0];
        double[] knuckle = p.keypoints()[2];
        double rotation = normalise(Math.PI / 2 - Math.atan2(-(knuckle[1] - wrist[1]), knuckle[0] - wrist[0]));
        double w = p.box().width();
        double h = p.box().height();
        double cx = p.box().centreX() - h * ROI_SHIFT_Y * Math.sin(rotation);
        double cy = p.box().centreY() + h * ROI_SHIFT_Y * Math.cos(rotation);
        double side = Math.max(w, h) * ROI_SCALE;
        double s = side / LANDMARK_SIZE;
        double[] a = new double[6];
        float[][] outs = cropForward(landmark, image, cx, cy, side, rotation, LANDMARK_SIZE, a);
        float[] screen = outs[0];
        double[][] points = new double[21][];
        for (int k = 0; k < 21; k++) {
            double u = screen[3 * k];
            double v = screen[3 * k + 1];
            points[k] = new double[] {a[0] * u + a[1] * v + a[2], a[3] * u + a[4] * v + a[5], screen[3 * k + 2] * s};
        }
        return new Hand(points, p, probability(outs[1][0]), probability(outs[2][0]));
    }

    /**
     * A landmark model on the square of {@code side} pixels centred at {@code (cx, cy)} and turned by {@code rotation}
     * (MediaPipe's rotated region of interest), resized to {@code size}, RGB in [0, 1]; {@code affine} receives the map
     * from crop pixels {@code (u, v)} to image points: {@code (a0 u + a1 v + a2, a3 u + a4 v + a5)}.
     */
    static float[][] cropForward(Net net, Mat image, double cx, double cy, double side, double rotation, int size,
                                 double[] affine) {
        // Crop pixel (u, v) -> image point: centre + R(rotation) * ((u, v) / size - 0.5) * side.
        double s = side / size;
        double cos = Math.cos(rotation) * s;
        double sin = Math.sin(rotation) * s;
        double half = size / 2.0;
        double[] a = {cos, -sin, cx - half * (cos - sin), sin, cos, cy - half * (sin + cos)};
        System.arraycopy(a, 0, affine, 0, 6);
        try (Mat m = affine(a); Mat crop = new Mat()) {
            opencv_imgproc.warpAffine(image, crop, m, new Size(size, size),
                    opencv_imgproc.INTER_LINEAR | opencv_imgproc.WARP_INVERSE_MAP, opencv_core.BORDER_CONSTANT, new Scalar(0.0));
            try (Mat blob = opencv_dnn.blobFromImage(crop, 1 / 255.0, new Size(size, size), new Scalar(0.0), true, false,
                    opencv_core.CV_32F)) {
                return forward(net, blob);
            }
        }
    }

    /** Outputs in the network's output-name order, each flattened. */
    private static float[][] forward(Net net, Mat blob) {
        synchronized (net) {
            net.setInput(blob);
            StringVector names = net.getUnconnectedOutLayersNames();
            try (MatVector outs = new MatVector()) {
                net.forward(outs, names);
                float[][] result = new float[(int) outs.size()][];
                List<String> order = new ArrayList<>();
                for (long i = 0; i < names.size(); i++) {
                    order.add(names.get(i).getString());
                }
                List<String> sorted = new ArrayList<>(order);
                sorted.sort(Comparator.naturalOrder());
                for (int i = 0; i < result.length; i++) {
                    Mat o = outs.get(order.indexOf(sorted.get(i)));
                    result[i] = flatten(o);
                }
                return result;
            }
        }
    }

    private static float[] flatten(Mat m) {
        int n = (int) m.total();
        float[] v = new float[n];
        try (Mat flat = m.reshape(1, 1)) {
            FloatIndexer idx = flat.createIndexer();
            for (int i = 0; i < n; i++) {
                v[i] = idx.get(0, i);
            }
            idx.release();
        }
        return v;
    }

    private static Mat affine(double[] a) {
        Mat m = new Mat(2, 3, opencv_core.CV_64F);
        org.bytedeco.javacpp.indexer.DoubleIndexer idx = m.createIndexer();
        for (int i = 0; i < 6; i++) {
            idx.put(i / 3, i % 3, a[i]);
        }
        idx.release();
        return m;
    }

    private static List<Palm> suppress(List<Palm> found) {
        found.sort(Comparator.comparingDouble((Palm p) -> -p.score()));
        List<Palm> kept = new ArrayList<>();
        for (Palm p : found) {
            if (kept.stream().noneMatch(k -> k.box().iou(p.box()) > NMS_IOU)) {
                kept.add(p);
            }
        }
        return kept;
    }

    /** Scores already in [0, 1] stay; logits go through the sigmoid. */
    private static double probability(double v) {
        return v >= 0 && v <= 1 ? v : sigmoid(v);
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static double normalise(double angle) {
        return angle - 2 * Math.PI * Math.floor((angle + Math.PI) / (2 * Math.PI));
    }

    /**
     * An image padded to a centred square and resized to the network's input, as a blob; maps the
     * network's normalised coordinates back to the image's pixels.
     */
    record Letterbox(Mat blob, double side, double padX, double padY) {
        static Letterbox of(Mat image, int size, boolean symmetricRange) {
            int side = Math.max(image.cols(), image.rows());
            int padX = (side - image.cols()) / 2;
            int padY = (side - image.rows()) / 2;
            try (Mat square = new Mat(); Mat small = new Mat()) {
                opencv_core.copyMakeBorder(image, square, padY, side - image.rows() - padY, padX,
                        side - image.cols() - padX, opencv_core.BORDER_CONSTANT, new Scalar(0.0));
                opencv_imgproc.resize(square, small, new Size(size, size), 0, 0, opencv_imgproc.INTER_AREA);
                Mat blob = symmetricRange
                        ? opencv_dnn.blobFromImage(small, 1 / 127.5, new Size(size, size), new Scalar(127.5, 127.5, 127.5, 0),
                        true, false, opencv_core.CV_32F)
                        : opencv_dnn.blobFromImage(small, 1 / 255.0, new Size(size, size), new Scalar(0.0), true, false,
                        opencv_core.CV_32F);
                return new Letterbox(blob, side, padX, padY);
            }
        }

        double[] toImage(double nx, double ny) {
            return new double[] {nx * side - padX, ny * side - padY};
        }
    }

    @Override
    public void close() {
        palm.close();
        landmark.close();
        face.close();
    }
}
