package org.signkit.core;

/**
 * Who signed what: the sign (gloss) a recording shows, the signer, and the take number.
 *
 * @param sign   gloss of the sign, e.g. {@code OBRIGADO}
 * @param signer signer identifier, e.g. {@code s01}
 * @param take   take identifier within (sign, signer), e.g. {@code 2}
 */
public record SampleLabel(String sign, String signer, String take) {

    public SampleLabel {
        requireText(sign, "sign");
        requireText(signer, "signer");
        requireText(take, "take");
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (value.contains("/") || value.contains("\\")) {
            throw new IllegalArgumentException(what + " must not contain a path separator: " + value);
        }
    }
}
