package org.signkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.experiment.ExperimentRunner;
import org.signkit.experiment.ExperimentSpec;
import org.signkit.experiment.TrialRecord;
import org.signkit.experiment.TrialRecords;
import org.signkit.synth.SynthOptions;
import org.signkit.synth.SyntheticDatasetGenerator;

/**
 * The emitted Slurm array on a real single-node Slurm (Debian {@code slurm-wlm} and {@code munge}, started by
 * {@code .ci/run}, which then sets {@code SIGNKIT_SLURM=1}): a tiny spec of 6 trials, 2 at a time; one task is cancelled
 * in the middle of its trial and resubmitted alone; the aggregated records equal those of {@code experiment run} on
 * one machine.
 */
class SlurmArrayTest {

    @TempDir
    Path dir;

    @Test
    void theArrayWithAKilledAndResubmittedTaskGivesTheRecordsOfOneMachine() throws Exception {
        Path jar = Path.of("target/signkit.jar").toAbsolutePath();
        boolean slurm = "1".equals(System.getenv("SIGNKIT_SLURM"));
        Assumptions.assumeTrue(slurm, "no single-node Slurm here (.ci/run starts one and sets SIGNKIT_SLURM=1)");
        assertTrue(Files.isRegularFile(jar), jar + " missing: the tasks run the packaged CLI (./signkit builds it)");
        new SyntheticDatasetGenerator(new SynthOptions(2, 2, 2, List.of(30), true, 96, 160, 5, 2))
                .generate(dir.resolve("data"), (j, r, d, t) -> { });
        Path spec = dir.resolve("tiny-cluster.yaml");
        Files.writeString(spec, """
                name: tiny-cluster
                question: Do three augmentations differ on a tiny set?
                dataset: %s
                validation: validation
                frames: {size: 48}
                defaults: {capture: capture30, fps: 10}
                conditions:
                  - {name: none, augmentation: none}
                  - {name: geometric, augmentation: geometric}
                  - {name: intensity, augmentation: intensity}
                training: {model: baseline-cnn, size: 24, epochs: 6, batch: 16, lr: 0.003, split: take}
                repeats: 2
                seed: 11
                metrics: [test_accuracy, validation_accuracy]
                """.formatted(dir.resolve("data")));
        List<TrialRecord> local = new ExperimentRunner(ExperimentSpec.load(spec, null), dir.resolve("run-local"), 1,
                new ExperimentRunner.Listener() { }).run();

        Path run = dir.resolve("run-slurm");
        assertTrue(Console.out(0, "experiment", "plan", spec.toString(), "-o", run.toString()).contains("6 trials -> "));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Console.out(0, "experiment", "emit", run.toString(), "--slurm", "--parallel", "2", "--cpus", "1", "--mem", "1G",
                "--time", "00:15:00", "--launcher", java + " -jar " + jar);
        String script = Files.readString(run.resolve("slurm.sbatch"));
        assertTrue(script.contains("#SBATCH --array=0-5%2") && script.contains("--index \"$SLURM_ARRAY_TASK_ID\""), script);

        String job = sh("sbatch", "--parsable", run.resolve("slurm.sbatch").toString()).strip();
        // Cancel task 3 once its first epoch's checkpoint is on disk: killed in the middle of its trial.
        Path checkpoints = run.resolve("trials").resolve(org.signkit.experiment.TrialPlan.read(run).trial(3).trial()).resolve("checkpoint");
        waitFor(() -> Files.isDirectory(checkpoints) && list(checkpoints).stream().anyMatch(p -> p.endsWith(".zip")), 300, "task 3's first epoch");
        sh("scancel", job + "_3");
        waitFor(() -> sh("squeue", "-h", "-j", job).isBlank(), 300, "the array to finish");
        assertFalse(Files.exists(run.resolve("records/3.json")), "task 3 was killed before its record");
        assertEquals(5, list(run.resolve("records")).stream().filter(n -> n.endsWith(".json")).count());
        String again = sh("sbatch", "--parsable", "--array=3", run.resolve("slurm.sbatch").toString()).strip();
        waitFor(() -> sh("squeue", "-h", "-j", again).isBlank(), 300, "the resubmitted task");

        String aggregated = Console.out(0, "experiment", "aggregate", run.toString());
        assertTrue(aggregated.contains("6 of 6 trials recorded"), aggregated);
        List<TrialRecord> cluster = new TrialRecords(run.resolve(TrialRecords.FILE_NAME)).latest();
        assertEquals(outcomes(local), outcomes(cluster), "the cluster's records are one machine's");
    }

    private static String outcomes(List<TrialRecord> records) {
        return records.stream().sorted(java.util.Comparator.comparing(TrialRecord::trial))
                .map(r -> r.trial() + " " + r.seed() + " " + r.configHash() + " " + r.dataSha256() + " " + r.status() + " "
                        + new java.util.TreeMap<>(r.metrics()).headMap("train_seconds") + " " + r.epochs().stream()
                        .map(e -> e.epoch() + ":" + e.trainLoss() + "/" + e.testAccuracy()).toList())
                .collect(Collectors.joining("\n"));
    }

    private static List<String> list(Path folder) {
        try (var s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String sh(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + ": " + out);
            return out;
        } catch (IOException e) {
            throw new AssertionError(String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier done, int seconds, String what) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "timed out after " + seconds + " s waiting for " + what);
            Thread.sleep(200);
        }
    }
}
