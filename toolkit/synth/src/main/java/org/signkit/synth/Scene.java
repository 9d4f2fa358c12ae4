package org.signkit.synth;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.util.SplittableRandom;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Where a take is recorded: the background, the light and where the signer stands. Training and test
 * takes share one plain wall under even light; validation takes use other walls, gradients, textures
 * or clutter, other brightness and colour temperature, a directional light with a cast shadow, and
 * other signer positions and sizes — the study's harder validation set.
 *
 * @param kind        background kind
 * @param wall        main background colour, BGR
 * @param second      second colour (gradient end, texture or clutter tint), BGR
 * @param brightness  overall light gain
 * @param temperature per-channel gain (B, G, R): warm light raises R, cool light B
 * @param sideLight   directional light: gain slope across the frame (-0.5..0.5; 0 = even light)
 * @param shadow      strength of the signer's cast shadow on the background (0 = none)
 * @param placement   where the signer stands
 * @param seed        seed for the texture and clutter
 */
public record Scene(Kind kind, double[] wall, double[] second, double brightness, double[] temperature,
                    double sideLight, double shadow, Placement placement, long seed) {

    /** Background kinds. */
    public enum Kind { WALL, GRADIENT, TEXTURE, CLUTTER }

    /**
     * The signer's place in the frame, relative to the default.
     *
     * @param offsetX horizontal shift, fraction of the frame width
     * @param offsetY vertical shift, fraction of the frame height
     * @param scale   size factor
     */
    public record Placement(double offsetX, double offsetY, double scale) {
        /** The default place. */
        public static final Placement CENTRE = new Placement(0, 0, 1);
    }

    private static final double[] NEUTRAL = {1, 1, 1};

    /** The plain wall every training and test take is recorded against. */
    public static Scene trainingWall() {
        return new Scene(Kind.WALL, new double[] {196, 178, 150}, new double[] {196, 178, 150}, 1.0, NEUTRAL, 0, 0,
                Placement.CENTRE, 0);
    }

    /** A validation scene drawn from {@code seed}: any background, light and placement. */
    public static Scene validation(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Kind kind = Kind.values()[r.nextInt(Kind.values().length)];
        double[] wall = randomColour(r);
        double[] second = randomColour(r);
        double warm = -0.15 + 0.3 * r.nextDouble();
        double[] temperature = {1 - warm, 1, 1 + warm};
        double side = r.nextDouble() < 0.6 ? (r.nextBoolean() ? 1 : -1) * (0.2 + 0.3 * r.nextDouble()) : 0;
        Placement p = new Placement(-0.08 + 0.16 * r.nextDouble(), -0.04 + 0.08 * r.nextDouble(), 0.85 + 0.25 * r.nextDouble());
        return new Scene(kind, wall, second, 0.65 + 0.6 * r.nextDouble(), temperature, side, side == 0 ? 0 : 0.35, p,
                r.nextLong());
    }

    private static double[] randomColour(SplittableRandom r) {
        return new double[] {40 + 200 * r.nextDouble(), 40 + 200 * r.nextDouble(), 40 + 200 * r.nextDouble()};
    }

    /** True when the light is not even and neutral (a light map has to be applied). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean hasLightMap() {
        return brightness != 1 || sideLight != 0 || temperature[0] != 1 || temperature[1] != 1 || temperature[2] != 1;
    }

    /** Draws the empty background (before light) into a new {@code w x h} BGR picture. */
    public Mat renderPlate(int w, int h) {
        Mat plate = new Mat(h, w, CV_8UC3);
        try (Scalar base = new Scalar(wall[0], wall[1], wall[2], 0)) {
            plate.put(base);
        }
        SplittableRandom r = new SplittableRandom(seed);
        switch (kind) {
            case GRADIENT -> gradient(plate);
            case TEXTURE -> texture(plate, r);
            case CLUTTER -> clutter(plate, r);
            default -> { }
        }
        return plate;
    }

    /** The empty scene as the camera sees it (the plate under the scene's light), {@code w x h} BGR. */
    public Mat renderLitPlate(int w, int h) {
        Mat plate = renderPlate(w, h);
        if (hasLightMap()) {
            try (Mat light = lightMap(w, h); Mat f = new Mat()) {
                plate.convertTo(f, CV_32FC3);
                org.bytedeco.opencv.global.opencv_core.multiply(f, light, f);
                f.convertTo(plate, CV_8UC3);
            }
        }
        return plate;
    }

    /** The per-pixel light gain (B, G, R), {@code w x h}, float. */
    public Mat lightMap(int w, int h) {
        Mat light = new Mat(h, w, CV_32FC3);
        try (FloatIndexer ix = light.createIndexer()) {
            for (int x = 0; x < w; x++) {
                double g = brightness * (1 + sideLight * 2 * ((x + 0.5) / w - 0.5));
                for (int y = 0; y < h; y++) {
                    for (int c = 0; c < 3; c++) {
                        ix.put(y, x, c, (float) (g * temperature[c]));
                    }
                }
            }
        }
        return light;
    }

    private void gradient(Mat plate) {
        int h = plate.rows();
        int w = plate.cols();
        try (UByteIndexer ix = plate.createIndexer()) {
            for (int y = 0; y < h; y++) {
                double t = (double) y / (h - 1);
                for (int c = 0; c < 3; c++) {
                    int v = (int) Math.round(wall[c] * (1 - t) + second[c] * t);
                    for (int x = 0; x < w; x++) {
                        ix.put(y, x, c, v);
                    }
                }
            }
        }
    }

    private void texture(Mat plate, SplittableRandom r) {
        int h = plate.rows();
        int w = plate.cols();
        double f1 = 0.02 + 0.05 * r.nextDouble();
        double f2 = 0.02 + 0.05 * r.nextDouble();
        double ph = 2 * Math.PI * r.nextDouble();
        try (UByteIndexer ix = plate.createIndexer()) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double t = 0.5 + 0.25 * Math.sin(x * f1 + ph) + 0.25 * Math.sin(y * f2 + x * f1 * 0.3);
                    double grain = (r.nextDouble() - 0.5) * 0.25;
                    double m = Math.max(0, Math.min(1, t + grain));
                    for (int c = 0; c < 3; c++) {
                        ix.put(y, x, c, (int) Math.round(wall[c] * (1 - m) + second[c] * m));
                    }
                }
            }
        }
        try (Size k = new Size(3, 3)) {
            GaussianBlur(plate, plate, k, 0.8);
        }
    }

    private void clutter(Mat plate, SplittableRandom r) {
        int h = plate.rows();
        int w = plate.cols();
        int items = 8 + r.nextInt(10);
        for (int i = 0; i < items; i++) {
            double[] c = randomColour(r);
            try (Scalar s = new Scalar(c[0], c[1], c[2], 0)) {
                int x = r.nextInt(w);
                int y = r.nextInt(h);
                if (r.nextBoolean()) {
                    try (Point a = new Point(x, y); Point b = new Point(x + 20 + r.nextInt(w / 3), y + 10 + r.nextInt(h / 5))) {
                        rectangle(plate, a, b, s, -1, LINE_8, 0);
                    }
                } else {
                    try (Point a = new Point(x, y)) {
                        circle(plate, a, 8 + r.nextInt(w / 8), s, -1, LINE_8, 0);
                    }
                }
            }
        }
        // A shelf line and a door frame: straight edges a segmenter must not confuse with the signer.
        try (Scalar s = new Scalar(second[0], second[1], second[2], 0);
             Point a = new Point(0, h / 3); Point b = new Point(w, h / 3 + 6);
             Point c = new Point(w - w / 6, 0); Point d = new Point(w - w / 6 + 8, h)) {
            rectangle(plate, a, b, s, -1, LINE_8, 0);
            rectangle(plate, c, d, s, -1, LINE_8, 0);
        }
    }
}
