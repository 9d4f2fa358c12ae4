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

    @Test
    void theSyntheticTruthGivesHandsAndBodyAndScoresItsOwnKeypointsExactly() throws Exception {
        Console.out(0, "synth", "--out", dir.resolve("syn").toString(), "--signs", "2", "--signers", "1", "--takes", "1",
                "--capture", "30", "--size", "96x160");
        Path frames = dir.resolve("frames");
        Console.out(0, "frames", dir.resolve("syn/videos/capture30").toString(), "-o", frames.toString(), "--fps", "10");
        String truth = dir.resolve("syn/truth/capture30").toString();
        String out = Console.out(0, "pose", frames.toString(), "--hands", "truth", "--truth", truth, "--score");
        assertTrue(out.contains("2 pose files") && out.contains("mean error 0.00 px"), out);
        try (var files = Files.walk(frames.resolve("pose"))) {
            Path file = files.filter(p -> p.toString().endsWith(".pose")).findFirst().orElseThrow();
            PoseFile pose = PoseFile.read(file);
            int body = pose.header().offset(HandPoseComponents.BODY);
            int shoulder = HandPoseComponents.BODY_POINTS.indexOf("LEFT_SHOULDER");
            int wrist = pose.header().offset(HandPoseComponents.RIGHT_HAND);
            assertEquals(1f, pose.body().confidence(pose.header(), 0, 0, body + shoulder));
            assertEquals(1f, pose.body().confidence(pose.header(), 0, 0, wrist));
        }
        // --score without the truth to score against is a usage error that says what to add.
        String err = Console.err(2, "pose", frames.toString(), "--score");
        assertTrue(err.contains("--truth DIR"), err);
    }
}
