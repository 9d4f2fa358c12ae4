package org.signkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Labels, names and manifest rows never become a path outside their folder. */
class PathNamesTest {

    @TempDir
    Path dir;

    @Test
    void hostileComponentsAreRefusedWithTheReason() {
        for (String bad : List.of("..", ".", "", "a/b", "a\\b", "CON", "nul.txt", " lead", "tab\there")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PathNames.component(bad, "sign"), bad);
            assertTrue(e.getMessage().startsWith("sign"), e.getMessage());
        }
        assertEquals("OBRIGADO", PathNames.component("OBRIGADO", "sign"));
        assertEquals("ação-2.v1", PathNames.component("ação-2.v1", "sign"));
    }

    @Test
    void relativePathsStayUnderTheirRoot() {
        assertEquals(dir.toAbsolutePath().resolve("A/s1_1/000001.jpg"), PathNames.within(dir, "A/s1_1/000001.jpg", "frame_path"));
        for (String bad : List.of("../../file", "/etc/passwd", "A/../../x", "C:/x", "A//b")) {
            assertThrows(IllegalArgumentException.class, () -> PathNames.within(dir, bad, "frame_path"), bad);
        }
    }

    @Test
    void aLabelOrAManifestRowThatLeavesItsFolderIsRefused() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> new SampleLabel("..", "s1", "1"));
        Path manifest = dir.resolve("manifest.csv");
        FrameManifest.write(manifest, List.of(new FrameRecord("A/s1_1/000001.jpg", new SampleLabel("A", "s1", "1"), "A/s1_1.mp4",
                0, 0, 30, "1", false, "", "none")));
        Files.writeString(manifest, Files.readString(manifest).replace("A/s1_1/000001.jpg", "../../file"));
        BadInputException e = assertThrows(BadInputException.class, () -> FrameManifest.read(manifest));
        assertTrue(e.getMessage().contains("manifest.csv") && e.getMessage().contains("frame_path"), e.getMessage());
    }
}
