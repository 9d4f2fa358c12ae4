package org.signkit.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An output folder made ready before any work: created if missing, and refused with the reason when it is a file,
 * cannot be created, or cannot be written — so a bad output is never blamed on the inputs later.
 */
public final class OutputFolder {

    private OutputFolder() {
    }

    /** Creates {@code out} if needed and checks that files can be written in it. */
    public static Path prepare(Path out) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new BadInputException(out, "the output is a file, not a folder", "give a folder path for the output");
        }
        try {
            Files.createDirectories(out);
            Path probe = Files.createTempFile(out, ".signkit-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new BadInputException(out, "the output folder cannot be written (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", "fix its permissions or choose another output folder");
        }
        return out;
    }
}
