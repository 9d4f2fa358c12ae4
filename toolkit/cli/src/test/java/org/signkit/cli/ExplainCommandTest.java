package org.signkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.core.Json;

/** {@code signkit explain} on a model trained by the CLI on synthetic frames, with the pointing game on the truth. */
class ExplainCommandTest {

    @TempDir
    Path dir;

    @Test
    void explainsAFewFramesPerSignWithTrustScoresAndAGallery() throws Exception {
        Console.out(0, "synth", "--out", dir.resolve("syn").toString(), "--signs", "2", "--signers", "1", "--takes", "2",
                "--capture", "30", "--size", "96x160");
        Path frames = dir.resolve("frames");
        Console.out(0, "frames", dir.resolve("syn/videos/capture30").toString(), "-o", frames.toString(), "--fps", "5",
                "--size", "48");
        Path model = dir.resolve("model");
        Console.out(0, "train", "--frames", frames.toString(), "-o", model.toString(), "--model", "baseline-cnn", "--size",
                "32", "--epochs", "1", "--batch", "8");
        Path out = dir.resolve("explain");
        String s = Console.out(0, "explain", "--model", model.toString(), "--frames", frames.toString(), "-o", out.toString(),
                "--per-class", "1", "--samples", "80", "--segmentation", "slic", "--reruns", "2",
                "--truth", dir.resolve("syn/truth/capture30").toString());
        assertTrue(s.contains("2 explanations") && s.contains("mean pointing"), s);
        JsonNode j = Json.mapper().readTree(out.resolve("explanations.json").toFile());
        assertEquals(2, j.get("entries").size());
        for (JsonNode e : j.get("entries")) {
            assertTrue(Files.isRegularFile(out.resolve(e.get("image").asText())), e.toString());
            double pointing = e.get("trust").get("pointing").asDouble();
            assertTrue(pointing == 0 || pointing == 1, e.toString());
            double stability = e.get("trust").get("stability").asDouble();
            assertTrue(stability >= 0 && stability <= 1, e.toString());
        }
        assertEquals(80, j.get("settings").get("samples").asInt());
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("<img src=\"") && !html.contains("<script"), html);
    }
}
