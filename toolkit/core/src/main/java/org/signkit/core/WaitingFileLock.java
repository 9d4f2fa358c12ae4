package org.signkit.core;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a file that waits for its holder: between processes (an operating-system lock, released when
 * the holder dies, as cluster tasks on a shared file system need) and between threads of one process (which the
 * operating system does not tell apart, so they wait here). For work several tasks may start at once, such as one
 * trial index or the shared derived-data cache.
 */
public final class WaitingFileLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private WaitingFileLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits until {@code file} (created if needed) is free, then holds it. */
    public static WaitingFileLock acquire(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            while (true) {
                try {
                    return new WaitingFileLock(ch, ch.lock());
                } catch (OverlappingFileLockException e) {
                    // Another thread of this process holds it.
                    Thread.sleep(100);
                }
            }
        } catch (InterruptedException e) {
            ch.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + file, e);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
