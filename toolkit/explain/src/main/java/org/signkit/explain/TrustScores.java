package org.signkit.explain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bytedeco.opencv.opencv_core.Mat;
import org.signkit.synth.Box;
import org.signkit.train.SignClassifier;

/**
 * How far to trust an explanation.
 *
 * @param stability  mean pairwise Jaccard similarity of the top-k positive superpixels over reruns with
 *                   other sampling seeds (1 = the same set every time); NaN with fewer than 2 runs
 * @param deletion   area under the class probability as the top-ranked superpixels are hidden one group
 *                   at a time (lower = more faithful)
 * @param insertion  area under the class probability as they are revealed on the hidden image (higher =
 *                   more faithful)
 * @param pointing   1 when the top superpixel falls on a ground-truth region (a hand or the face), 0 when
 *                   not, NaN without ground truth
 */
public record TrustScores(double stability, double deletion, double insertion, double pointing) {

    /** Steps of the deletion and insertion curves at most (groups of superpixels in rank order). */
    public static final int CURVE_STEPS = 20;

    /**
     * Scores an explanation of {@code input} (the model's input size): reruns it {@code reruns - 1} more
     * times with seeds {@code seed + 1, ...} on the same superpixels, and draws the deletion and insertion
     * curves for its top class; {@code regions} are the truth's boxes at the input size (may be empty).
     */
    public static TrustScores of(SignClassifier model, Mat input, Explanation e, int reruns, List<Box> regions) {
        Explanation.LabelExplanation top = e.top();
        int k = e.settings().topK();
        List<Set<Integer>> sets = new ArrayList<>();
        sets.add(new HashSet<>(top.topPositive(k)));
        for (int r = 1; r < reruns; r++) {
            Explanation again = new LimeExplainer(e.settings().withSeed(e.settings().seed() + r)).explain(model, input,
                    e.segments());
            sets.add(new HashSet<>(again.labels().stream().filter(l -> l.label() == top.label()).findFirst()
                    .orElse(again.top()).topPositive(k)));
        }
        double stability = jaccard(sets);
        double[] curves = curves(model, input, e);
        double pointing = regions.isEmpty() ? Double.NaN : pointing(e.segments(), top.ranking().get(0), regions) ? 1 : 0;
        return new TrustScores(stability, curves[0], curves[1], pointing);
    }

    /** Mean pairwise Jaccard similarity (two empty sets count as equal). */
    static double jaccard(List<Set<Integer>> sets) {
        if (sets.size() < 2) {
            return Double.NaN;
        }
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < sets.size(); i++) {
            for (int j = i + 1; j < sets.size(); j++) {
                Set<Integer> inter = new HashSet<>(sets.get(i));
                inter.retainAll(sets.get(j));
                Set<Integer> union = new HashSet<>(sets.get(i));
                union.addAll(sets.get(j));
                sum += union.isEmpty() ? 1 : (double) inter.size() / union.size();
                pairs++;
            }
        }
        return sum / pairs;
    }

    /** Deletion and insertion AUC of the top class, over at most {@link #CURVE_STEPS} steps. */
    static double[] curves(SignClassifier model, Mat input, Explanation e) {
        Segments s = e.segments();
        List<Integer> ranking = e.top().ranking();
        int n = s.count();
        int steps = Math.min(n, CURVE_STEPS);
        double[][] deletion = new double[steps + 1][n];
        double[][] insertion = new double[steps + 1][n];
        for (int step = 0; step <= steps; step++) {
            int cut = (int) Math.round((double) step * n / steps);
            for (int r = 0; r < n; r++) {
                boolean topPart = r < cut;
                deletion[step][ranking.get(r)] = topPart ? 0 : 1;
                insertion[step][ranking.get(r)] = topPart ? 1 : 0;
            }
        }
        byte[] pixels = Images.bytes(input);
        byte[] hidden = e.settings().hide().fudged(input, pixels, s);
        int label = e.top().label();
        float[][] pd = LimeExplainer.score(model, pixels, hidden, s, deletion, input.cols(), input.rows(), e.settings().batchSize());
        float[][] pi = LimeExplainer.score(model, pixels, hidden, s, insertion, input.cols(), input.rows(), e.settings().batchSize());
        return new double[] {auc(pd, label), auc(pi, label)};
    }

    private static double auc(float[][] p, int label) {
        double a = 0;
        for (int i = 1; i < p.length; i++) {
            a += (p[i - 1][label] + p[i][label]) / 2.0;
        }
        return a / (p.length - 1);
    }

    /**
     * The pointing game for a superpixel: a hit when at least half of its pixels lie inside the regions,
     * or it holds a region's centre (a superpixel larger than a hand can still point at it).
     */
    static boolean pointing(Segments s, int superpixel, List<Box> regions) {
        int inside = 0;
        int size = 0;
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                if (s.labels()[y * s.width() + x] != superpixel) {
                    continue;
                }
                size++;
                int px = x;
                int py = y;
                if (regions.stream().anyMatch(b -> px >= b.x0() && px < b.x1() && py >= b.y0() && py < b.y1())) {
                    inside++;
                }
            }
        }
        for (Box b : regions) {
            int cx = Math.min(s.width() - 1, Math.max(0, (b.x0() + b.x1()) / 2));
            int cy = Math.min(s.height() - 1, Math.max(0, (b.y0() + b.y1()) / 2));
            if (s.labels()[cy * s.width() + cx] == superpixel) {
                return true;
            }
        }
        return size > 0 && inside * 2 >= size;
    }
}
