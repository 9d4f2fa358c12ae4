package org.signkit.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.core.BadInputException;

class VideoProberTest {

    @TempDir
    Path dir;

    @Test
    void probeCountsFramesByDecodingAndReportsRates() throws Exception {
        Path v = dir.resolve("v.mp4");
        PatternVideo.write(v, new PatternVideo.Spec(TestVideos.W, TestVideos.H, new Rational(60000, 1001), 120, 90, true));
        VideoProbe p = VideoProber.probe(v);
        assertEquals(120, p.decodedFrames());
        assertEquals("h264", p.stream().codec());
        assertTrue(p.stream().container().contains("mp4"));
        assertEquals(new Rational(60000, 1001), p.stream().avgFrameRate());
        assertEquals(90, p.stream().rotation());
        assertEquals(TestVideos.W, p.stream().displayWidth());
        assertEquals(120 * 1001 / 60000.0, p.durationSeconds(), 1e-3);
        assertEquals(1001 / 60.0, p.meanFrameMs(), 0.01);
        assertFalse(p.variableFrameRate());
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope.mp4");
        BadInputException e = assertThrows(BadInputException.class, () -> VideoProber.probe(missing));
        assertEquals(missing, e.file());
        assertTrue(e.getMessage().contains("file not found"));
    }

    @Test
    void nonVideoIsNamed() throws Exception {
        Path text = Files.writeString(dir.resolve("x.mp4"), "hello");
        BadInputException e = assertThrows(BadInputException.class, () -> VideoProber.probe(text));
        assertTrue(e.getMessage().startsWith(text.toString()));
    }
}
