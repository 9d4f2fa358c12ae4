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
        // Each becomes a folder or file name (OUT/<sign>/<signer>_<take>): one safe path component.
        PathNames.component(sign, "sign");
        PathNames.component(signer, "signer");
        PathNames.component(take, "take");
    }
}
