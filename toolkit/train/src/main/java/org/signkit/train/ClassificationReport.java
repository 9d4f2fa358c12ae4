package org.signkit.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How well a classifier did on one frame set.
 *
 * @param frames     number of frames scored
 * @param accuracy   top-1 accuracy
 * @param topK       k of {@link #topKAccuracy}
 * @param topKAccuracy share of frames whose true class is among the k most probable
 * @param meanLoss   mean cross-entropy (natural log) of the true class
 * @param macroF1    unweighted mean of the per-class F1
 * @param takes      number of takes (videos) the frames come from
 * @param takeAccuracy share of takes whose mean predicted probability over their frames peaks at the true
 *                   class: a video-level vote that rest poses at a take's start and end do not confuse
 * @param perClass   precision, recall, F1 and support per class
 * @param classes    class names, indexing the confusion matrix
 * @param confusion  counts, row = true class, column = predicted class
 * @param perTake    each take's frames, correct frames and vote: what a bootstrap over takes resamples
 */
public record ClassificationReport(int frames, double accuracy, int topK, double topKAccuracy, double meanLoss,
                                   double macroF1, int takes, double takeAccuracy, List<ClassMetrics> perClass, List<String> classes,
                                   List<List<Integer>> confusion, List<TakeScore> perTake) {

    /**
     * One take's score.
     *
     * @param take    take id
     * @param frames  its frames scored
     * @param correct of them, classified correctly
     * @param voted   whether its mean predicted probability peaks at the true class
     */
    public record TakeScore(String take, int frames, int correct, boolean voted) {
    }

    /** Number of classes predicted for at least one frame: 1 means the model answers one class throughout. */
    public int predictedClasses() {
        int n = 0;
        for (int col = 0; col < classes.size(); col++) {
            int sum = 0;
            for (List<Integer> row : confusion) {
                sum += row.get(col);
            }
            n += sum > 0 ? 1 : 0;
        }
        return n;
    }

    /**
     * One class's scores; precision or recall of a class never predicted / never present is 0.
     *
     * @param name      class name
     * @param precision correct predictions of it / predictions of it
     * @param recall    correct predictions of it / frames of it
     * @param f1        harmonic mean of precision and recall
     * @param support   frames of it
     */
    public record ClassMetrics(String name, double precision, double recall, double f1, int support) {
    }

    /**
     * Scores predicted probabilities against the truth.
     *
     * @param probabilities one row per frame, one column per class
     * @param takeOf        the take (video) of each frame
     */
    public static ClassificationReport of(List<String> classes, int[] truth, float[][] probabilities, int topK,
                                          List<String> takeOf) {
        int c = classes.size();
        int[][] confusion = new int[c][c];
        int inTopK = 0;
        double loss = 0;
        boolean[] right = new boolean[truth.length];
        for (int i = 0; i < truth.length; i++) {
            float[] p = probabilities[i];
            int best = 0;
            int higher = 0;
            for (int j = 0; j < c; j++) {
                if (p[j] > p[best]) {
                    best = j;
                }
                if (p[j] > p[truth[i]]) {
                    higher++;
                }
            }
            confusion[truth[i]][best]++;
            right[i] = best == truth[i];
            if (higher < topK) {
                inTopK++;
            }
            loss -= Math.log(Math.max(p[truth[i]], 1e-12));
        }
        List<ClassMetrics> per = new ArrayList<>();
        int correct = 0;
        double f1Sum = 0;
        for (int k = 0; k < c; k++) {
            int tp = confusion[k][k];
            int predicted = 0;
            int actual = 0;
            for (int j = 0; j < c; j++) {
                predicted += confusion[j][k];
                actual += confusion[k][j];
            }
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = actual == 0 ? 0 : (double) tp / actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            per.add(new ClassMetrics(classes.get(k), precision, recall, f1, actual));
            correct += tp;
            f1Sum += f1;
        }
        List<List<Integer>> rows = new ArrayList<>();
        for (int[] row : confusion) {
            rows.add(java.util.Arrays.stream(row).boxed().toList());
        }
        int n = truth.length;
        Map<String, double[]> takeSums = new TreeMap<>();
        Map<String, Integer> takeTruth = new TreeMap<>();
        Map<String, int[]> takeCounts = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            double[] sum = takeSums.computeIfAbsent(takeOf.get(i), k -> new double[c]);
            for (int j = 0; j < c; j++) {
                sum[j] += probabilities[i][j];
            }
            takeTruth.put(takeOf.get(i), truth[i]);
            int[] counts = takeCounts.computeIfAbsent(takeOf.get(i), k -> new int[2]);
            counts[0]++;
            counts[1] += right[i] ? 1 : 0;
        }
        int takesRight = 0;
        List<TakeScore> perTake = new ArrayList<>();
        for (Map.Entry<String, double[]> e : takeSums.entrySet()) {
            boolean voted = argmax(e.getValue()) == takeTruth.get(e.getKey());
            takesRight += voted ? 1 : 0;
            int[] counts = takeCounts.get(e.getKey());
            perTake.add(new TakeScore(e.getKey(), counts[0], counts[1], voted));
        }
        int takes = takeSums.size();
        return new ClassificationReport(n, n == 0 ? 0 : (double) correct / n, topK, n == 0 ? 0 : (double) inTopK / n,
                n == 0 ? 0 : loss / n, c == 0 ? 0 : f1Sum / c, takes, takes == 0 ? 0 : (double) takesRight / takes, per, List.copyOf(classes), rows,
                perTake);
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int j = 1; j < v.length; j++) {
            if (v[j] > v[best]) {
                best = j;
            }
        }
        return best;
    }
}
