package org.signkit.cli;

import org.signkit.train.TrainingConfig;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The training options' defaults, read from {@link TrainingConfig#DEFAULTS} (the one set specs and notebooks use
 * too), so that {@code --help} and a run without the option say the same thing.
 */
final class TrainingDefaults implements IDefaultValueProvider {

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) {
            return null;
        }
        TrainingConfig d = TrainingConfig.DEFAULTS;
        return switch (option.longestName()) {
            case "--model" -> d.model().architecture().id();
            case "--size" -> Integer.toString(d.model().size());
            case "--width-mult" -> Double.toString(d.model().widthMult());
            case "--depth-mult" -> Double.toString(d.model().depthMult());
            case "--dropout" -> Double.toString(d.model().dropout());
            case "--motion" -> Double.toString(d.model().motion());
            case "--epochs" -> Integer.toString(d.epochs());
            case "--batch" -> Integer.toString(d.batchSize());
            case "--lr" -> Double.toString(d.learningRate());
            case "--schedule" -> d.schedule().id();
            case "--patience" -> Integer.toString(d.patience());
            case "--split" -> d.split().id();
            case "--test" -> Double.toString(d.testFraction());
            case "--augment" -> d.augmentation();
            case "--seed" -> Long.toString(d.seed());
            case "--top-k" -> Integer.toString(d.topK());
            case "--engine" -> d.engine().id();
            default -> null;
        };
    }
}
