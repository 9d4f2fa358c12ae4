package org.signkit.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.core.FrameManifest;
import org.signkit.core.FrameRecord;

/**
 * signkit's frame selection equals {@code ffmpeg -vf fps=N} on the acceptance cases. The committed
 * fixture {@code ffmpeg-fps-selection.txt} holds what ffmpeg selected on these exact generated videos,
 * so the test also runs where ffmpeg is absent; where it is present, ffmpeg is run live as well.
 * Regenerate the fixture with {@code -Dsignkit.updateFixtures=true} (needs ffmpeg).
 */
class FfmpegSelectionTest {

    private static final String FIXTURE = "ffmpeg-fps-selection.txt";

    @TempDir
    static Path dir;

    static Map<String, List<Integer>> extracted = new LinkedHashMap<>();

    @BeforeAll
    static void extractEveryCase() throws Exception {
        ExtractionSettings png = new ExtractionSettings(null, FpsRounding.NEAR, FrameGeometry.native_(),
                new ImageEncoding("png", 90));
        for (TestVideos.Case c : TestVideos.CASES) {
            Path video = dir.resolve("in").resolve(c.name()).resolve("s1_1.mp4");
            PatternVideo.write(video, c.spec());
            ExtractionSettings s = new ExtractionSettings(Rational.parse(c.targetFps()), png.rounding(),
                    png.geometry(), png.encoding());
            Path out = dir.resolve("out-" + c.name());
            FrameExtractionJob.Summary summary = new FrameExtractionJob().run(
                    new FrameExtractionJob.Request(video, out, null, s, 1), ExtractionListener.NONE);
            assertEquals(0, summary.failures(), summary.toString());
            List<FrameRecord> rows = FrameManifest.read(out.resolve("manifest.csv"));
            extracted.put(c.name(), rows.stream().map(r -> (int) r.sourceFrameIndex()).toList());
            // The written picture is the frame the manifest names.
            for (FrameRecord r : rows.subList(0, Math.min(rows.size(), 40))) {
                try (Mat img = opencv_imgcodecs.imread(out.resolve(r.framePath()).toString())) {
                    assertEquals(r.sourceFrameIndex(), PatternVideo.readIndex(img, 1.0), r.framePath());
                }
            }
        }
    }

    @Test
    void selectionEqualsTheCommittedFfmpegFixture() throws IOException {
        Map<String, List<Integer>> fixture = readFixture();
        assertEquals(fixture.keySet(), extracted.keySet());
        for (String name : fixture.keySet()) {
            assertEquals(fixture.get(name), extracted.get(name), name);
        }
    }

    @Test
    void selectionEqualsLiveFfmpeg() throws Exception {
        if (!TestVideos.ffmpegAvailable()) {
            System.err.println("ffmpeg not on PATH: live comparison skipped, the fixture test still ran");
            return;
        }
        StringBuilder fixture = new StringBuilder("# source frame index per output frame of `ffmpeg -vf fps=N` (round=near)"
                + " on the PatternVideo cases of TestVideos; written by this test with -Dsignkit.updateFixtures=true\n");
        for (TestVideos.Case c : TestVideos.CASES) {
            Path video = dir.resolve("in").resolve(c.name()).resolve("s1_1.mp4");
            List<Integer> ff = TestVideos.ffmpegSelection(video, c.targetFps(), TestVideos.W, TestVideos.H);
            assertTrue(ff.size() > 10, c.name());
            assertEquals(ff, extracted.get(c.name()), c.name() + " differs from ffmpeg");
            fixture.append(c.name()).append(' ').append(ff.stream().map(String::valueOf)
                    .reduce((a, b) -> a + "," + b).orElse("")).append('\n');
        }
        if (Boolean.getBoolean("signkit.updateFixtures")) {
            Files.writeString(Path.of("src/test/resources", FIXTURE), fixture.toString());
        }
    }

    @Test
    void ntscToThirtyHasAStrideOfOne() {
        List<Integer> got = extracted.get("5994to30");
        long strideOne = java.util.stream.IntStream.range(1, got.size())
                .filter(i -> got.get(i) - got.get(i - 1) == 1).count();
        assertTrue(strideOne >= 1, "59.94 -> 30 must step by one frame at least once in 1100 frames");
    }

    private static Map<String, List<Integer>> readFixture() throws IOException {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        try (InputStream in = FfmpegSelectionTest.class.getResourceAsStream("/" + FIXTURE)) {
            if (in == null) {
                throw new IOException(FIXTURE + " missing from test resources");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" ", 2);
                List<Integer> idx = new ArrayList<>();
                Arrays.stream(parts[1].split(",")).map(Integer::parseInt).forEach(idx::add);
                out.put(parts[0], idx);
            }
        }
        return out;
    }
}
