package org.signkit.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.signkit.core.AtomicFiles;
import org.signkit.core.BadInputException;
import org.signkit.core.Checksums;
import org.signkit.core.FrameManifest;
import org.signkit.core.FrameRecord;
import org.signkit.core.Json;
import org.signkit.hands.HandsFile;
import org.signkit.hands.HandsJob;
import org.signkit.pose.PoseJob;
import org.signkit.pose.TruthBodyPoints;
import org.signkit.train.KeypointClips;
import org.signkit.hands.SigningSpaceJob;
import java.util.TreeSet;
import org.signkit.vision.ModelStore;
import org.signkit.vision.DnnPersonSegmenter;
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
        return frames(group, fps, size, List.of());
    }

    /**
     * Frames of the videos of {@code signs} (empty: all) in {@code videos/<group>} at {@code fps}, short side
     * {@code size}, JPEG 90; a subset has its own folder, named by the signs' hash.
     */
    private Path frames(String group, String fps, int size, List<String> signs) throws IOException {
        Path out = dataset.resolve("derived/frames").resolve(group + "-" + fps + "fps-" + size + "px" + subset(signs));
        ExtractionSettings settings = new ExtractionSettings(ExtractionSettings.parseFps(fps), FpsRounding.NEAR,
                new FrameGeometry(size, FrameGeometry.Square.NONE), new ImageEncoding("jpg", 90));
        FrameExtractionJob.Summary s = new FrameExtractionJob().run(new FrameExtractionJob.Request(
                dataset.resolve("videos").resolve(group), out, null, settings, Runtime.getRuntime().availableProcessors(),
                new TreeSet<>(signs)),
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
     * Frames of {@code videos/<group>} at {@code fps} as {@code settings} make them. Without a crop, a
     * trim or hand streams, the plain frames above. Otherwise the group is extracted at its source size,
     * the hands stage runs on the takes of {@code signs} ({@code derived/hands/}), and the signing-space
     * frames are written from both, with a {@code hands.json} beside their manifest.
     *
     * @param needsHands  the model needs the hands stage (hand crops or keypoints), even without a crop or trim
     * @param signs       only these signs' takes go through the hands stage (empty: all)
     */
    public Path frames(String group, String fps, ExperimentSpec.FrameSettings settings, boolean needsHands,
                       List<String> signs) throws IOException {
        if (!settings.signingSpace(needsHands)) {
            return frames(group, fps, settings.size());
        }
        // Hands are found once per group, at the source rate (tracking works best on every frame), and shared by
        // every rate resampled from it through the source frame index. Only the signs' videos are extracted.
        Path sourceRate = frames(group, "source", 0, signs);
        Path source = fps.equals("source") ? sourceRate : frames(group, fps, 0, signs);
        String subset = subset(signs);
        String method = settings.hands().id();
        Path handsDir = dataset.resolve("derived/hands").resolve(group + "-" + method + subset);
        Path truth = dataset.resolve("truth").resolve(group);
        long t0 = System.nanoTime();
        HandsJob.Summary found = new HandsJob(ModelStore.fromEnvironment(), Files.isDirectory(truth) ? truth : null)
                .run(new HandsJob.Request(sourceRate, handsDir, settings.hands(), "right", new TreeSet<>(signs)), done -> { });
        if (found.reused() < found.takes()) {
            log.accept(String.format(java.util.Locale.ROOT, "hands (%s): %d frames of %d takes of %s in %.1f s -> %s", method,
                    found.frames(), found.takes() - found.reused(), group, (System.nanoTime() - t0) / 1e9, found.file()));
        }
        HandsFile atRate = HandsFile.read(found.file());
        Path atRateFile = found.file();
        if (!source.equals(sourceRate)) {
            atRate = resampled(atRate, found.file(), sourceRate, source);
            atRateFile = source.resolve(HandsFile.FILE_NAME);
            atRate.write(atRateFile);
        }
        Path out = dataset.resolve("derived/frames").resolve(group + "-" + fps + "fps-" + settings.size() + "px-"
                + settings.crop().id() + "-" + settings.trim().id() + (settings.matte() ? "-matte" : "") + "-" + method + subset);
        SigningSpaceJob.Summary s = SigningSpaceJob.opening(() -> DnnPersonSegmenter.selfie(ModelStore.fromEnvironment()))
                .run(source, atRate, atRateFile, out,
                        new SigningSpaceJob.Settings(settings.crop(), settings.trim(), settings.size(), 90, settings.matte()),
                        new TreeSet<>(signs), done -> { });
        if (s.reused() < s.takes()) {
            log.accept("signing space (crop " + settings.crop().id() + ", trim " + settings.trim().id() + "): " + s.frames()
                    + " frames, " + s.trimmed() + " trimmed -> " + out);
        }
        return out;
    }

    /**
     * The takes' pose files of {@code frames} (signing-space frames with their {@code hands.json}) in
     * {@code frames/pose/}, where a keypoint model reads them; with the hands of the synthetic truth, the truth's body
     * points too. Written once per hands file: {@code pose/.made-from} records the one they were made from, last, so
     * conditions and cluster tasks sharing the frames reuse them and an interrupted write is redone.
     */
    public void poses(Path frames, String group) throws IOException {
        Path handsFile = frames.resolve(HandsFile.FILE_NAME);
        Path out = frames.resolve(KeypointClips.FOLDER);
        Path stamp = out.resolve(".made-from");
        String source = Checksums.sha256(handsFile);
        if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(source)) {
            return;
        }
        HandsFile hands = HandsFile.read(handsFile);
        Path truth = dataset.resolve("truth").resolve(group);
        TruthBodyPoints body = hands.method() == org.signkit.hands.HandsMethod.TRUTH && Files.isDirectory(truth)
                ? new TruthBodyPoints(new TruthIndex(truth)) : null;
        PoseJob.Summary s = PoseJob.run(frames, hands, handsFile, body, out);
        AtomicFiles.writeString(stamp, source);
        log.accept("pose: " + s.files().size() + " takes, hands in " + s.handFrames() + " of " + s.frames() + " frames -> "
                + out);
    }

    /** The folder-name suffix of a subset of signs: empty for all, else a hash of their names. */
    private static String subset(List<String> signs) {
        return signs.isEmpty() ? "" : "-" + Checksums.sha256(String.join(",", signs)).substring(0, 8);
    }

    /** The hands of {@code sourceRate}'s frames for the frames of {@code resampled}, matched by source frame. */
    private static HandsFile resampled(HandsFile hands, Path handsFile, Path sourceRate, Path resampled) throws IOException {
        java.util.Map<String, org.signkit.hands.FrameHands> bySource = new java.util.HashMap<>();
        for (FrameRecord r : FrameManifest.read(sourceRate.resolve(FrameManifest.FILE_NAME))) {
            org.signkit.hands.FrameHands h = hands.frames().get(r.framePath());
            if (h != null) {
                bySource.put(r.sourceVideo() + "#" + r.sourceFrameIndex(), h);
            }
        }
        java.util.Map<String, org.signkit.hands.FrameHands> mapped = new java.util.TreeMap<>();
        for (FrameRecord r : FrameManifest.read(resampled.resolve(FrameManifest.FILE_NAME))) {
            org.signkit.hands.FrameHands h = bySource.get(r.sourceVideo() + "#" + r.sourceFrameIndex());
            if (h != null) {
                mapped.put(r.framePath(), h);
            }
        }
        return HandsFile.of(hands.method(), hands.dominant(), Checksums.sha256(resampled.resolve(FrameManifest.FILE_NAME)),
                mapped);
    }

    /** The first {@code n} signs (sorted sign folders) of a group's videos; all when {@code n} is 0. */
    public List<String> signs(String group, int n) throws IOException {
        List<String> all = signFolders(dataset, group);
        return n == 0 || n >= all.size() ? all : all.subList(0, n);
    }

    /** The sign folders of a group's videos, sorted. */
    static List<String> signFolders(Path dataset, String group) throws IOException {
        try (var dirs = Files.list(dataset.resolve("videos").resolve(group))) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
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
        Path hands = frames.resolve(HandsFile.FILE_NAME);
        if (Files.isRegularFile(hands)) {
            compositeHands(HandsFile.read(hands), hands, out, size);
        }
        return out;
    }

    /** A composite shows its source frame's signer where it was (same size): it gets the source's boxes. */
    private static void compositeHands(HandsFile source, Path sourceFile, Path composites, int[] size) throws IOException {
        if (source.frameWidth() != 0 && (source.frameWidth() != size[0] || source.frameHeight() != size[1])) {
            throw new BadInputException(sourceFile, "background composites of " + size[0] + "x" + size[1]
                    + " px would move the hands of " + source.frameWidth() + "x" + source.frameHeight() + " px frames",
                    "set 'background: {size: source}' in the spec");
        }
        java.util.SortedMap<String, org.signkit.hands.FrameHands> mapped = new java.util.TreeMap<>();
        for (List<String> row : org.signkit.core.CsvTable.read(composites.resolve("composites.csv"),
                BackgroundJob.COMPOSITE_COLUMNS, f -> f, "a composites index", "rerun the background step",
                "rerun the background step")) {
            mapped.put(row.get(0), source.of(row.get(1), sourceFile));
        }
        new HandsFile(HandsFile.FORMAT, source.method(), source.dominant(),
                Checksums.sha256(composites.resolve(FrameManifest.FILE_NAME)), source.frameWidth(), source.frameHeight(),
                mapped).write(composites.resolve(HandsFile.FILE_NAME));
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
