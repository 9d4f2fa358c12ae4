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
        int keypoints = pose.header().offset(HandPoseComponents.FACE_KEYPOINTS);
        int midWithHand = 0;
        for (int f = 0; f < 58; f++) {
            assertTrue(pose.body().confidence(pose.header(), f, 0, face) > 0.5, "face in frame " + f);
            // BlazeFace's keypoints: the eyes above the mouth, the signer's right eye on the image's left.
            float rightEyeX = pose.body().value(pose.header(), f, 0, keypoints, 0);
            float leftEyeX = pose.body().value(pose.header(), f, 0, keypoints + 1, 0);
            float eyeY = pose.body().value(pose.header(), f, 0, keypoints, 1);
            float mouthY = pose.body().value(pose.header(), f, 0, keypoints + 3, 1);
            assertTrue(pose.body().confidence(pose.header(), f, 0, keypoints) > 0.5 && rightEyeX < leftEyeX
                    && eyeY < mouthY, "face keypoints in frame " + f);
            boolean hand = pose.body().confidence(pose.header(), f, 0, left) > 0 || pose.body().confidence(pose.header(), f, 0, right) > 0;
            if (f < 8 || f >= 50) {
                assertTrue(!hand, "frame " + f + ": the signer is at rest, hands down out of view");
            } else if (f >= 17 && f < 43) {
                midWithHand += hand ? 1 : 0;
            }
        }
        assertTrue(midWithHand >= 13, midWithHand + " of the 26 mid-sign frames show a hand");
        // The body from MediaPipe's pose landmarker, seeded by the face: shoulders below the face, the signer's left
        // shoulder on the image's right, one to four face widths apart, the nose inside the face box.
        int body = pose.header().offset(HandPoseComponents.BODY);
        var names = pose.header().components().stream().filter(c -> c.name().equals(HandPoseComponents.BODY))
                .findFirst().orElseThrow().points();
        int nose = body + names.indexOf("NOSE");
        int leftShoulder = body + names.indexOf("LEFT_SHOULDER");
        int rightShoulder = body + names.indexOf("RIGHT_SHOULDER");
        int withBody = 0;
        for (int f = 0; f < 58; f++) {
            if (pose.body().confidence(pose.header(), f, 0, leftShoulder) <= 0.5) {
                continue;
            }
            withBody++;
            float faceX0 = pose.body().value(pose.header(), f, 0, face, 0);
            float faceY0 = pose.body().value(pose.header(), f, 0, face, 1);
            float faceX1 = pose.body().value(pose.header(), f, 0, face + 1, 0);
            float faceY1 = pose.body().value(pose.header(), f, 0, face + 1, 1);
            float lx = pose.body().value(pose.header(), f, 0, leftShoulder, 0);
            float ly = pose.body().value(pose.header(), f, 0, leftShoulder, 1);
            float rx = pose.body().value(pose.header(), f, 0, rightShoulder, 0);
            float ry = pose.body().value(pose.header(), f, 0, rightShoulder, 1);
            float nx = pose.body().value(pose.header(), f, 0, nose, 0);
            float ny = pose.body().value(pose.header(), f, 0, nose, 1);
            double faceWidth = faceX1 - faceX0;
            String where = "frame " + f + ": shoulders " + lx + "," + ly + " / " + rx + "," + ry + ", nose " + nx + "," + ny
                    + ", face " + faceX0 + "," + faceY0 + ".." + faceX1 + "," + faceY1;
            assertTrue(lx > rx && ly > faceY1 && ry > faceY1, where);
            assertTrue(lx - rx > faceWidth && lx - rx < 4 * faceWidth, where);
            assertTrue(nx > faceX0 && nx < faceX1 && ny > faceY0 && ny < faceY1, where);
        }
        assertTrue(withBody >= 50, withBody + " of 58 frames with the body");
        // Two models agree: the body's right wrist lies on the hand landmarker's right-hand wrist, not on the left one.
        int rightWrist = body + names.indexOf("RIGHT_WRIST");
        int leftWrist = body + names.indexOf("LEFT_WRIST");
        double own = 0;
        double other = 0;
        double faceWidths = 0;
        int n = 0;
        for (int f = 0; f < 58; f++) {
            if (pose.body().confidence(pose.header(), f, 0, right) <= 0) {
                continue;
            }
            float hx = pose.body().value(pose.header(), f, 0, right, 0);
            float hy = pose.body().value(pose.header(), f, 0, right, 1);
            own += Math.hypot(hx - pose.body().value(pose.header(), f, 0, rightWrist, 0),
                    hy - pose.body().value(pose.header(), f, 0, rightWrist, 1));
            other += Math.hypot(hx - pose.body().value(pose.header(), f, 0, leftWrist, 0),
                    hy - pose.body().value(pose.header(), f, 0, leftWrist, 1));
            faceWidths += pose.body().value(pose.header(), f, 0, face + 1, 0) - pose.body().value(pose.header(), f, 0, face, 0);
            n++;
        }
        System.out.printf("real clip: body right wrist to hand wrist %.1f px, to the left wrist %.1f px, face width %.1f px "
                + "(%d frames)%n", own / n, other / n, faceWidths / n, n);
        assertTrue(n >= 13 && own / n < 0.6 * faceWidths / n && own < other / 3, own / n + " px vs " + other / n);
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
