package org.signkit.dataset;

import java.util.List;
import java.util.Locale;

/**
 * One time-aligned annotation of a video, as a row of {@code annotations.csv} and as an ELAN annotation: a value on a
 * tier between two times. The {@link #GLOSS_TIER} holds the sign's start and end with its gloss ID (from
 * {@code glosses.csv}); any other tier is free (mouthing, translation, notes) and kept as it is.
 *
 * @param video   the video, as {@code import.csv} lists it
 * @param tier    tier name
 * @param startMs start, milliseconds from the video's start
 * @param endMs   end, milliseconds (after {@code startMs})
 * @param value   the annotation's text: a gloss ID on the gloss tier
 * @param origin  where it came from
 */
public record Annotation(String video, String tier, long startMs, long endMs, String value, Origin origin) {

    /** The tier whose annotation marks the sign's start and end, valued with its gloss ID. */
    public static final String GLOSS_TIER = "gloss";

    /** Column names of {@code annotations.csv}. */
    public static final List<String> COLUMNS = List.of("video", "tier", "start_ms", "end_ms", "value", "origin");

    /** Where an annotation came from. */
    public enum Origin {
        /** Suggested by {@code dataset annotate} from motion energy. */
        MOTION,
        /** Suggested by {@code dataset annotate} from the hands stage (hands leave and return to rest). */
        HANDS,
        /** Imported from an ELAN file. */
        EAF,
        /** Written by a person into {@code annotations.csv}. */
        MANUAL;

        /** The name in files. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The origin called {@code id}. */
        public static Origin parse(String id) {
            for (Origin o : values()) {
                if (o.id().equals(id)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("unknown origin '" + id + "' (one of motion, hands, eaf, manual)");
        }

        /** True for suggestions a person has not confirmed: {@code annotate --redo} may replace them. */
        public boolean suggested() {
            return this == MOTION || this == HANDS;
        }
    }

    public Annotation {
        if (tier == null || tier.isBlank()) {
            throw new IllegalArgumentException("an annotation needs a tier name");
        }
        if (startMs < 0 || endMs <= startMs) {
            throw new IllegalArgumentException("annotation times must satisfy 0 <= start < end, got " + startMs + ".." + endMs
                    + " ms on tier " + tier);
        }
        value = value == null ? "" : value;
    }

    /** The CSV fields in {@link #COLUMNS} order. */
    public List<String> fields() {
        return List.of(video, tier, Long.toString(startMs), Long.toString(endMs), value, origin.id());
    }

    /** Parses a row of {@link #fields()}. */
    public static Annotation parse(List<String> f) {
        if (f.size() != COLUMNS.size()) {
            throw new IllegalArgumentException("expected " + COLUMNS.size() + " fields (" + String.join(",", COLUMNS) + "), got "
                    + f.size());
        }
        try {
            return new Annotation(f.get(0), f.get(1), Long.parseLong(f.get(2).trim()), Long.parseLong(f.get(3).trim()), f.get(4),
                    Origin.parse(f.get(5).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("start_ms and end_ms must be whole milliseconds: " + e.getMessage(), e);
        }
    }

    /** True on the gloss tier. */
    public boolean isGloss() {
        return GLOSS_TIER.equals(tier);
    }
}
