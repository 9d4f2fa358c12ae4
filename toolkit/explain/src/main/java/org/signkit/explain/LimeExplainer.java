package org.signkit.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.signkit.train.SignClassifier;

/**
 * LIME for images (Ribeiro et al. 2016, as marcotcr/lime's {@code LimeImageExplainer}), model-agnostic
 * over {@link SignClassifier}: the image (at the model's input size) is cut into superpixels; samples
 * switch superpixels off at random (the first sample keeps all); the model scores every perturbed image
 * in batches; each sample is weighted by {@code sqrt(exp(-d²/w²))} of its cosine distance d to the
 * unperturbed one; and a weighted ridge regression per explained class gives each superpixel's weight.
 */
public final class LimeExplainer {

    private final LimeSettings settings;

    public LimeExplainer(LimeSettings settings) {
        this.settings = settings;
    }

    /** Explains {@code image} (BGR, any size: resized to the model's input) for the top predicted classes. */
    public Explanation explain(SignClassifier model, Mat image) {
        try (Mat input = resized(model, image)) {
            Segments segments = Superpixels.of(settings.segmentation()).segment(input);
            return explain(model, input, segments);
        }
    }

    /** Explains an image already at the model's input size, with given superpixels. */
    public Explanation explain(SignClassifier model, Mat input, Segments segments) {
        int n = segments.count();
        byte[] pixels = Images.bytes(input);
        byte[] hidden = settings.hide().fudged(input, pixels, segments);
        SplittableRandom rng = new SplittableRandom(settings.seed());
        double[][] data = new double[settings.samples()][n];
        for (int i = 0; i < settings.samples(); i++) {
            for (int j = 0; j < n; j++) {
                data[i][j] = i == 0 ? 1 : rng.nextInt(2);
            }
        }
        float[][] probs = score(model, pixels, hidden, segments, data, input.cols(), input.rows());
        double[] weights = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            double d = cosineDistanceToAllOn(data[i]);
            weights[i] = Math.sqrt(Math.exp(-(d * d) / (settings.kernelWidth() * settings.kernelWidth())));
        }
        float[] original = probs[0];
        List<Integer> classes = IntStream.range(0, original.length).boxed()
                .sorted(Comparator.comparingDouble((Integer c) -> -original[c]).thenComparing(c -> c))
                .limit(settings.labels()).toList();
        List<Explanation.LabelExplanation> out = new ArrayList<>();
        for (int c : classes) {
            double[] y = new double[data.length];
            for (int i = 0; i < data.length; i++) {
                y[i] = probs[i][c];
            }
            WeightedRidge r = WeightedRidge.fit(data, y, weights, settings.alpha());
            out.add(new Explanation.LabelExplanation(c, model.classes().get(c), r.intercept(), r.coefficients(),
                    r.score(data, y, weights), r.predict(data[0]), original[c]));
        }
        return new Explanation(segments, settings, original, out);
    }

    /** The model's probabilities for images with the superpixels of each row switched on, in batches. */
    static float[][] score(SignClassifier model, byte[] pixels, byte[] hidden, Segments s, double[][] rows, int w, int h,
                           int batchSize) {
        float[][] out = new float[rows.length][];
        for (int from = 0; from < rows.length; from += batchSize) {
            int to = Math.min(rows.length, from + batchSize);
            List<Mat> batch = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                boolean[] on = new boolean[s.count()];
                for (int j = 0; j < on.length; j++) {
                    on[j] = rows[i][j] > 0.5;
                }
                batch.add(Images.mat(Images.compose(pixels, hidden, s, on), w, h));
            }
            float[][] p = model.predict(batch);
            System.arraycopy(p, 0, out, from, p.length);
            batch.forEach(Mat::close);
        }
        return out;
    }

    private float[][] score(SignClassifier model, byte[] pixels, byte[] hidden, Segments s, double[][] rows, int w, int h) {
        return score(model, pixels, hidden, s, rows, w, h, settings.batchSize());
    }

    /** Cosine distance between a 0/1 row and the all-ones row (1 for the all-off row, as scikit-learn). */
    static double cosineDistanceToAllOn(double[] row) {
        double on = 0;
        for (double v : row) {
            on += v;
        }
        return on == 0 ? 1 : 1 - on / (Math.sqrt(on) * Math.sqrt(row.length));
    }

    /** The image at the model's input size (area interpolation), as a new Mat. */
    static Mat resized(SignClassifier model, Mat image) {
        Mat out = new Mat();
        if (image.cols() == model.inputWidth() && image.rows() == model.inputHeight()) {
            image.copyTo(out);
        } else {
            opencv_imgproc.resize(image, out, new Size(model.inputWidth(), model.inputHeight()), 0, 0,
                    opencv_imgproc.INTER_AREA);
        }
        return out;
    }
}
