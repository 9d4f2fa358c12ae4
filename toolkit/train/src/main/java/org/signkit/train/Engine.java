package org.signkit.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which {@link TrainingEngine} trains and runs a network ({@code training.engine}, {@code --engine}).
 * Written in files by its lower-case id.
 */
public enum Engine {
    /** signkit's oneDNN executor on the CPU backend for the graphs it runs; DL4J's layers otherwise and on CUDA. */
    AUTO,
    /** signkit's oneDNN executor ({@code toolkit/train-onednn}); refuses graphs it cannot run. */
    ONEDNN,
    /** DL4J's own layers (with its oneDNN layer helpers on CPU, cuDNN on CUDA). */
    DL4J;

    /** The lower-case name used on the command line and in files. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every id, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Engine::id).toList();
    }

    /** Parses {@code auto}, {@code onednn} or {@code dl4j}. */
    @JsonCreator
    public static Engine parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown engine '" + s + "'; choose auto, onednn or dl4j", e);
        }
    }
}
