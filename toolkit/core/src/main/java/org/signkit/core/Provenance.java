package org.signkit.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Where a result came from: the toolkit version, the git commit of the working tree (and whether it had
 * uncommitted changes), the Java runtime and the machine. Recorded in every model and trial record.
 *
 * @param signkit   toolkit version
 * @param gitCommit commit of the working directory's repository, or "unknown" outside one
 * @param gitDirty  true when tracked files had uncommitted changes
 * @param java      Java runtime version
 * @param os        operating system and architecture
 * @param cpus      processors available to the JVM
 */
public record Provenance(String signkit, String gitCommit, boolean gitDirty, String java, String os, int cpus) {

    /** The provenance of this process, with git read from the current directory. */
    public static Provenance current() {
        return of(Path.of("").toAbsolutePath());
    }

    /** The provenance with git read from {@code dir}. */
    public static Provenance of(Path dir) {
        String commit = git(dir, "rev-parse", "HEAD");
        String status = commit == null ? null : git(dir, "status", "--porcelain", "--untracked-files=no");
        return new Provenance(SignkitVersion.current(), commit == null ? "unknown" : commit,
                status != null && !status.isEmpty(), System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors());
    }

    private static String git(Path dir, String... args) {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "git";
        cmd[1] = "-C";
        cmd[2] = dir.toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            p.getOutputStream().close();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            p.getErrorStream().close();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null; // no git on this machine: provenance says "unknown"
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
