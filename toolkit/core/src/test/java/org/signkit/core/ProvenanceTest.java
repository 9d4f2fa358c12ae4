package org.signkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Provenance names the code that runs: the commit the build recorded, not whatever repository the process stands in. */
class ProvenanceTest {

    @Test
    void theRecordedCommitIsTheBuildsHead() throws Exception {
        Process git = new ProcessBuilder("git", "rev-parse", "HEAD").start();
        String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, git.waitFor());
        Provenance p = Provenance.current();
        assertTrue(p.gitCommit().matches("[0-9a-f]{40}"), p.gitCommit());
        // The build and this test run on the same checkout (mvn verify), so the build's commit is HEAD.
        assertEquals(head, p.gitCommit());
        assertEquals(SignkitVersion.commit(), p.gitCommit());
        assertTrue(SignkitVersion.current().matches("\\d+\\.\\d+\\.\\d+.*"), SignkitVersion.current());
    }
}
