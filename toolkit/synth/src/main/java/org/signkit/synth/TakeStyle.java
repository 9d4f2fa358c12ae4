package org.signkit.synth;

import java.util.SplittableRandom;

/**
 * How one take of a sign differs from another by the same signer: signing speed (±20%), amplitude,
 * timing jitter and small head and torso motion.
 *
 * @param speed       playback speed factor (1.2 = 20% faster)
 * @param amplitude   scale of the hand excursions around the signing space
 * @param jitter      timing warp amplitude, as a fraction of the sign's duration
 * @param jitterPhase phase of the timing warp, radians
 * @param sway        head/torso sway amplitude, signer heights
 * @param swayPhase   phase of the sway, radians
 * @param lead        rest time before the sign starts, seconds
 */
public record TakeStyle(double speed, double amplitude, double jitter, double jitterPhase, double sway,
                        double swayPhase, double lead) {

    /** A take's style drawn from its seed. */
    public static TakeStyle draw(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return new TakeStyle(0.8 + 0.4 * r.nextDouble(), 0.9 + 0.2 * r.nextDouble(), 0.04 * r.nextDouble(),
                2 * Math.PI * r.nextDouble(), 0.004 + 0.006 * r.nextDouble(), 2 * Math.PI * r.nextDouble(),
                0.1 + 0.15 * r.nextDouble());
    }

    /** Total length of a take of {@code sign}, seconds: lead-in, the sign at this speed, a short rest. */
    public double seconds(Sign sign) {
        return lead + sign.seconds() / speed + 0.15;
    }
}
