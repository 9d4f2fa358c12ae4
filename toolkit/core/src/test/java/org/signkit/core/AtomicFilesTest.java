package org.signkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporary() throws Exception {
        Path target = dir.resolve("out.txt");
        AtomicFiles.writeString(target, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary left behind");
        }
    }

    @Test
    void publishingADirectoryReplacesTheOldOne() throws Exception {
        Path target = dir.resolve("frames");
        Files.createDirectories(target);
        Files.writeString(target.resolve("stale.jpg"), "x");
        Path partial = AtomicFiles.partialSibling(target);
        Files.createDirectories(partial);
        Files.writeString(partial.resolve("000000.jpg"), "y");
        AtomicFiles.publishDirectory(partial, target);
        assertFalse(Files.exists(partial));
        assertFalse(Files.exists(target.resolve("stale.jpg")));
        assertEquals("y", Files.readString(target.resolve("000000.jpg")));
    }

    @Test
    void checksumsAreSha256() throws Exception {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Checksums.sha256("abc"));
        Path f = Files.writeString(dir.resolve("abc"), "abc");
        assertEquals(Checksums.sha256("abc"), Checksums.sha256(f));
    }
}
