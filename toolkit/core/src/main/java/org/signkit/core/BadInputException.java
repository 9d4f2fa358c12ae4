package org.signkit.core;

import java.nio.file.Path;

/**
 * A user-supplied file or setting that signkit cannot use. The message names the file, says what is
 * wrong and what to do about it, so it can be shown to the user as it is.
 */
public class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String reason;
    private final String fix;

    public BadInputException(Path file, String reason, String fix) {
        this(file, reason, fix, null);
    }

    public BadInputException(Path file, String reason, String fix, Throwable cause) {
        super(file + ": " + reason + (fix == null || fix.isEmpty() ? "" : " (fix: " + fix + ")"), cause);
        this.file = file;
        this.reason = reason;
        this.fix = fix;
    }

    /** The offending file or folder. */
    public Path file() {
        return file;
    }

    /** What is wrong with it. */
    public String reason() {
        return reason;
    }

    /** What the user should do. */
    public String fix() {
        return fix;
    }
}
