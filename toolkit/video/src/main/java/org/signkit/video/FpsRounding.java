package org.signkit.video;

import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The rounding modes of FFmpeg's {@code fps} filter ({@code round=} option), with the semantics of
 * {@code av_rescale_rnd}: {@link #NEAR} rounds halves away from zero and is FFmpeg's default.
 */
public enum FpsRounding {
    /** Toward zero. */
    ZERO(RoundingMode.DOWN),
    /** Away from zero. */
    INF(RoundingMode.UP),
    /** Toward minus infinity. */
    DOWN(RoundingMode.FLOOR),
    /** Toward plus infinity. */
    UP(RoundingMode.CEILING),
    /** To nearest, halves away from zero (FFmpeg's AV_ROUND_NEAR_INF). */
    NEAR(RoundingMode.HALF_UP);

    private final RoundingMode mode;

    FpsRounding(RoundingMode mode) {
        this.mode = mode;
    }

    /** {@code value * from / to}, rounded in this mode: FFmpeg's {@code av_rescale_q_rnd}. */
    public long rescale(long value, Rational from, Rational to) {
        BigInteger b = BigInteger.valueOf(from.num()).multiply(BigInteger.valueOf(to.den()));
        BigInteger c = BigInteger.valueOf(from.den()).multiply(BigInteger.valueOf(to.num()));
        return new java.math.BigDecimal(BigInteger.valueOf(value).multiply(b))
                .divide(new java.math.BigDecimal(c), 0, mode)
                .longValueExact();
    }

    /** Parses the name FFmpeg uses ({@code near}, {@code up}, ...), case-insensitively. */
    public static FpsRounding parse(String name) {
        for (FpsRounding r : values()) {
            if (r.name().equalsIgnoreCase(name.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown rounding '" + name + "'; use zero, inf, down, up or near");
    }
}
