package org.signkit.dataset;

/**
 * One problem the QA check found.
 *
 * @param severity {@code error} (a recording problem that blocks a release), {@code release} (what a release needs
 *                 besides the recordings: consent, pseudonyms, signer records, the datasheet), {@code warning} or
 *                 {@code info}
 * @param protocol the recording-protocol item it breaks ({@code P1}..), or empty
 * @param subject  what it is about: a video path, a sign, a signer
 * @param problem  what is wrong
 * @param fix      what to do
 */
public record Finding(String severity, String protocol, String subject, String problem, String fix) {

    /** Blocks a release. */
    public static final String ERROR = "error";
    /** Blocks a release, not a recording problem: consent, names, signer records, the datasheet. */
    public static final String RELEASE = "release";
    /** Should be fixed while re-recording is still possible. */
    public static final String WARNING = "warning";
    /** Worth knowing. */
    public static final String INFO = "info";
}
