package org.signkit.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One writer per output folder: {@code .signkit.lock} holds the owner's PID, command and start time, created
 * atomically. A second run into the same folder stops with an error naming the owner; a lock whose process is
 * gone (a killed run) is stale and taken over, which the caller is told about. Closing releases it.
 */
public final class OutputLock implements AutoCloseable {

    /** The lock file's name inside the output folder. */
    public static final String FILE_NAME = ".signkit.lock";

    private final Path file;
    private final String stale;

    private OutputLock(Path file, String stale) {
        this.file = file;
        this.stale = stale;
    }

    /** Takes the lock of {@code folder} (created if needed) for {@code command}. */
    public static OutputLock acquire(Path folder, String command) throws IOException {
        OutputFolder.prepare(folder);
        Path file = folder.resolve(FILE_NAME);
        long pid = ProcessHandle.current().pid();
        String content = pid + "\n" + command.replace('\n', ' ') + "\n" + Instant.now() + "\n";
        String note = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Files.writeString(file, content, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE);
                return new OutputLock(file, note);
            } catch (FileAlreadyExistsException e) {
                List<String> owner = readOwner(file);
                long ownerPid = parsePid(owner);
                String what = owner.size() > 1 ? owner.get(1) : "?";
                if (ownerPid > 0 && ProcessHandle.of(ownerPid).map(ProcessHandle::isAlive).orElse(false)) {
                    throw new BadInputException(folder, "in use by another signkit run: PID " + ownerPid + " (" + what + ", since "
                            + (owner.size() > 2 ? owner.get(2) : "?") + ")", "wait for it to finish, or give another output folder");
                }
                // The owner is gone (a killed run): the lock is stale.
                note = "a stale lock of PID " + ownerPid + " (" + what + ") was taken over";
                Files.deleteIfExists(file);
            }
        }
        throw new BadInputException(folder, "could not take the output lock " + FILE_NAME, "remove it if no signkit run is writing here");
    }

    private static List<String> readOwner(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long parsePid(List<String> owner) {
        try {
            return owner.isEmpty() ? -1 : Long.parseLong(owner.get(0).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** What was found when taking the lock (a stale one taken over), or null. */
    public String staleNote() {
        return stale;
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
