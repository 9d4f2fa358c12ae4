package org.signkit.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The running toolkit's version and the commit it was built from, recorded in every output it writes so results
 * can be traced to the code that made them. The build writes them ({@code org/signkit/core/build.properties},
 * git-commit-id-maven-plugin), so they name the jar that runs, wherever it runs.
 */
public final class SignkitVersion {

    private static final Properties BUILD = load();

    private SignkitVersion() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = SignkitVersion.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // An unreadable resource leaves the values "unknown": provenance must never stop a run.
        }
        return p;
    }

    /** The version the build recorded, or "dev" when the classes were not built by Maven. */
    public static String current() {
        return BUILD.getProperty("git.build.version", "dev");
    }

    /** The commit the running code was built from, or "unknown" (built outside a git checkout). */
    public static String commit() {
        return BUILD.getProperty("git.commit.id", "unknown");
    }

    /** Whether the build's working tree had uncommitted changes. */
    public static boolean dirty() {
        return Boolean.parseBoolean(BUILD.getProperty("git.dirty", "false"));
    }

    /** {@code 0.1.0-SNAPSHOT (commit 163a14e..., uncommitted changes)}. */
    public static String describe() {
        return current() + " (commit " + commit() + (dirty() ? ", built with uncommitted changes" : "") + ")";
    }
}
