package org.signkit.synth;

import java.util.List;

/**
 * What {@code signkit synth} makes.
 *
 * @param signs      number of signs (the first n of {@link SignLibrary#study14()})
 * @param signers    number of signers
 * @param takes      takes per sign, signer and capture rate
 * @param captures   capture rates; each is a separate recording (its own takes), as in the study
 * @param validation also record the harder validation set (other scenes), at the first capture rate
 * @param width      frame width (portrait: width &lt; height)
 * @param height     frame height
 * @param seed       the dataset seed; equal options and seed give identical videos
 * @param jobs       videos rendered at once
 * @param signerGroup also record group {@code signers<n>} with this many signers ({@code takes} takes each, first
 *                   capture rate, training wall), for signer-count ablations; 0 for none
 */
public record SynthOptions(int signs, int signers, int takes, List<Integer> captures, boolean validation, int width,
                           int height, long seed, int jobs, int signerGroup) {

    /** The internal render rate, Hz: motion blur integrates renders at this rate over the exposure. */
    public static final int INTERNAL_RATE = 160;
    /** Exposure as a fraction of the frame period (a 270-degree shutter: indoor phone light). */
    public static final double SHUTTER = 0.75;
    /** Sensor noise, standard deviation in 8-bit levels. */
    public static final double NOISE = 2.5;

    public SynthOptions {
        if (signs < 1 || signs > SignLibrary.study14().size()) {
            throw new IllegalArgumentException("--signs must be 1.." + SignLibrary.study14().size() + ": " + signs);
        }
        if (signers < 1 || takes < 1 || jobs < 1) {
            throw new IllegalArgumentException("--signers, --takes and --jobs must be >= 1");
        }
        if (captures.isEmpty() || captures.stream().anyMatch(f -> f < 1 || f > INTERNAL_RATE)) {
            throw new IllegalArgumentException("--capture rates must be 1.." + INTERNAL_RATE + ": " + captures);
        }
        if (width < 64 || height < 64 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("--size must be even and at least 64x64: " + width + "x" + height);
        }
        if (signerGroup < 0) {
            throw new IllegalArgumentException("--signer-group must be >= 0: " + signerGroup);
        }
        captures = List.copyOf(captures);
    }

    /** Options without the signer-count group. */
    public SynthOptions(int signs, int signers, int takes, List<Integer> captures, boolean validation, int width,
                        int height, long seed, int jobs) {
        this(signs, signers, takes, captures, validation, width, height, seed, jobs, 0);
    }

    /** The signers in the quick set's signer-count group: enough to train on 1 or 2 and test on another. */
    public static final int QUICK_SIGNER_GROUP = 3;

    /**
     * The quick set: all 14 signs, 2 signers, 2 takes, 60 and 30 FPS captures, plus validation, plus the
     * {@code signers3} group (3 signers, 2 takes, 60 FPS).
     */
    public static SynthOptions quick(long seed, int jobs) {
        return new SynthOptions(14, 2, 2, List.of(60, 30), true, 360, 640, seed, jobs, QUICK_SIGNER_GROUP);
    }

    /** The camera these options describe. */
    public TakeRenderer.Camera camera() {
        return new TakeRenderer.Camera(width, height, INTERNAL_RATE, SHUTTER, NOISE);
    }
}
