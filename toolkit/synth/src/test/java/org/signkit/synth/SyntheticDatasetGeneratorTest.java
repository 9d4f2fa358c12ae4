package org.signkit.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.core.Json;

class SyntheticDatasetGeneratorTest {

    @TempDir
    static Path dir;

    /** Four signs, one signer, one take, captured at 60 and at 30 FPS (separate takes), plus validation. */
    static final SynthOptions OPTIONS = new SynthOptions(4, 1, 1, List.of(60, 30), true, 360, 640, 7, 2);

    static SyntheticDatasetGenerator.Summary first;

    @BeforeAll
    static void generate() throws Exception {
        first = new SyntheticDatasetGenerator(OPTIONS).generate(dir.resolve("a"), (j, r, d, t) -> { });
    }

    @Test
    void writesTheLayoutFramesReadsWithTruthAndCard() throws Exception {
        assertEquals(12, first.videos());
        for (String group : new String[] {"capture60", "capture30", "validation"}) {
            for (String sign : new String[] {"OBRIGADO", "BOM_DIA", "AGUA", "NOME"}) {
                assertTrue(Files.size(dir.resolve("a/videos/" + group + "/" + sign + "/s1_1.mp4")) > 1000, group + sign);
                JsonNode truth = Json.mapper().readTree(dir.resolve("a/truth/" + group + "/" + sign + "/s1_1.json").toFile());
                assertEquals(sign, truth.path("truth").path("sign").asText());
                int frames = SynthTestFrames.decode(dir.resolve("a/videos/" + group + "/" + sign + "/s1_1.mp4")).size();
                assertEquals(frames, truth.path("truth").path("frames").size(), "one truth entry per decoded frame");
            }
        }
        String card = Files.readString(dir.resolve("a/dataset.yaml"));
        assertTrue(card.contains("capture60: 4") && card.contains("validation: 4"), card);
    }

    @Test
    void theSignerGroupAddsMoreSignersWithoutChangingTheOtherRecordings() {
        SynthOptions plain = new SynthOptions(2, 2, 2, List.of(30), true, 96, 160, 7, 1);
        SynthOptions more = new SynthOptions(2, 2, 2, List.of(30), true, 96, 160, 7, 1, 3);
        List<SyntheticDatasetGenerator.Job> without = new SyntheticDatasetGenerator(plain).jobs();
        List<SyntheticDatasetGenerator.Job> with = new SyntheticDatasetGenerator(more).jobs();
        List<SyntheticDatasetGenerator.Job> group = with.stream().filter(j -> j.group().equals("signers3")).toList();
        assertEquals(2 * 3 * 2, group.size(), "2 signs x 3 signers x 2 takes");
        assertTrue(group.stream().anyMatch(j -> j.signer().id().equals("s3")));
        // (Jobs hold arrays: compare what names and seeds a video.)
        assertEquals(without.stream().map(j -> j.stem() + "#" + j.seed()).toList(),
                with.stream().filter(j -> !j.group().equals("signers3")).map(j -> j.stem() + "#" + j.seed()).toList());
    }

    @Test
    void sameSeedGivesIdenticalDecodedFrames() throws Exception {
        SynthOptions small = new SynthOptions(2, 1, 1, List.of(60, 30), true, 360, 640, 7, 2);
        new SyntheticDatasetGenerator(small).generate(dir.resolve("b"), (j, r, d, t) -> { });
        for (String rel : new String[] {"capture30/OBRIGADO/s1_1.mp4", "validation/BOM_DIA/s1_1.mp4"}) {
            List<Mat> x = SynthTestFrames.decode(dir.resolve("b/videos/" + rel));
            // The same video inside the bigger dataset "a": same seed, same name, same pixels.
            List<Mat> y = SynthTestFrames.decode(dir.resolve("a/videos/" + rel));
            assertEquals(x.size(), y.size());
            for (int i = 0; i < x.size(); i++) {
                assertEquals(0, opencv_core.norm(x.get(i), y.get(i), opencv_core.NORM_INF, null), rel + " frame " + i);
            }
        }
    }

    @Test
    void aRerunReusesFinishedVideos() throws Exception {
        SyntheticDatasetGenerator.Summary again = new SyntheticDatasetGenerator(OPTIONS).generate(dir.resolve("a"), (j, r, d, t) -> { });
        assertEquals(12, again.reused());
        assertEquals(0, again.frames());
    }

    @Test
    void thirtyFpsCaptureIsBlurrierThanSixtyInTheHandBoxes() throws Exception {
        double sharp60 = 0;
        double sharp30 = 0;
        for (String sign : new String[] {"OBRIGADO", "BOM_DIA", "AGUA", "NOME"}) {
            sharp60 += handSharpness(dir.resolve("a"), "capture60", sign);
            sharp30 += handSharpness(dir.resolve("a"), "capture30", sign);
        }
        System.out.printf("variance of the Laplacian in moving-hand boxes: 60 FPS %.1f, 30 FPS %.1f%n", sharp60 / 4, sharp30 / 4);
        assertTrue(sharp30 < 0.85 * sharp60, "30 FPS " + sharp30 + " vs 60 FPS " + sharp60);
    }

    /** Mean variance of the Laplacian inside the right-hand box, over frames where that hand moves fast. */
    private static double handSharpness(Path root, String group, String sign) throws Exception {
        String stem = group + "/" + sign + "/s1_1";
        List<Mat> frames = SynthTestFrames.decode(root.resolve("videos/" + stem + ".mp4"));
        JsonNode truth = Json.mapper().readTree(root.resolve("truth/" + stem + ".json").toFile()).path("truth").path("frames");
        double sum = 0;
        int n = 0;
        double[] prev = null;
        for (int i = 0; i < frames.size(); i++) {
            JsonNode b = truth.get(i).path("rightHand");
            double[] c = {(b.path("x0").asInt() + b.path("x1").asInt()) / 2.0, (b.path("y0").asInt() + b.path("y1").asInt()) / 2.0};
            int fps = group.equals("capture60") ? 60 : 30;
            double speed = prev == null ? 0 : Math.hypot(c[0] - prev[0], c[1] - prev[1]) * fps;
            prev = c;
            if (speed < 300) {
                continue;
            }
            try (Mat gray = new Mat(); Mat lap = new Mat(); Mat mean = new Mat(); Mat sd = new Mat();
                 Rect roi = new Rect(b.path("x0").asInt(), b.path("y0").asInt(),
                         b.path("x1").asInt() - b.path("x0").asInt(), b.path("y1").asInt() - b.path("y0").asInt());
                 Mat hand = new Mat(frames.get(i), roi)) {
                opencv_imgproc.cvtColor(hand, gray, opencv_imgproc.COLOR_BGR2GRAY);
                opencv_imgproc.Laplacian(gray, lap, opencv_core.CV_64F);
                opencv_core.meanStdDev(lap, mean, sd);
                double s = sd.ptr(0).getDouble();
                sum += s * s;
                n++;
            }
        }
        assertTrue(n >= 3, stem + ": too few fast-moving frames (" + n + ")");
        return sum / n;
    }
}
