package org.signkit.train;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.signkit.augment.AugmentationPipeline;
import org.signkit.augment.GeometricTransform;
import org.signkit.core.FrameRecord;

/**
 * Which network to train, in the terms a user gives on the command line or in a spec.
 *
 * @param architecture {@code efficientnet-b0}, {@code baseline-cnn}, {@code multistream} (frame + two hand crops,
 *                     small towers), {@code multistream-b0} (its frame tower EfficientNet-B0) or {@code keypoints}
 *                     (a 1D temporal CNN over each take's keypoints, one sample per take: {@link KeypointCnn})
 * @param size         square input size in pixels (the study: 224); for the multi-stream networks the frame
 *                     stream's side (the hand streams are half of it); for {@code keypoints} the clip length in
 *                     frames each take is resampled to
 * @param widthMult    EfficientNet channel multiplier (1 = B0)
 * @param depthMult    EfficientNet block-repeat multiplier (1 = B0)
 * @param dropout      dropout before the classifier (B0: 0.2)
 */
public record ModelSpec(String architecture, int size, double widthMult, double depthMult, double dropout) {

    /** The architectures {@link #build} knows. */
    public static final List<String> ARCHITECTURES = List.of("efficientnet-b0", "baseline-cnn", "multistream",
            "multistream-b0", "keypoints");

    public ModelSpec {
        if (!ARCHITECTURES.contains(architecture)) {
            throw new IllegalArgumentException("unknown model '" + architecture + "'; choose one of " + ARCHITECTURES);
        }
        if (takesHandStreams(architecture) && size % 2 != 0) {
            throw new IllegalArgumentException("multi-stream input size must be even (hand streams are half), got " + size);
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

    /** True for the networks that take the frame and its hand crops. */
    public boolean multiStream() {
        return takesHandStreams(architecture);
    }

    /** True for the clip-level keypoint model: its samples are takes and their pose files, not frames. */
    public boolean keypoints() {
        return "keypoints".equals(architecture);
    }

    /** True when {@code architecture} names a network that takes the frame and its hand crops. */
    public static boolean takesHandStreams(String architecture) {
        return architecture.startsWith("multistream");
    }

    /**
     * How frames of {@code set} become this network's input (hand streams read the set's {@code hands.json});
     * a keypoint model has no image input.
     */
    public InputLayout layout(FrameSet set) {
        if (keypoints()) {
            throw new UnsupportedOperationException("a keypoint model reads the takes' pose files, not frame images");
        }
        return multiStream() ? HandStreams.of(set, size) : new WholeFrame(size, size);
    }

    /** The samples of {@code frames} this model trains on: the frames, or for a keypoint model one row per take. */
    public List<FrameRecord> samples(List<FrameRecord> frames) {
        return keypoints() ? KeypointClips.takes(frames) : frames;
    }

    /**
     * The batches of {@code set} for this model.
     *
     * @param augmentation applied to training batches (a keypoint model augments its geometry when the pipeline
     *                     has a geometric transform), or null
     */
    public SampleBatches batches(FrameSet set, List<String> classes, Normalization normalization,
                                 AugmentationPipeline augmentation, long seed, int workers) {
        if (keypoints()) {
            boolean geometric = augmentation != null
                    && augmentation.transforms().stream().anyMatch(t -> t instanceof GeometricTransform);
            return new KeypointBatches(set, classes, size, geometric, seed);
        }
        return new FrameBatches(set, classes, layout(set), normalization, augmentation, seed, workers);
    }

    /** The network for {@code classes} classes, initialised from {@code seed}. */
    public NetworkArchitecture build(int classes, long seed) {
        return switch (architecture) {
            case "efficientnet-b0" -> new EfficientNetB0(classes, size, size, widthMult, depthMult, dropout, seed,
                    DataType.FLOAT);
            case "multistream" -> new MultiStreamNet(classes, size, MultiStreamNet.FrameTower.SMALL_CNN, dropout, seed,
                    DataType.FLOAT);
            case "multistream-b0" -> new MultiStreamNet(classes, size, MultiStreamNet.FrameTower.EFFICIENTNET_B0, dropout,
                    seed, DataType.FLOAT);
            case "keypoints" -> new KeypointCnn(classes, KeypointClips.channels(), size, dropout, seed, DataType.FLOAT);
            default -> new BaselineCnn(classes, size, size, dropout, seed, DataType.FLOAT);
        };
    }
}
