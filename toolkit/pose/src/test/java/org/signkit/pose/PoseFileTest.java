package org.signkit.pose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.core.BadInputException;

/**
 * The pose-format layout against the real MediaPipe file of {@code ../shared/data/real/mediapipe.pose} (MIT,
 * sign-language-processing/pose) and against pose-format's own JavaScript reader.
 */
class PoseFileTest {

    @TempDir
    Path dir;

    static Path shared(String name) {
        for (String up : new String[] {"../shared", "../../shared", "../../../shared"}) {
            Path p = Path.of(up, "data/real", name);
            if (Files.isRegularFile(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new AssertionError("../shared/data/real/" + name + " missing");
    }

    @Test
    void theRealMediaPipeFileReadsAndWritesBackByteIdentical() throws Exception {
        Path real = shared("mediapipe.pose");
        PoseFile pose = PoseFile.read(real);
        assertEquals(0.1f, pose.header().version());
        assertEquals(List.of("POSE_LANDMARKS", "FACE_LANDMARKS", "LEFT_HAND_LANDMARKS", "RIGHT_HAND_LANDMARKS"),
                pose.header().components().stream().map(PoseComponent::name).toList());
        assertEquals(178, pose.header().points());
        assertEquals(3, pose.header().dims());
        assertEquals(24, pose.body().fps());
        assertEquals(170, pose.body().frames());
        assertEquals(1, pose.body().people());
        assertEquals("WRIST", pose.header().components().get(2).points().get(0));
        Path back = dir.resolve("back.pose");
        pose.write(back);
        assertArrayEquals(Files.readAllBytes(real), Files.readAllBytes(back), "read then written: the same bytes");
    }

    @Test
    void aTruncatedOrForeignFileIsRefusedNamingIt() throws Exception {
        byte[] real = Files.readAllBytes(shared("mediapipe.pose"));
        Path cut = dir.resolve("cut.pose");
        Files.write(cut, Arrays.copyOf(real, real.length - 7));
        BadInputException e = assertThrows(BadInputException.class, () -> PoseFile.read(cut));
        assertTrue(e.getMessage().startsWith(cut.toString()) && e.getMessage().contains("truncated"), e.getMessage());
        Path text = dir.resolve("text.pose");
        Files.writeString(text, "not a pose file at all");
        assertThrows(BadInputException.class, () -> PoseFile.read(text));
        Path header = dir.resolve("header.pose");
        Files.write(header, Arrays.copyOf(real, 40));
        assertTrue(assertThrows(BadInputException.class, () -> PoseFile.read(header)).getMessage().contains("not a pose-format file"));
    }

    /** A signkit-written (version 0.2) file, read by pose-format's JavaScript reader: same shape and values. */
    @Test
    void poseFormatsJavaScriptReaderReadsWhatSignkitWrites() throws Exception {
        boolean required = "1".equals(System.getenv("SIGNKIT_REQUIRE_TOOLS"));
        Path js = jsPackage();
        boolean node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start().waitFor() == 0;
        Assumptions.assumeTrue(required || (node && js != null), "needs node and npm pose-format@1.6.2 (see .ci/run)");
        assertTrue(js != null, "pose-format@1.6.2 not installed: npm install --prefix ~/.cache/signkit/pose-format-js pose-format@1.6.2");
        PoseFile real = PoseFile.read(shared("mediapipe.pose"));
        int frames = 12;
        int points = real.header().points();
        float[] data = Arrays.copyOf(real.body().data(), frames * points * 3);
        float[] confidence = Arrays.copyOf(real.body().confidence(), frames * points);
        confidence[5] = 0;
        data[15] = Float.NaN;
        PoseHeader header = new PoseHeader(PoseFile.VERSION, 720, 540, 0, real.header().components());
        PoseFile mine = new PoseFile(header, new PoseBody(29.97f, frames, 1, data, confidence));
        Path file = dir.resolve("signkit.pose");
        mine.write(file);
        Path script = Path.of(PoseFileTest.class.getResource("/read-pose.mjs").toURI());
        Process p = new ProcessBuilder("node", script.toString(), js.toString(), file.toString()).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes());
        assertEquals(0, p.waitFor(), err);
        JsonNode read = new ObjectMapper().readTree(out);
        assertEquals(0.2, read.get("version").asDouble(), 1e-6);
        assertEquals(720, read.get("width").asInt());
        assertEquals(540, read.get("height").asInt());
        assertEquals(29.97f, (float) read.get("fps").asDouble());
        assertEquals(header.components().size(), read.get("components").size());
        for (int c = 0; c < header.components().size(); c++) {
            PoseComponent pc = header.components().get(c);
            JsonNode jc = read.get("components").get(c);
            assertEquals(pc.name(), jc.get("name").asText());
            assertEquals(pc.points().size(), jc.get("points").size());
            assertEquals(pc.limbs().size(), jc.get("limbs").size());
        }
        assertEquals(frames, read.get("frames").size());
        int checked = 0;
        for (int f = 0; f < frames; f++) {
            int k = 0;
            for (int c = 0; c < header.components().size(); c++) {
                JsonNode jc = read.get("frames").get(f).get(0).get(c);
                for (int i = 0; i < header.components().get(c).points().size(); i++, k++) {
                    JsonNode pt = jc.get(i);
                    for (int d = 0; d < 3; d++) {
                        float want = mine.body().value(header, f, 0, k, d);
                        JsonNode v = pt.get(d);
                        assertTrue(Float.isNaN(want) ? v.isNull() : (float) v.asDouble() == want, "frame " + f + " point " + k + " dim " + d);
                    }
                    assertEquals(mine.body().confidence(header, f, 0, k), (float) pt.get(3).asDouble());
                    checked++;
                }
            }
        }
        assertEquals(frames * points, checked);
    }

    private static Path jsPackage() {
        String env = System.getenv("SIGNKIT_POSE_FORMAT_JS");
        Path p = env != null ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache/signkit/pose-format-js");
        return Files.isRegularFile(p.resolve("node_modules/pose-format/package.json")) ? p : null;
    }
}
