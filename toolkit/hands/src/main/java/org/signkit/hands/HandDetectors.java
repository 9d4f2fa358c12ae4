package org.signkit.hands;

import java.nio.file.Path;
import org.signkit.vision.DnnPersonSegmenter;
import org.signkit.vision.ModelStore;
import org.signkit.vision.TruthIndex;

/** Builds the {@link HandDetector} of a {@link HandsMethod}. */
public final class HandDetectors {

    private HandDetectors() {
    }

    /**
     * @param method   the method
     * @param models   where {@code mediapipe}'s models and {@code skin}'s person segmenter (selfie) are installed
     * @param truth    the synthetic truth folder of the frames' group ({@code truth} only; else may be null)
     * @param dominant the dominant hand ({@code right} or {@code left})
     */
    public static HandDetector of(HandsMethod method, ModelStore models, Path truth, String dominant) {
        return switch (method) {
            case MEDIAPIPE -> MediaPipeHandDetector.open(models, dominant);
            case SKIN -> new SkinHandDetector(DnnPersonSegmenter.selfie(models), dominant);
            case TRUTH -> {
                if (truth == null) {
                    throw new IllegalArgumentException("--method truth needs --truth DIR (the synthetic truth of the frames' videos)");
                }
                yield new TruthHandDetector(new TruthIndex(truth), dominant);
            }
        };
    }
}
