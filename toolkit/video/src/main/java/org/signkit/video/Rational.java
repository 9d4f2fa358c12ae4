package org.signkit.video;

import java.math.BigInteger;

/**
 * An exact ratio of two integers, as FFmpeg uses for frame rates and time bases
 * (e.g. 60000/1001 for 59.94 FPS, 1/15360 for an MP4 video track's time base).
 *
 * @param num numerator
 * @param den denominator, positive
 */
public record Rational(long num, long den) {

    public Rational {
        if (den <= 0) {
            throw new IllegalArgumentException("denominator must be positive: " + num + "/" + den);
        }
        long g = BigInteger.valueOf(num).gcd(BigInteger.valueOf(den)).longValueExact();
        if (g > 1) {
            num /= g;
            den /= g;
        }
    }

    /** Parses {@code 30}, {@code 29.97}, {@code 30000/1001}. Decimals become exact fractions. */
    public static Rational parse(String text) {
        String t = text.trim();
        try {
            int slash = t.indexOf('/');
            if (slash >= 0) {
                return new Rational(Long.parseLong(t.substring(0, slash).trim()),
                        Long.parseLong(t.substring(slash + 1).trim()));
            }
            java.math.BigDecimal d = new java.math.BigDecimal(t);
            int scale = Math.max(0, d.scale());
            return new Rational(d.movePointRight(scale).longValueExact(), BigInteger.TEN.pow(scale).longValueExact());
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("not a rate: '" + text + "' (use e.g. 30, 29.97 or 30000/1001)", e);
        }
    }

    /** The value as a double. */
    public double toDouble() {
        return (double) num / den;
    }

    /** True for a strictly positive value. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isPositive() {
        return num > 0;
    }

    @Override
    public String toString() {
        return den == 1 ? Long.toString(num) : num + "/" + den;
    }
}
