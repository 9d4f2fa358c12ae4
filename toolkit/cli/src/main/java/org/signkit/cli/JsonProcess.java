package org.signkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.signkit.core.Json;

/** Runs a benchmark peer (a Python script, a worker JVM) whose last line of output is one JSON document. */
final class JsonProcess {

    private JsonProcess() {
    }

    /** Writes the peer script bundled as {@code /bench/NAME} into {@code work} and returns its path. */
    static Path script(Path work, String name) throws IOException {
        Path script = work.resolve(name);
        try (InputStream s = JsonProcess.class.getResourceAsStream("/bench/" + name)) {
            Files.copy(s, script, StandardCopyOption.REPLACE_EXISTING);
        }
        return script;
    }

    /**
     * Runs {@code cmd} and parses its last output line; a non-zero exit fails with {@code failure}.
     *
     * @param showErrors pass the command's standard error through (else discard it)
     */
    static JsonNode run(List<String> cmd, boolean showErrors, String failure) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectError(showErrors ? ProcessBuilder.Redirect.INHERIT
                : ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(failure);
        }
        return Json.mapper().readTree(out.strip().lines().reduce((a, b) -> b).orElse("{}"));
    }
}
