package org.signkit.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/** The networks signkit trains ({@code --model}, {@code training.model}); written in files by {@link #id}. */
public enum Architecture {
    /** EfficientNet-B0, the study's network. */
    EFFICIENTNET_B0("efficientnet-b0"),
    /** A small CNN, for quick runs. */
    BASELINE_CNN("baseline-cnn"),
    /** The frame plus two hand crops through small towers ({@link MultiStreamNet}). */
    MULTISTREAM("multistream"),
    /** The multi-stream network with an EfficientNet-B0 frame tower. */
    MULTISTREAM_B0("multistream-b0"),
    /** A 1D temporal CNN over each take's keypoints, one sample per take ({@link KeypointCnn}). */
    KEYPOINTS("keypoints");

    private final String id;

    Architecture(String id) {
        this.id = id;
    }

    /** The name used on the command line and in files. */
    @JsonValue
    public String id() {
        return id;
    }

    /** Every id, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Architecture::id).toList();
    }

    /** The architecture called {@code s} (case-insensitive). */
    @JsonCreator
    public static Architecture parse(String s) {
        return Arrays.stream(values()).filter(a -> a.id.equalsIgnoreCase(s.trim())).findFirst().orElseThrow(
                () -> new IllegalArgumentException("unknown model '" + s + "'; choose one of " + ids()));
    }
}
