package org.signkit.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.signkit.synth.SynthOptions;
import org.signkit.synth.SyntheticDatasetGenerator;
import org.signkit.video.ExtractionSettings;
import org.signkit.video.FpsRounding;
import org.signkit.video.FrameExtractionJob;
import org.signkit.video.FrameGeometry;
import org.signkit.video.ImageEncoding;

/**
 * A small real frame set for training tests, made once per test JVM: the synthetic signer's first three
 * signs by two signers, two takes each at 30 FPS, subsampled to 10 FPS and padded to 48×48.
 */
final class TinyFrameSet {

    private static Path root;

    private TinyFrameSet() {
    }

    /** The frames folder (with manifest.csv). */
    static synchronized Path frames() {
        if (root == null) {
            try {
                Path dir = Files.createTempDirectory("signkit-tiny");
                new SyntheticDatasetGenerator(new SynthOptions(3, 2, 2, List.of(30), false, 96, 160, 11, 2))
                        .generate(dir.resolve("synth"), (j, r, d, t) -> { });
                ExtractionSettings settings = new ExtractionSettings(ExtractionSettings.parseFps("10"),
                        FpsRounding.parse("near"), new FrameGeometry(48, FrameGeometry.Square.PAD),
                        new ImageEncoding("jpg", 95));
                new FrameExtractionJob().run(new FrameExtractionJob.Request(dir.resolve("synth/videos/capture30"),
                        dir.resolve("frames"), null, settings, 2), (o, done, total, frames) -> { });
                root = dir.resolve("frames");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }
}
