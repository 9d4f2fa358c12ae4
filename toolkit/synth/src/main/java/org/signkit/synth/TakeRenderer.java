package org.signkit.synth;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.accumulate;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.RNG;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Films one take like a phone camera: the figure is rendered at a high internal rate and the renders
 * within each frame's exposure are averaged, so motion blur is real (a 30 FPS frame integrates twice
 * as long as a 60 FPS one); then the scene's light and cast shadow, a slight lens blur and seeded
 * sensor noise are applied. Each frame comes with its ground truth.
 */
public final class TakeRenderer implements AutoCloseable {

    /** Camera settings shared by all takes of a dataset. */
    public record Camera(int width, int height, int internalRate, double shutter, double noise) {
        /** Renders integrated per frame at {@code fps}. */
        public int subframes(int fps) {
            return Math.max(1, (int) Math.round(internalRate * shutter / fps));
        }
    }

    /** Receives each filmed frame (valid only during the call) with its truth. */
    @FunctionalInterface
    public interface FrameSink {
        void accept(Mat bgr, FrameTruth truth) throws Exception;
    }

    private final Camera camera;
    private final Scene scene;
    private final int fps;
    private final int subframes;
    private final Mat plate;
    private final Mat light;
    private final Mat picture;
    private final Mat label;
    private final Mat personNow;
    private final Mat acc;
    private final Mat count;
    private final Mat coverage;
    private final Mat sharp;
    private final Mat out;
    private final Mat maskColumns = new Mat();
    private final Size lens = new Size(3, 3);
    private final Mat mask;
    private final FigureRenderer figure;
    private static final int NOISE_FIELDS = 8;
    private static final int SHADOW_SCALE = 4;
    private static final Mat SCALAR_ONE = new Mat(1, 1, org.bytedeco.opencv.global.opencv_core.CV_64F, new Scalar(1));
    private Mat shadowSmall;
    private Mat shadowShifted;
    private Mat shadowGain;
    private Mat shadowGain3;
    private Mat shadowShift;
    private static final int NOISE_BIAS = 128;
    private Mat[] noiseFields;
    private long noiseSeed;
    private final Mat noiseMean;
    private final Mat noiseSigma;

    public TakeRenderer(Camera camera, Scene scene, Signer signer, int fps) {
        this.camera = camera;
        this.scene = scene;
        this.fps = fps;
        this.subframes = camera.subframes(fps);
        int w = camera.width();
        int h = camera.height();
        this.plate = scene.renderPlate(w, h);
        this.light = scene.hasLightMap() ? scene.lightMap(w, h) : null;
        this.picture = new Mat(h, w, CV_8UC3);
        this.label = new Mat(h, w, CV_8UC1);
        this.personNow = new Mat(h, w, CV_8UC1);
        this.acc = new Mat(h, w, CV_32FC3);
        this.count = new Mat(h, w, CV_8UC1);
        this.coverage = new Mat(h, w, CV_32FC1);
        this.sharp = new Mat(h, w, CV_8UC3);
        this.out = new Mat(h, w, CV_8UC3);
        this.mask = new Mat(h, w, CV_8UC1);
        this.figure = new FigureRenderer(picture, label, signer, scene.placement());
        this.noiseMean = new Mat(1, 1, org.bytedeco.opencv.global.opencv_core.CV_64F, new Scalar(NOISE_BIAS));
        this.noiseSigma = new Mat(1, 1, org.bytedeco.opencv.global.opencv_core.CV_64F, new Scalar(camera.noise()));
    }

    /** Renders integrated per frame. */
    public int subframes() {
        return subframes;
    }

    /** Exposure time per frame, seconds. */
    public double exposure() {
        return (double) subframes / camera.internalRate();
    }

    /**
     * The first {@code frames} frames (BGR, {@code w x h}) of one take of {@code sign} by {@code signer} at
     * {@code fps} in {@code scene}, with the generator's camera: for tests, benchmarks and notebooks that
     * need real synthetic frames without writing videos. The caller closes them.
     */
    public static java.util.List<Mat> frames(Scene scene, Signer signer, Sign sign, TakeStyle style, int fps, int frames,
                                             int w, int h, long seed) throws Exception {
        java.util.List<Mat> out = new java.util.ArrayList<>();
        SynthOptions o = new SynthOptions(1, 1, 1, java.util.List.of(fps), false, w, h, seed, 1);
        try (TakeRenderer r = new TakeRenderer(o.camera(), scene, signer, fps)) {
            r.film(new SignAnimator(sign, style), frames, seed, (bgr, truth) -> out.add(bgr.clone()));
        }
        return out;
    }

    /** Films {@code frames} frames of the animation, frame {@code k} exposed from {@code k / fps}. */
    public void film(SignAnimator animation, int frames, long seed, FrameSink sink) throws Exception {
        java.util.SplittableRandom picker = new java.util.SplittableRandom(seed);
        Mat[] bank = camera.noise() > 0 ? noiseBank(seed) : null;
        for (int k = 0; k < frames; k++) {
            double t0 = (double) k / fps;
            zero(acc);
            zero(count);
            FigureRenderer.Parts parts = null;
            double[] points = new double[2 * FigureRenderer.Parts.POINTS];
            for (int j = 0; j < subframes; j++) {
                plate.copyTo(picture);
                zero(label);
                FigureRenderer.Parts p = figure.draw(animation.at(t0 + (j + 0.5) / camera.internalRate()));
                parts = p.union(parts);
                for (int i = 0; i < points.length; i++) {
                    points[i] += p.points()[i];
                }
                accumulate(picture, acc);
                threshold(label, personNow, 0, 1, THRESH_BINARY);
                add(count, personNow, count);
            }
            // The person mask: pixels the signer covered for at least half the exposure.
            threshold(count, mask, (subframes - 1) / 2.0, 1, THRESH_BINARY);
            if (scene.shadow() > 0) {
                castShadow();
            }
            if (light != null) {
                multiply(acc, light, acc, 1.0 / subframes, -1);
                acc.convertTo(sharp, CV_8U);
            } else {
                acc.convertTo(sharp, CV_8U, 1.0 / subframes, 0);
            }
            // Separate source and destination: in place, OpenCV would allocate a frame-sized copy each time.
            GaussianBlur(sharp, out, lens, 0.6);
            if (bank != null) {
                addWeighted(out, 1, bank[picker.nextInt(NOISE_FIELDS)], 1, -NOISE_BIAS, out);
            }
            sink.accept(out, new FrameTruth(k, t0, MaskRle.encode(mask, maskColumns), parts.face(), parts.rightHand(),
                    parts.leftHand(), FigureRenderer.Parts.keypoints(points, subframes)));
        }
    }

    /**
     * Gaussian sensor-noise fields for a take, stored biased by {@link #NOISE_BIAS} in 8 bits so adding
     * them is one saturating pass. Drawing a fresh field per frame costs more than the rest of the frame;
     * a small seeded bank, picked at random per frame, looks the same to a model.
     */
    private Mat[] noiseBank(long seed) {
        if (noiseFields == null || noiseSeed != seed) {
            if (noiseFields == null) {
                noiseFields = new Mat[NOISE_FIELDS];
                for (int i = 0; i < NOISE_FIELDS; i++) {
                    noiseFields[i] = new Mat(camera.height(), camera.width(), CV_8UC3);
                }
            }
            for (int i = 0; i < NOISE_FIELDS; i++) {
                try (RNG rng = new RNG(seed * 31 + i)) {
                    rng._fill(noiseFields[i], RNG.NORMAL, noiseMean, noiseSigma);
                }
            }
            noiseSeed = seed;
        }
        return noiseFields;
    }

    /**
     * Darkens the background where the signer, shifted away from the light, blocks it. A shadow is soft,
     * so it is computed at a quarter of the resolution and scaled up.
     */
    private void castShadow() {
        if (shadowSmall == null) {
            shadowSmall = new Mat();
            shadowShifted = new Mat();
            shadowGain = new Mat();
            shadowGain3 = new Mat();
            shadowShift = new Mat(2, 3, CV_32F);
            int dx = (int) Math.round(-scene.sideLight() * 0.12 * camera.width() / SHADOW_SCALE);
            int dy = (int) Math.round(0.02 * camera.height() / SHADOW_SCALE);
            float[] m = {1, 0, dx, 0, 1, dy};
            for (int i = 0; i < 6; i++) {
                shadowShift.ptr(i / 3, i % 3).putFloat(m[i]);
            }
        }
        try (Size small = new Size(camera.width() / SHADOW_SCALE, camera.height() / SHADOW_SCALE);
             Size blur = new Size(7, 7)) {
            count.convertTo(coverage, CV_32F, 1.0 / subframes, 0);
            resize(coverage, shadowSmall, small, 0, 0, INTER_AREA);
            warpAffine(shadowSmall, shadowShifted, shadowShift, small);
            GaussianBlur(shadowShifted, shadowShifted, blur, 1.5);
            resize(shadowShifted, shadowGain, coverage.size(), 0, 0, INTER_LINEAR);
        }
        // gain = 1 - shadow * shifted * (1 - coverage): the signer itself is not in its own shadow.
        subtract(coverage, SCALAR_ONE, coverage);
        multiply(shadowGain, coverage, shadowGain, scene.shadow(), -1);
        add(shadowGain, SCALAR_ONE, shadowGain);
        cvtColor(shadowGain, shadowGain3, COLOR_GRAY2BGR);
        multiply(acc, shadowGain3, acc);
    }

    private static void zero(Mat m) {
        m.put(new Scalar(0));
    }

    @Override
    public void close() {
        figure.close();
        for (Mat m : new Mat[] {plate, picture, label, personNow, acc, coverage, count, sharp, out, mask, maskColumns, noiseMean, noiseSigma}) {
            m.close();
        }
        lens.close();
        for (Mat m : new Mat[] {shadowSmall, shadowShifted, shadowGain, shadowGain3, shadowShift}) {
            if (m != null) {
                m.close();
            }
        }
        if (noiseFields != null) {
            for (Mat m : noiseFields) {
                m.close();
            }
        }
        if (light != null) {
            light.close();
        }
    }
}
