package org.signkit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.signkit.vision.ModelStore;

/** The real signing clip of {@code ../shared/data/real/} (MIT, sign-language-processing/pose) and the hand models. */
final class SharedData {

    private SharedData() {
    }

    /** The clip, or null when this checkout has no {@code ../shared}. */
    static Path realClip() {
        for (String up : new String[] {"../shared", "../../shared", "../../../shared"}) {
            Path p = Path.of(up, "data/real/test_video.mp4");
            if (Files.isRegularFile(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        return null;
    }

    /**
     * The clip, for a test that also runs MediaPipe: skipped without either, unless SIGNKIT_REQUIRE_TOOLS=1 (CI), which
     * turns a missing one into a failure.
     */
    static Path realClipWithHandModels() {
        Path clip = realClip();
        ModelStore models = ModelStore.fromEnvironment();
        boolean handModels = ModelStore.BUNDLES.get("pose").stream().allMatch(m -> Files.isRegularFile(models.path(m)));
        boolean required = "1".equals(System.getenv("SIGNKIT_REQUIRE_TOOLS"));
        Assumptions.assumeTrue(required || (clip != null && handModels),
                "needs the shared real clip and the hand and pose models ('signkit models fetch pose')");
        Assertions.assertNotNull(clip, "../shared/data/real/test_video.mp4 missing");
        Assertions.assertTrue(handModels, "hand or pose models missing: ./signkit models fetch pose");
        return clip;
    }
}
