package org.signkit.hands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.core.FrameManifest;
import org.signkit.core.FrameRecord;
import org.signkit.vision.ModelStore;

/**
 * MediaPipe's palm detector, hand landmarker and BlazeFace through OpenCV DNN on the real signing clip
 * in {@code ../shared/data/real/} (MIT, sign-language-processing/pose). The models come from
 * {@code signkit models fetch hands}; with SIGNKIT_REQUIRE_TOOLS=1 (CI) a missing model or clip fails.
 */
class MediaPipeRealVideoTest {

    @Test
    void findsTheFaceInEveryFrameAndTheSigningHandMidSign(@TempDir Path work) throws IOException {
        ModelStore store = ModelStore.fromEnvironment();
        boolean present = RealVideo.clip() != null
                && ModelStore.resolve("hands").stream().allMatch(m -> Files.isRegularFile(store.path(m)));
        boolean required = "1".equals(System.getenv("SIGNKIT_REQUIRE_TOOLS"));
        assertTrue(present || !required, "hand models or the shared clip missing: run './signkit models fetch hands'");
        assumeTrue(present, "hand models or the shared clip not installed");

        Path frames = RealVideo.frames(work);
        List<FrameRecord> rows = FrameManifest.read(frames.resolve(FrameManifest.FILE_NAME));
        assertEquals(58, rows.size());
        HandsJob.Summary s;
        try (MediaPipeHandDetector detector = MediaPipeHandDetector.open(store, "right")) {
            s = new HandsJob(detector).run(new HandsJob.Request(frames, work.resolve("hands"), HandsMethod.MEDIAPIPE,
                    "right"), done -> { });
        }
        HandsFile hands = HandsFile.read(s.file());
        int faces = 0;
        int midSign = 0;
        int midSignWithHand = 0;
        StringBuilder trace = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            FrameHands h = hands.of(rows.get(i).framePath(), s.file());
            faces += h.face() != null ? 1 : 0;
            boolean hand = h.dominant().present() || h.nonDominant().present();
            trace.append(h.face() != null ? 'F' : '-').append(h.dominant().present() ? 'D' : '-')
                    .append(h.nonDominant().present() ? 'N' : '-').append(' ');
            // The clip's middle third: the signer's hand is up, signing.
            if (i >= rows.size() / 3 && i < 2 * rows.size() / 3) {
                midSign++;
                midSignWithHand += hand ? 1 : 0;
            }
        }
        System.out.printf("mediapipe on the real clip: %d/%d faces, a hand in %d/%d mid-sign frames, %.1f frames/s%n%s%n",
                faces, rows.size(), midSignWithHand, midSign, s.framesPerSecond(rows.size()), trace);
        assertEquals(rows.size(), faces, "a face in every frame");
        assertEquals(midSign, midSignWithHand, "the signing hand in every mid-sign frame");
    }
}
