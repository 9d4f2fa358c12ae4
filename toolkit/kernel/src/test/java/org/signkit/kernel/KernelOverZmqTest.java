package org.signkit.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel over ZeroMQ, driven by jupyter_client ({@code kernel_over_zmq.py}) as a notebook front end drives it:
 * completion, inspection with javadoc, {@code %%time}, {@code %records}; and a forged message (bad signature), a
 * signed one that is not JSON and a one-frame message are dropped and logged while the next request is answered.
 * {@code .ci/run} installs jupyter-client; SIGNKIT_REQUIRE_TOOLS=1 makes its absence a failure.
 */
class KernelOverZmqTest {

    @Test
    void completionInspectionMagicsAndForgedMessages(@TempDir Path dir) throws Exception {
        boolean client = new ProcessBuilder("/usr/bin/python3", "-c", "import jupyter_client, zmq").start().waitFor() == 0;
        assertTrue(client || !"1".equals(System.getenv("SIGNKIT_REQUIRE_TOOLS")), "jupyter_client missing: apt-get install jupyter-client");
        assumeTrue(client, "jupyter_client not installed");
        Path jupyterPath = TestKernelSpec.install(dir);
        Path script = dir.resolve("kernel_over_zmq.py");
        try (var in = KernelOverZmqTest.class.getResourceAsStream("/kernel_over_zmq.py")) {
            Files.copy(in, script);
        }
        Path run = KernelEvalTest.runFolder(dir.resolve("run"), 0.8);
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", script.toString(), run.toString()).redirectErrorStream(true);
        pb.environment().put("JUPYTER_PATH", jupyterPath.toString());
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "timed out:\n" + log);
        assertEquals(0, p.exitValue(), log);
        assertTrue(log.lines().anyMatch(l -> l.startsWith("COMPLETE ") && l.contains("records") && l.endsWith(" 9 12")), log);
        assertTrue(log.contains("INSPECT True") && log.contains("Tablesaw tables"), log);
        assertTrue(log.lines().anyMatch(l -> l.matches("TIME \"wall time: [0-9.]+ ms\\\\n\"")), log);
        assertTrue(log.lines().anyMatch(l -> l.startsWith("RECORDS ") && l.contains("<table") && l.contains("c-r3")), log);
        assertTrue(log.contains("REPLY kernel_info_reply kernel_info_request"), log);
        assertTrue(log.contains("dropped a shell message: invalid signature") && log.contains("dropped a shell message: malformed JSON"), log);
    }
}
