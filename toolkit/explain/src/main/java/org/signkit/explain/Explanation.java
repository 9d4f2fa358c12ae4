package org.signkit.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A LIME explanation of one image: its superpixels and, per explained class, the local linear model.
 *
 * @param segments    the superpixels (at the model's input size)
 * @param settings    every setting, seed included
 * @param predictions the model's probabilities for the unperturbed image
 * @param labels      one local model per explained class, most probable first
 */
public record Explanation(Segments segments, LimeSettings settings, float[] predictions, List<LabelExplanation> labels) {

    /**
     * The local model of one class.
     *
     * @param label            class index
     * @param className        class name
     * @param intercept        the ridge intercept
     * @param coefficients     weight per superpixel
     * @param score            weighted R² of the local fit
     * @param localPrediction  the local model's prediction for the unperturbed image
     * @param modelPrediction  the model's probability for the unperturbed image
     */
    public record LabelExplanation(int label, String className, double intercept, double[] coefficients, double score,
                                   double localPrediction, double modelPrediction) {

        /** The {@code k} superpixels with the largest positive weights, largest first. */
        public List<Integer> topPositive(int k) {
            return ranked(k, true);
        }

        /** The {@code k} superpixels with the most negative weights. */
        public List<Integer> topNegative(int k) {
            return ranked(k, false);
        }

        /** Every superpixel, largest weight first. */
        public List<Integer> ranking() {
            return IntStream.range(0, coefficients.length).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> -coefficients[i]).thenComparing(i -> i)).toList();
        }

        private List<Integer> ranked(int k, boolean positive) {
            List<Integer> out = new ArrayList<>();
            List<Integer> order = ranking();
            if (!positive) {
                order = new ArrayList<>(order);
                java.util.Collections.reverse(order);
            }
            for (int i : order) {
                if (out.size() == k || (positive ? coefficients[i] <= 0 : coefficients[i] >= 0)) {
                    break;
                }
                out.add(i);
            }
            return out;
        }
    }

    /** The explanation of the most probable class. */
    public LabelExplanation top() {
        return labels.get(0);
    }
}
