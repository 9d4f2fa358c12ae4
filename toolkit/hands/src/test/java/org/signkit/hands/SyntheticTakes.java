package org.signkit.hands;

import java.nio.file.Path;
import java.util.List;
import org.signkit.synth.SynthOptions;
import org.signkit.synth.SyntheticDatasetGenerator;
import org.signkit.video.ExtractionSettings;
import org.signkit.video.FpsRounding;
import org.signkit.video.FrameExtractionJob;
import org.signkit.video.FrameGeometry;
import org.signkit.video.ImageEncoding;

/** A small synthetic dataset (2 signs, 2 signers, 1 take, 30 FPS, 360×640) and its frames at the source size. */
final class SyntheticTakes {

    /** Generates the videos and truth under {@code work/data} and extracts their frames to {@code work/frames}. */
    static Path frames(Path work) throws Exception {
        Path data = work.resolve("data");
        new SyntheticDatasetGenerator(new SynthOptions(2, 2, 1, List.of(30), false, 360, 640, 5, 2))
                .generate(data, (job, reused, done, total) -> { });
        Path out = work.resolve("frames");
        ExtractionSettings settings = new ExtractionSettings(ExtractionSettings.parseFps("source"), FpsRounding.NEAR,
                FrameGeometry.native_(), new ImageEncoding("jpg", 95));
        new FrameExtractionJob().run(new FrameExtractionJob.Request(data.resolve("videos/capture30"), out, null, settings, 2),
                (outcome, done, total, n) -> { });
        return out;
    }

    /** The truth folder of those frames. */
    static Path truth(Path work) {
        return work.resolve("data/truth/capture30");
    }

    private SyntheticTakes() {
    }

}
