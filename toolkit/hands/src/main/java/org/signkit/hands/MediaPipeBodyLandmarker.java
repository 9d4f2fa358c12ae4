package org.signkit.hands;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.global.opencv_dnn;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_dnn.Net;
import org.signkit.vision.ModelStore;

/**
 * MediaPipe's pose landmarker (BlazePose lite, 256×256) through OpenCV DNN, for the body of a signing clip. MediaPipe's
 * pose detector needs an op OpenCV's TFLite importer lacks, so the first region of a take comes from the face box
 * (the square the detector would give: centred on the hips, reaching above the head), and each next one from the
 * previous frame's two alignment points, as MediaPipe's own tracking does. When the landmarker loses the person the
 * next frame starts again from the face.
 */
public final class MediaPipeBodyLandmarker implements AutoCloseable {

    /** MediaPipe Pose's 33 landmark names, in output order. */
    public static final List<String> POINTS = List.of("NOSE", "LEFT_EYE_INNER", "LEFT_EYE", "LEFT_EYE_OUTER",
            "RIGHT_EYE_INNER", "RIGHT_EYE", "RIGHT_EYE_OUTER", "LEFT_EAR", "RIGHT_EAR", "MOUTH_LEFT", "MOUTH_RIGHT",
            "LEFT_SHOULDER", "RIGHT_SHOULDER", "LEFT_ELBOW", "RIGHT_ELBOW", "LEFT_WRIST", "RIGHT_WRIST", "LEFT_PINKY",
            "RIGHT_PINKY", "LEFT_INDEX", "RIGHT_INDEX", "LEFT_THUMB", "RIGHT_THUMB", "LEFT_HIP", "RIGHT_HIP", "LEFT_KNEE",
            "RIGHT_KNEE", "LEFT_ANKLE", "RIGHT_ANKLE", "LEFT_HEEL", "RIGHT_HEEL", "LEFT_FOOT_INDEX", "RIGHT_FOOT_INDEX");

    private static final int SIZE = 256;
    /** The model's landmarks: the 33 and the hip-centre / full-body alignment points after them (39 in all). */
    private static final int OUTPUTS = 39;
    private static final int HIP_CENTRE = 33;
    private static final int BODY_TOP = 34;
    /** MediaPipe's region: twice the alignment distance, enlarged 1.25. */
    private static final double ROI_SCALE = 2 * 1.25;
    /** Pose presence below which the person is lost. */
    private static final double PRESENCE = 0.5;
    /**
     * The face-seeded region, in face-box heights from the box's top: the top of the head half a height above it,
     * the hips 4.2 below (chin, neck and a torso of about 2.7 face heights).
     */
    private static final double HEAD_ABOVE = 0.5;
    private static final double HIPS_BELOW = 4.2;

    private final Net net;

    private MediaPipeBodyLandmarker(Net net) {
        this.net = net;
    }

    /** The landmarker installed by {@code signkit models fetch pose}. */
    public static MediaPipeBodyLandmarker open(ModelStore store) {
        return new MediaPipeBodyLandmarker(store.tfliteNet(ModelStore.POSE_LANDMARK));
    }

    /**
     * The bodies of one take's frames: per frame {@link #POINTS} as {@code {x, y, z, visibility}} in image pixels
     * (z in the same scale as x, visibility in [0, 1]), or null where no person was found.
     *
     * @param faces each frame's face box (null where none), which seeds the first region
     */
    public List<double[][]> take(List<Mat> images, List<ImageBox> faces) {
        List<double[][]> out = new ArrayList<>(images.size());
        double[] roi = null;
        for (int i = 0; i < images.size(); i++) {
            if (roi == null && faces.get(i) != null) {
                roi = fromFace(faces.get(i));
            }
            if (roi == null) {
                out.add(null);
                continue;
            }
            double[][] all = landmarks(images.get(i), roi);
            if (all == null) {
                out.add(null);
                roi = null;
                continue;
            }
            out.add(java.util.Arrays.copyOf(all, POINTS.size()));
            roi = fromAlignment(all[HIP_CENTRE], all[BODY_TOP]);
        }
        return out;
    }

    /** Region {@code {cx, cy, side, rotation}} from a face box: upright, hips at the centre. */
    static double[] fromFace(ImageBox face) {
        double h = face.height();
        double top = face.y0() - HEAD_ABOVE * h;
        double hips = face.y0() + HIPS_BELOW * h;
        return new double[] {face.centreX(), hips, ROI_SCALE * (hips - top), 0};
    }

    /** Region from the hip centre and the full-body point, as MediaPipe's alignment-points rectangle. */
    static double[] fromAlignment(double[] hip, double[] top) {
        double rotation = MediaPipeHandDetector.normalise(Math.PI / 2 - Math.atan2(-(top[1] - hip[1]), top[0] - hip[0]));
        return new double[] {hip[0], hip[1], ROI_SCALE * Math.hypot(top[0] - hip[0], top[1] - hip[1]), rotation};
    }

    /** The 39 landmarks in the region, or null when the pose presence is below {@link #PRESENCE}. */
    private double[][] landmarks(Mat image, double[] roi) {
        double[] a = new double[6];
        float[][] outs = MediaPipeHandDetector.cropForward(net, image, roi[0], roi[1], roi[2], roi[3], SIZE, a);
        float[] screen = null;
        double presence = Double.NaN;
        for (float[] o : outs) {
            if (o.length == OUTPUTS * 5) {
                screen = o;
            } else if (o.length == 1) {
                presence = o[0] >= 0 && o[0] <= 1 ? o[0] : MediaPipeHandDetector.sigmoid(o[0]);
            }
        }
        if (screen == null || !(presence >= PRESENCE)) {
            return null;
        }
        double scale = roi[2] / SIZE;
        double[][] points = new double[OUTPUTS][];
        for (int k = 0; k < OUTPUTS; k++) {
            double u = screen[5 * k];
            double v = screen[5 * k + 1];
            points[k] = new double[] {a[0] * u + a[1] * v + a[2], a[3] * u + a[4] * v + a[5], screen[5 * k + 2] * scale,
                MediaPipeHandDetector.sigmoid(screen[5 * k + 3])};
        }
        return points;
    }

    @Override
    public void close() {
        net.close();
    }
}
