package org.signkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.pose.HandPoseComponents;
import org.signkit.pose.PoseFile;

/** {@code signkit pose} on the real signing clip of {@code ../shared/data/real/} (MIT, sign-language-processing/pose). */
class PoseCommandTest {

    @TempDir
    Path dir;

    @Test
    void theRealClipGivesThePoseFileWithTheFaceInEveryFrameAndHandsWhileSigning() throws Exception {
        Path clip = SharedData.realClipWithHandModels();
        Files.createDirectories(dir.resolve("in/SIGN"));
        Files.copy(clip, dir.resolve("in/SIGN/real_1.mp4"));
        String out = Console.out(0, "pose", dir.resolve("in").toString(), "-o", dir.resolve("pose").toString());
        assertTrue(out.startsWith("1 pose files, 58 frames"), out);
        PoseFile pose = PoseFile.read(dir.resolve("pose/SIGN/real_1.pose"));
        assertEquals(58, pose.body().frames());
        assertEquals(540, pose.header().width());
        assertEquals(720, pose.header().height());
        int face = pose.header().offset(HandPoseComponents.FACE_BOX);
        int left = pose.header().offset(HandPoseComponents.LEFT_HAND);
        int right = pose.header().offset(HandPoseComponents.RIGHT_HAND);
        int midWithHand = 0;
        for (int f = 0; f < 58; f++) {
            assertTrue(pose.body().confidence(pose.header(), f, 0, face) > 0.5, "face in frame " + f);
            boolean hand = pose.body().confidence(pose.header(), f, 0, left) > 0 || pose.body().confidence(pose.header(), f, 0, right) > 0;
            if (f < 8 || f >= 50) {
                assertTrue(!hand, "frame " + f + ": the signer is at rest, hands down out of view");
            } else if (f >= 17 && f < 43) {
                midWithHand += hand ? 1 : 0;
            }
        }
        assertTrue(midWithHand >= 13, midWithHand + " of the 26 mid-sign frames show a hand");
    }
}
