package org.signkit.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.core.BadInputException;

/** Labels that would leave the output folder, rows for missing videos, empty trees and symlinked folders. */
class HostileInputTest {

    @TempDir
    Path dir;

    private Path video(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        PatternVideo.write(file, new PatternVideo.Spec(TestVideos.W, TestVideos.H, new Rational(30, 1), 10, 0, false));
        return file;
    }

    @Test
    void aMappingRowWithADotDotSignIsAnErrorNamingTheLine() throws Exception {
        video(dir.resolve("in/clip.mp4"));
        Path mapping = Files.writeString(dir.resolve("map.csv"), "video,sign,signer,take\nclip.mp4,..,s1,1\n");
        BadInputException e = assertThrows(BadInputException.class, () -> VideoCatalog.list(dir.resolve("in"), mapping));
        assertTrue(e.getMessage().contains("map.csv") && e.getMessage().contains("line 2") && e.getMessage().contains("sign '..'"),
                e.getMessage());
    }

    @Test
    void aMappingRowForAMissingVideoIsReported() throws Exception {
        video(dir.resolve("in/clip.mp4"));
        Path mapping = Files.writeString(dir.resolve("map.csv"), "video,sign,signer,take\nclip.mp4,A,s1,1\ngone.mp4,B,s1,1\n");
        VideoCatalog.Listing l = VideoCatalog.list(dir.resolve("in"), mapping);
        assertEquals(1, l.videos().size());
        assertEquals(1, l.problems().size());
        assertTrue(l.problems().get(0).getMessage().contains("the row for 'gone.mp4' names no video"), l.problems().get(0).getMessage());
    }

    @Test
    void anEmptyTreeIsAnError() throws Exception {
        Files.createDirectories(dir.resolve("empty/A"));
        Files.writeString(dir.resolve("empty/A/notes.txt"), "x");
        BadInputException e = assertThrows(BadInputException.class, () -> VideoCatalog.list(dir.resolve("empty"), null));
        assertTrue(e.getMessage().contains("no videos here") && e.getMessage().contains("1 other files ignored"), e.getMessage());
    }

    @Test
    void symlinkedSignFoldersAreFollowedAndLoopsReported() throws Exception {
        video(dir.resolve("elsewhere/B/s1_1.mp4"));
        video(dir.resolve("in/A/s1_1.mp4"));
        Files.createSymbolicLink(dir.resolve("in/B"), dir.resolve("elsewhere/B"));
        assertEquals(2, VideoCatalog.list(dir.resolve("in"), null).videos().size());
        Files.createSymbolicLink(dir.resolve("in/A/loop"), dir.resolve("in"));
        BadInputException e = assertThrows(BadInputException.class, () -> VideoCatalog.list(dir.resolve("in"), null));
        assertTrue(e.getMessage().contains("loops back"), e.getMessage());
    }
}
