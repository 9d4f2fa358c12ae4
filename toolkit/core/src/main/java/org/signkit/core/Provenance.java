package org.signkit.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Where a result came from: the toolkit version and the commit its code was built from (and whether that build
 * had uncommitted changes), the Java runtime and the machine. Recorded in every model and trial record.
 *
 * @param signkit   toolkit version
 * @param gitCommit commit the running code was built from, or "unknown"
 * @param gitDirty  true when that build had uncommitted changes
 * @param java      Java runtime version
 * @param os        operating system and architecture
 * @param cpus      processors available to the JVM
 */
public record Provenance(String signkit, String gitCommit, boolean gitDirty, String java, String os, int cpus) {

    /** The provenance of this process: the running code's build, not the working directory's repository. */
    public static Provenance current() {
        return new Provenance(SignkitVersion.current(), SignkitVersion.commit(), SignkitVersion.dirty(),
                System.getProperty("java.version"), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors());
    }
}
