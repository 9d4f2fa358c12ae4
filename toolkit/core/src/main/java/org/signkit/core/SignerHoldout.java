package org.signkit.core;

import java.util.List;

/**
 * A signer split chosen by hand, for signer-count ablations: these signers are the test side, and the model trains on
 * the first {@code trainSigners} of the others (by id), so that 1 against 2 training signers meet the same test signer.
 *
 * @param test         the held-out signers
 * @param trainSigners how many of the other signers to train on; 0 for all of them
 */
public record SignerHoldout(List<String> test, int trainSigners) {

    public SignerHoldout {
        test = List.copyOf(test);
        if (test.isEmpty()) {
            throw new IllegalArgumentException("a signer hold-out names at least one test signer");
        }
        if (trainSigners < 0) {
            throw new IllegalArgumentException("train signers must be >= 0 (0: all), got " + trainSigners);
        }
    }
}
