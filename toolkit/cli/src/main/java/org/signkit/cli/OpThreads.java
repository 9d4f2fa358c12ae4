package org.signkit.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a command in a child JVM whose native ops use a set number of OpenMP threads. ND4J and oneDNN
 * read {@code OMP_NUM_THREADS} once, when their natives load, so it cannot be changed in a running JVM;
 * a small network on 2 cores trains 1.8x faster with one op thread (the other core decodes frames),
 * see docs/BENCHMARKS.md.
 */
final class OpThreads {

    private static final String MARK = "SIGNKIT_OP_THREADS_SET";

    private OpThreads() {
    }

    /** True when {@code threads} asks for a thread count this JVM's natives were not started with. */
    static boolean needsRelaunch(int threads) {
        return threads > 0 && System.getenv(MARK) == null
                && !String.valueOf(threads).equals(System.getenv("OMP_NUM_THREADS"));
    }

    /** Reruns this process's command line in a child JVM with {@code OMP_NUM_THREADS=threads}; its exit code. */
    static int relaunch(int threads, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(SignkitCommand.class.getName());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        pb.environment().put(MARK, "1");
        return pb.start().waitFor();
    }
}
