package org.signkit.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.core.Json;

/**
 * Every notebook in experiments/notebooks runs headless through Jupyter on the signkit kernel
 * ({@code jupyter nbconvert --to notebook --execute}) without an error output, and shows rich values
 * (HTML tables, PNG images). {@code .ci/run} installs Debian's Jupyter and sets SIGNKIT_REQUIRE_TOOLS=1,
 * which turns a missing Jupyter into a failure.
 */
class NotebooksTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void everyNotebookExecutesOnTheSignkitKernel(@TempDir Path dir) throws Exception {
        boolean jupyter = Files.isExecutable(Path.of("/usr/bin/jupyter-nbconvert"));
        assertTrue(jupyter || !"1".equals(System.getenv("SIGNKIT_REQUIRE_TOOLS")),
                "Jupyter missing: apt-get install jupyter-nbconvert jupyter-client python3-nbclient");
        assumeTrue(jupyter, "Jupyter not installed");
        Path jupyterPath = TestKernelSpec.install(dir);
        List<Path> notebooks;
        try (Stream<Path> s = Files.list(ROOT.resolve("experiments/notebooks"))) {
            notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertEquals(3, notebooks.size(), notebooks.toString());
        for (Path nb : notebooks) {
            ProcessBuilder pb = new ProcessBuilder("jupyter", "nbconvert", "--to", "notebook", "--execute",
                    "--ExecutePreprocessor.timeout=900", "--output-dir", dir.resolve("out").toString(), nb.toString())
                    .directory(ROOT.toFile()).redirectErrorStream(true);
            pb.environment().put("JUPYTER_PATH", jupyterPath.toString());
            Process p = pb.start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(20, TimeUnit.MINUTES), nb + " timed out");
            assertEquals(0, p.exitValue(), nb + ":\n" + log);
            JsonNode done = Json.mapper().readTree(dir.resolve("out").resolve(nb.getFileName()).toFile());
            StringBuilder types = new StringBuilder();
            for (JsonNode cell : done.get("cells")) {
                for (JsonNode out : cell.path("outputs")) {
                    assertFalse(out.path("output_type").asText().equals("error"), nb + ": " + out);
                    out.path("data").fieldNames().forEachRemaining(t -> types.append(t).append(' '));
                }
            }
            assertTrue(types.toString().contains("text/html") || types.toString().contains("image/png"), nb + ": " + types);
        }
    }
}
