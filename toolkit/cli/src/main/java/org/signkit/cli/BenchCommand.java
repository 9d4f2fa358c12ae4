package org.signkit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code signkit bench}: throughput benchmarks, each against its usual peer in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks against the peer tool, measured in the same run (results go to docs/BENCHMARKS.md).",
        subcommands = {FramesBenchmark.class, AugmentBenchmark.class, SegmentBenchmark.class, TrainBenchmark.class, AccuracyBenchmark.class,
                ExplainBenchmark.class, FidelityBenchmark.class})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
