package org.signkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.core.Json;

/** {@code signkit train} and {@code eval} end to end on synthetic videos turned into frames by the CLI itself. */
class TrainCommandTest {

    @TempDir
    static Path dir;

    private static Path frames;

    @BeforeAll
    static void framesFromSyntheticVideos() throws Exception {
        Console.out(0, "synth", "--out", dir.resolve("syn").toString(), "--signs", "3", "--signers", "2", "--takes", "2",
                "--capture", "30", "--size", "96x160");
        frames = dir.resolve("frames");
        Console.out(0, "frames", dir.resolve("syn/videos/capture30").toString(), "-o", frames.toString(), "--fps", "5",
                "--size", "48");
    }

    @Test
    void trainsWritesAModelCardAndEvaluatesIt() throws Exception {
        Path model = dir.resolve("model");
        String out = Console.out(0, "train", "--frames", frames.toString(), "-o", model.toString(), "--model", "baseline-cnn",
                "--size", "32", "--epochs", "1", "--batch", "8", "--seed", "4");
        assertTrue(out.contains("test split: "), out);
        assertTrue(Files.isRegularFile(model.resolve("model.zip")));
        String card = Files.readString(model.resolve("model.json"));
        assertTrue(card.contains("\"format\" : \"signkit-model/1\"") && card.contains("\"manifestSha256\""), card);
        // --engine auto (the default) trains the baseline CNN on the oneDNN engine, and the card says so.
        assertTrue(card.contains("\"engine\" : \"onednn\""), card);
        Path report = dir.resolve("eval.json");
        String eval = Console.out(0, "eval", "--model", model.toString(), "--frames", frames.toString(), "--json",
                report.toString());
        assertTrue(eval.contains("true \\ predicted") && eval.contains("precision"), eval);
        assertEquals(Files.readAllLines(frames.resolve("manifest.csv")).size() - 1,
                ((Number) Json.read(report, java.util.Map.class).get("frames")).intValue());
    }

    @Test
    void theKeypointModelTrainsOnTheTakesPoseFilesAndEvaluatesPerTake() throws Exception {
        Path model = dir.resolve("keypoints");
        // Without the pose files: the error names the file and the command that writes them.
        String err = Console.err(2, "train", "--frames", frames.toString(), "-o", model.toString(), "--model", "keypoints",
                "--size", "16", "--epochs", "1");
        assertTrue(err.contains(".pose") && err.contains("signkit pose"), err);
        Console.out(0, "pose", frames.toString(), "--hands", "truth", "--truth", dir.resolve("syn/truth/capture30").toString());
        String out = Console.out(0, "train", "--frames", frames.toString(), "-o", model.toString(), "--model", "keypoints",
                "--size", "16", "--epochs", "3", "--batch", "4", "--seed", "2");
        // 3 signs x 2 signers x 2 takes; each sample is a take, so the test split counts takes.
        assertTrue(out.contains("test split: 3 frames") && out.contains("3 takes"), out);
        Path report = dir.resolve("eval-keypoints.json");
        Console.out(0, "eval", "--model", model.toString(), "--frames", frames.toString(), "--json", report.toString());
        assertEquals(12, ((Number) Json.read(report, java.util.Map.class).get("frames")).intValue(), "12 takes");
        err = Console.err(2, "explain", "--model", model.toString(), "--frames", frames.toString(), "-o",
                dir.resolve("lime").toString());
        assertTrue(err.contains("keypoint model"), err);
    }

    @Test
    void badInputNamesTheFileAndTheFix() throws Exception {
        Path missing = dir.resolve("nowhere");
        String err = Console.err(2, "train", "--frames", missing.toString(), "-o", dir.resolve("m2").toString());
        assertTrue(err.contains(missing.toString()) && err.contains("signkit frames"), err);
        err = Console.err(2, "train", "--frames", frames.toString(), "-o", dir.resolve("m3").toString(), "--model", "resnet");
        assertTrue(err.contains("unknown model 'resnet'"), err);
        err = Console.err(2, "train", "--frames", frames.toString(), "-o", dir.resolve("m4").toString(), "--engine", "cuda");
        assertTrue(err.contains("unknown engine 'cuda'") && err.contains("auto, onednn or dl4j"), err);
        err = Console.err(2, "eval", "--model", dir.resolve("nomodel").toString(), "--frames", frames.toString());
        assertTrue(err.contains("model.zip") && err.contains("signkit train"), err);
    }
}
