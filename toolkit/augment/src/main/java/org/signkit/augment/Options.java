package org.signkit.augment;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A transform's options from a pipeline file, read with typed getters whose errors name the transform
 * and the key; {@link #finish()} rejects keys nobody asked for (a typo must not silently do nothing).
 */
public final class Options {

    private final String transform;
    private final Map<String, Object> values;
    private final Set<String> used = new HashSet<>();

    public Options(String transform, Map<String, Object> values) {
        this.transform = transform;
        this.values = values == null ? Map.of() : values;
    }

    /** A number, or the default when absent. */
    public double number(String key, double fallback) {
        used.add(key);
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw error(key, "must be a number, found '" + v + "'");
    }

    /** A range: a number {@code r} means {@code [-r, r]} when symmetric, else {@code [1-r, 1+r]}; a list is {@code [lo, hi]}. */
    public Range range(String key, Range fallback, boolean symmetric) {
        used.add(key);
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            if (v instanceof Number n) {
                double r = n.doubleValue();
                return symmetric ? Range.symmetric(r) : new Range(1 - r, 1 + r);
            }
            if (v instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number a && l.get(1) instanceof Number b) {
                return new Range(a.doubleValue(), b.doubleValue());
            }
        } catch (IllegalArgumentException e) {
            throw error(key, e.getMessage());
        }
        throw error(key, "must be a number or a list [low, high], found '" + v + "'");
    }

    /** A probability in [0, 1] under key {@code p}. */
    public double probability(double fallback) {
        double p = number("p", fallback);
        if (p < 0 || p > 1) {
            throw error("p", "must be in [0, 1], found " + p);
        }
        return p;
    }

    /** Rejects keys that were never read. */
    public void finish() {
        for (String k : values.keySet()) {
            if (!used.contains(k)) {
                throw new IllegalArgumentException(transform + ": unknown option '" + k + "' (known: " + used + ")");
            }
        }
    }

    private IllegalArgumentException error(String key, String what) {
        return new IllegalArgumentException(transform + "." + key + " " + what);
    }
}
