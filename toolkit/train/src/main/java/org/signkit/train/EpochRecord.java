package org.signkit.train;

/**
 * One epoch of a training run.
 *
 * @param epoch          1-based epoch number
 * @param learningRate   learning rate during the epoch
 * @param trainLoss      mean training loss over the epoch's steps
 * @param trainAccuracy  accuracy of the training steps' own predictions (augmented, dropout on)
 * @param monitorLoss    loss on the early-stopping monitor split (NaN without early stopping)
 * @param testLoss       loss on the test split
 * @param testAccuracy   accuracy on the test split
 * @param validationAccuracy accuracy on the external validation set (NaN without one)
 * @param seconds        wall time of the epoch's training steps
 * @param imagesPerSecond training throughput
 */
public record EpochRecord(int epoch, double learningRate, double trainLoss, double trainAccuracy, double monitorLoss,
                          double testLoss, double testAccuracy, double validationAccuracy, double seconds,
                          double imagesPerSecond) {
}
