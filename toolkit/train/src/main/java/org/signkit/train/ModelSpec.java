package org.signkit.train;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Which network to train, in the terms a user gives on the command line or in a spec.
 *
 * @param architecture {@code efficientnet-b0} or {@code baseline-cnn}
 * @param size         square input size in pixels (the study: 224)
 * @param widthMult    EfficientNet channel multiplier (1 = B0)
 * @param depthMult    EfficientNet block-repeat multiplier (1 = B0)
 * @param dropout      dropout before the classifier (B0: 0.2)
 */
public record ModelSpec(String architecture, int size, double widthMult, double depthMult, double dropout) {

    /** The architectures {@link #build} knows. */
    public static final List<String> ARCHITECTURES = List.of("efficientnet-b0", "baseline-cnn");

    public ModelSpec {
        if (!ARCHITECTURES.contains(architecture)) {
            throw new IllegalArgumentException("unknown model '" + architecture + "'; choose one of " + ARCHITECTURES);
        }
        if (size < 16 || size > 1024) {
            throw new IllegalArgumentException("input size " + size + " out of range 16..1024");
        }
        if (widthMult <= 0 || depthMult <= 0 || dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("width/depth multipliers must be > 0 and dropout in [0, 1)");
        }
    }

    /** EfficientNet-B0 as in the study, at {@code size} pixels. */
    public static ModelSpec efficientNetB0(int size) {
        return new ModelSpec("efficientnet-b0", size, 1.0, 1.0, 0.2);
    }

    /** The small baseline CNN at {@code size} pixels. */
    public static ModelSpec baseline(int size) {
        return new ModelSpec("baseline-cnn", size, 1.0, 1.0, 0.2);
    }

    /** The network for {@code classes} classes, initialised from {@code seed}. */
    public NetworkArchitecture build(int classes, long seed) {
        return switch (architecture) {
            case "efficientnet-b0" -> new EfficientNetB0(classes, size, size, widthMult, depthMult, dropout, seed,
                    DataType.FLOAT);
            default -> new BaselineCnn(classes, size, size, dropout, seed, DataType.FLOAT);
        };
    }
}
