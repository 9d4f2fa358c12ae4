package org.signkit.explain;

/**
 * Every setting of an explanation, recorded with it. Defaults follow marcotcr/lime's
 * {@code LimeImageExplainer.explain_instance}: 1000 samples, quickshift, the superpixel mean as hide
 * colour, cosine distance with kernel width 0.25, {@code Ridge(alpha=1)}, 5 features shown.
 *
 * @param samples      perturbed samples (the first keeps every superpixel)
 * @param segmentation {@code quickshift}, {@code slic}, {@code slico} or {@code felzenszwalb}
 * @param hide         what a switched-off superpixel becomes
 * @param kernelWidth  width of the exponential kernel on the cosine distance
 * @param alpha        ridge penalty
 * @param topK         superpixels in the masks, the stability sets and the overlays
 * @param labels       how many of the top predicted classes to explain
 * @param batchSize    images per model call
 * @param seed         sampling seed
 */
public record LimeSettings(int samples, String segmentation, HideColour hide, double kernelWidth, double alpha, int topK,
                           int labels, int batchSize, long seed) {

    public LimeSettings {
        if (samples < 2) {
            throw new IllegalArgumentException("samples must be >= 2: " + samples);
        }
        if (topK < 1 || labels < 1 || batchSize < 1) {
            throw new IllegalArgumentException("topK, labels and batchSize must be >= 1");
        }
        Superpixels.of(segmentation);
    }

    /** lime's defaults with a seed. */
    public static LimeSettings defaults(long seed) {
        return new LimeSettings(1000, "quickshift", HideColour.MEAN, 0.25, 1.0, 5, 1, 64, seed);
    }

    /** The same settings with another sampling seed. */
    public LimeSettings withSeed(long s) {
        return new LimeSettings(samples, segmentation, hide, kernelWidth, alpha, topK, labels, batchSize, s);
    }
}
