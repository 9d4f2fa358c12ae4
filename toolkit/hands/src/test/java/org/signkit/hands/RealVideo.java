package org.signkit.hands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.signkit.video.ExtractionSettings;
import org.signkit.video.FpsRounding;
import org.signkit.video.FrameExtractionJob;
import org.signkit.video.FrameGeometry;
import org.signkit.video.ImageEncoding;

/**
 * The real signing clip in {@code ../shared/data/real/test_video.mp4} (MIT, sign-language-processing/pose;
 * 58 frames, 540×720, the signer at rest at the start and the end), extracted at its own rate.
 */
final class RealVideo {

    /** The shared clip, from the repository root or a module folder. */
    static Path clip() {
        for (String up : new String[] {"../shared", "../../shared", "../../../shared"}) {
            Path p = Path.of(up, "data/real/test_video.mp4");
            if (Files.isRegularFile(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        return null;
    }

    /** Its frames at the source rate and size, as {@code OUT/SIGN/real_1/NNNNNN.png}. */
    static Path frames(Path work) throws IOException {
        Path input = work.resolve("videos/SIGN");
        Files.createDirectories(input);
        Files.copy(clip(), input.resolve("real_1.mp4"));
        Path out = work.resolve("frames");
        ExtractionSettings settings = new ExtractionSettings(ExtractionSettings.parseFps("source"), FpsRounding.NEAR,
                new FrameGeometry(0, FrameGeometry.Square.NONE), new ImageEncoding("png", 90));
        new FrameExtractionJob().run(new FrameExtractionJob.Request(work.resolve("videos"), out, null, settings, 1),
                (outcome, done, total, n) -> { });
        return out;
    }

    private RealVideo() {
    }
}
