package org.signkit.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code signkit experiment run | analyse} on a tiny spec over synthetic videos made by the CLI. */
class ExperimentCommandTest {

    @TempDir
    static Path dir;

    private static String spec;

    @BeforeAll
    static void data() throws Exception {
        Console.out(0, "synth", "--out", dir.resolve("syn").toString(), "--signs", "2", "--signers", "2", "--takes", "2",
                "--capture", "30", "--size", "96x160");
        spec = """
                name: cli-tiny
                dataset: %s
                frames: {size: 32}
                defaults: {capture: capture30, fps: 5}
                conditions:
                  - {name: plain}
                  - {name: flipped, augmentation: horizontal_flip}
                training: {model: baseline-cnn, size: 16, epochs: 1, batch: 8, split: take}
                repeats: 2
                metrics: [test_accuracy]
                analysis:
                  - {test: ttest, metric: test_accuracy, groups: [plain, flipped]}
                """.formatted(dir.resolve("syn"));
    }

    @Test
    void runsAnalysesAndReanalyses() throws Exception {
        Path file = Files.writeString(dir.resolve("tiny.yaml"), spec);
        Path run = dir.resolve("run");
        String out = Console.out(0, "experiment", "run", file.toString(), "-o", run.toString());
        assertTrue(out.contains("| plain | 2 |") && out.contains("| flipped | 2 |") && out.contains("Welch"), out);
        assertTrue(Files.readAllLines(run.resolve("records.jsonl")).size() == 4);
        String again = Console.out(0, "experiment", "analyse", run.toString());
        assertTrue(again.contains("| plain | 2 |"), again);
    }

    @Test
    void aTypoNamesFileLineAndKey() throws Exception {
        Path file = Files.writeString(dir.resolve("typo.yaml"), spec.replace("repeats: 2", "repeat: 2"));
        String err = Console.err(2, "experiment", "run", file.toString(), "-o", dir.resolve("x").toString());
        assertTrue(err.contains("typo.yaml: line 9: repeat: unknown key") && err.contains("repeats"), err);
        err = Console.err(2, "experiment", "analyse", dir.resolve("nothing").toString());
        assertTrue(err.contains("spec.json"), err);
    }
}
