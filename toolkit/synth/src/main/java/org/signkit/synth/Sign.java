package org.signkit.synth;

import java.util.List;

/**
 * A synthetic sign: a gloss and a two-hand choreography of keyframes. The hands start and end at rest;
 * between the keyframes positions ease smoothly and finger curls blend, so hand shapes articulate.
 *
 * @param gloss     the sign's name
 * @param seconds   nominal duration (1-3 s)
 * @param keyframes keyframes with increasing {@code t}
 */
public record Sign(String gloss, double seconds, List<Keyframe> keyframes) {

    public Sign {
        if (keyframes.size() < 2) {
            throw new IllegalArgumentException(gloss + ": needs at least two keyframes");
        }
        for (int i = 1; i < keyframes.size(); i++) {
            if (keyframes.get(i).t() <= keyframes.get(i - 1).t()) {
                throw new IllegalArgumentException(gloss + ": keyframe times must increase");
            }
        }
        keyframes = List.copyOf(keyframes);
    }
}
