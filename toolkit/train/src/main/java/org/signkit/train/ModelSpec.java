package org.signkit.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.signkit.augment.AugmentationPipeline;
import org.signkit.augment.GeometricTransform;
import org.signkit.core.FrameRecord;

/**
 * Which network to train, in the terms a user gives on the command line or in a spec.
 *
 * @param architecture the network
 * @param size         square input size in pixels (the study: 224); for the multi-stream networks the frame
 *                     stream's side (the hand streams are half of it); for {@code keypoints} the clip length in
 *                     frames each take is resampled to
 * @param widthMult    EfficientNet channel multiplier (1 = B0)
 * @param depthMult    EfficientNet block-repeat multiplier (1 = B0)
 * @param dropout      dropout before the classifier (B0: 0.2)
 * @param motion       for the multi-stream networks, the gap in seconds between the frame stream's three grey
 *                     instants ({@link MotionFrames}); 0 for the colour frame, which is left out of the JSON so
 *                     that configurations from before motion keep their hash (their trials and checkpoints resume)
 */
public record ModelSpec(Architecture architecture, int size, double widthMult, double depthMult, double dropout,
                        @JsonInclude(JsonInclude.Include.NON_DEFAULT) double motion) {

    /** The longest motion gap accepted, in seconds (a sign lasts about two). */
    public static final double MAX_MOTION = 2.0;

    public ModelSpec {
        if (architecture == null) {
            throw new IllegalArgumentException("no model; choose one of " + Architecture.ids());
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
        // A model card written before motion was a choice has no such field: it read the colour frame.
        motion = Double.isNaN(motion) ? 0 : motion;
        if (!(motion >= 0 && motion <= MAX_MOTION)) {
            throw new IllegalArgumentException("motion must be between 0 and " + MAX_MOTION + " seconds, got " + motion);
        }
        if (motion > 0 && !takesHandStreams(architecture)) {
            throw new IllegalArgumentException("motion is a frame stream of the multi-stream networks, not of "
                    + architecture.id() + "; use multistream or multistream-b0, or leave motion at 0");
        }
    }

    /** EfficientNet-B0 as in the study, at {@code size} pixels. */
    public static ModelSpec efficientNetB0(int size) {
        return new ModelSpec(Architecture.EFFICIENTNET_B0, size, 1.0, 1.0, 0.2, 0);
    }

    /** The small baseline CNN at {@code size} pixels. */
    public static ModelSpec baseline(int size) {
        return new ModelSpec(Architecture.BASELINE_CNN, size, 1.0, 1.0, 0.2, 0);
    }

    /** True for the networks that take the frame and its hand crops. */
    public boolean multiStream() {
        return takesHandStreams(architecture);
    }

    /** True for the clip-level keypoint model: its samples are takes and their pose files, not frames. */
    public boolean keypoints() {
        return architecture == Architecture.KEYPOINTS;
    }

    /** True when the frames need the hands stage: hand crops, or keypoints made from the hands' landmarks. */
    public boolean needsHands() {
        return multiStream() || keypoints();
    }

    /** True for the architectures that take the frame and its hand crops. */
    private static boolean takesHandStreams(Architecture architecture) {
        return architecture == Architecture.MULTISTREAM || architecture == Architecture.MULTISTREAM_B0;
    }

    /**
     * How frames of {@code set} become this network's input (hand streams read the set's {@code hands.json});
     * a keypoint model has no image input.
     */
    public InputLayout layout(FrameSet set) {
        if (keypoints()) {
            throw new UnsupportedOperationException("a keypoint model reads the takes' pose files, not frame images");
        }
        return multiStream() ? HandStreams.of(set, size, motion) : new WholeFrame(size, size);
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
            case EFFICIENTNET_B0 -> new EfficientNetB0(classes, size, size, widthMult, depthMult, dropout, seed,
                    DataType.FLOAT);
            case MULTISTREAM -> new MultiStreamNet(classes, size, MultiStreamNet.FrameTower.SMALL_CNN, dropout, seed,
                    DataType.FLOAT);
            case MULTISTREAM_B0 -> new MultiStreamNet(classes, size, MultiStreamNet.FrameTower.EFFICIENTNET_B0, dropout,
                    seed, DataType.FLOAT);
            case KEYPOINTS -> new KeypointCnn(classes, KeypointClips.channels(), size, dropout, seed, DataType.FLOAT);
            case BASELINE_CNN -> new BaselineCnn(classes, size, size, dropout, seed, DataType.FLOAT);
        };
    }
}
