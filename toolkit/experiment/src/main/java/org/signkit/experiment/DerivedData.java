package org.signkit.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.signkit.core.BadInputException;
import org.signkit.core.Checksums;
import org.signkit.core.FrameManifest;
import org.signkit.core.FrameRecord;
import org.signkit.core.Json;
import org.signkit.video.ExtractionSettings;
import org.signkit.video.FpsRounding;
import org.signkit.video.FrameExtractionJob;
import org.signkit.video.FrameGeometry;
import org.signkit.video.ImageEncoding;
import org.signkit.vision.BackgroundCompositor;
import org.signkit.vision.BackgroundJob;
import org.signkit.vision.BackgroundScenes;
import org.signkit.vision.SegmentationJob;
import org.signkit.vision.Segmenters;
import org.signkit.vision.TruthIndex;

/**
 * Frames and background composites that trials share, built once under {@code <dataset>/derived/} and
 * reused by every experiment that asks for the same settings: frame folders are named by group, rate and
 * size (the extraction job itself skips videos already extracted with the same settings and redoes
 * changed or half-done ones); composite folders by the hash of their source manifest and settings.
 *
 * @param dataset the dataset root ({@code videos/<group>/}, optionally {@code truth/<group>/})
 * @param log     where progress notes go
 */
public record DerivedData(Path dataset, Consumer<String> log) {

    /** Frames of {@code videos/<group>} at {@code fps}, short side {@code size}, JPEG 90. */
    public Path frames(String group, String fps, int size) throws IOException {
        Path out = dataset.resolve("derived/frames").resolve(group + "-" + fps + "fps-" + size + "px");
        ExtractionSettings settings = new ExtractionSettings(ExtractionSettings.parseFps(fps), FpsRounding.NEAR,
                new FrameGeometry(size, FrameGeometry.Square.NONE), new ImageEncoding("jpg", 90));
        FrameExtractionJob.Summary s = new FrameExtractionJob().run(new FrameExtractionJob.Request(
                dataset.resolve("videos").resolve(group), out, null, settings, Runtime.getRuntime().availableProcessors()),
                (outcome, done, total, frames) -> { });
        if (s.failures() > 0) {
            throw new BadInputException(dataset.resolve("videos").resolve(group), s.failures() + " videos could not be read: "
                    + s.problems(), "re-record or remove them; 'signkit dataset check' lists the problems");
        }
        if (s.outcomes().stream().anyMatch(o -> o.status() != org.signkit.video.VideoOutcome.Status.REUSED)) {
            log.accept("frames: " + s.frames() + " frames of " + group + " at " + fps + " FPS, " + size + " px -> " + out);
        }
        return out;
    }

    /**
     * The frames of {@code frames} plus their signer pasted onto new scenes (the study's "_background"
     * variant, originals kept), in a folder named by the source manifest's checksum and the settings.
     */
    public Path background(Path frames, String group, ExperimentSpec.BackgroundSettings settings) throws IOException {
        String key = Checksums.sha256(Checksums.sha256(frames.resolve(FrameManifest.FILE_NAME)) + Json.write(settings));
        Path out = dataset.resolve("derived/background").resolve(frames.getFileName() + "-" + key.substring(0, 12));
        if (Files.isRegularFile(out.resolve(FrameManifest.FILE_NAME))) {
            return out;
        }
        int[] size = size(frames, settings.size());
        BackgroundCompositor compositor = new BackgroundCompositor(size[0], size[1], settings.harmonise());
        List<BackgroundScenes.NamedScene> scenes = settings.scenes().equals("builtin")
                ? BackgroundScenes.builtin(settings.count(), size[0], size[1])
                : BackgroundScenes.folder(Path.of(settings.scenes()), settings.count(), size[0], size[1]);
        Path truth = dataset.resolve("truth").resolve(group);
        TruthIndex truthIndex = settings.truth() && Files.isDirectory(truth) ? new TruthIndex(truth) : null;
        try (SegmentationJob seg = new SegmentationJob(frames, settings.method(), Segmenters.Settings.defaults(), null,
                truthIndex)) {
            BackgroundJob.Result r = new BackgroundJob(seg, scenes, compositor, out, true).run(done -> { });
            log.accept("background: " + r.sourceFrames() + " frames x " + scenes.size() + " scenes (" + settings.method()
                    + ") -> " + out);
        } finally {
            scenes.forEach(s -> s.image().close());
        }
        return out;
    }

    private static int[] size(Path frames, String size) throws IOException {
        if (!size.equals("source")) {
            String[] wh = size.split("x");
            return new int[] {Integer.parseInt(wh[0]), Integer.parseInt(wh[1])};
        }
        FrameRecord first = FrameManifest.read(frames.resolve(FrameManifest.FILE_NAME)).get(0);
        Mat m = opencv_imgcodecs.imread(frames.resolve(first.framePath()).toString());
        try {
            return new int[] {m.cols(), m.rows()};
        } finally {
            m.close();
        }
    }
}
