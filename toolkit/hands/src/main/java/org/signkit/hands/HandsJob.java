package org.signkit.hands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.IntConsumer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.signkit.core.Checksums;
import org.signkit.core.FrameManifest;
import org.signkit.core.FrameRecord;
import org.signkit.core.Json;
import org.signkit.core.Parallel;
import org.signkit.core.ThreadResources;
import org.signkit.vision.FrameTake;

/**
 * Runs a {@link HandDetector} over every take of a frames manifest and writes {@code OUT/hands.json}.
 * Each finished take is kept in {@code OUT/takes/} (named by a hash of its source video, so no label
 * becomes a path) with the key of its rows and settings; a rerun reuses those and redoes the rest, and
 * the merged file is written atomically last.
 */
public final class HandsJob {

    /**
     * What to run.
     *
     * @param frames   the frames folder (with {@code manifest.csv})
     * @param out      the output folder
     * @param method   the method
     * @param dominant the signer's dominant hand ({@code right} or {@code left})
     * @param signs    only the takes of these signs (empty: all)
     */
    public record Request(Path frames, Path out, HandsMethod method, String dominant, java.util.Set<String> signs) {
        /** Every take of the manifest. */
        public Request(Path frames, Path out, HandsMethod method, String dominant) {
            this(frames, out, method, dominant, java.util.Set.of());
        }
    }

    /**
     * What a run did.
     *
     * @param file    the hands file
     * @param takes   takes in the manifest
     * @param reused  takes reused from an earlier run
     * @param frames  frames in the manifest
     * @param seconds time spent detecting (reused takes excluded), summed over the threads that detect
     */
    public record Summary(Path file, int takes, int reused, int frames, double seconds) {
        /** Frames per second of detection over the frames actually detected. */
        public double framesPerSecond(int detectedFrames) {
            return seconds > 0 ? detectedFrames / seconds : Double.NaN;
        }
    }

    /** One take's stored result. */
    record TakeResult(String key, Map<String, FrameHands> frames) {
    }

    /** Opens the detector of a request's method, or null for a job given its detector. */
    private final java.util.function.BiFunction<HandsMethod, String, HandDetector> open;
    private final HandDetector given;

    /** A job over a detector the caller opened (and closes). */
    public HandsJob(HandDetector detector) {
        this.given = detector;
        this.open = null;
    }

    /**
     * A job that opens the request's method itself ({@link HandDetectors}), only when a take is not
     * already done, and closes it at the end.
     *
     * @param models where the models are installed
     * @param truth  the synthetic truth of the frames' videos ({@code truth} only; else may be null)
     */
    public HandsJob(org.signkit.vision.ModelStore models, Path truth) {
        this.given = null;
        this.open = (method, dominant) -> HandDetectors.of(method, models, truth, dominant);
    }

    /**
     * Detects (or reuses) every take; {@code progress} gets the number of takes done so far. A job that opens its
     * detectors runs the takes on one thread per core, each with its own detector (a take's result depends on its
     * frames only); a job given a detector runs them one by one.
     */
    public Summary run(Request request, IntConsumer progress) throws IOException {
        Path manifest = request.frames().resolve(FrameManifest.FILE_NAME);
        List<FrameRecord> rows = FrameManifest.read(manifest).stream()
                .filter(r -> request.signs().isEmpty() || request.signs().contains(r.label().sign())).toList();
        List<FrameTake> takes = FrameTake.of(rows);
        Path takeDir = request.out().resolve("takes");
        Files.createDirectories(takeDir);
        Map<String, FrameHands> all = new TreeMap<>();
        AtomicInteger reused = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        DoubleAdder seconds = new DoubleAdder();
        boolean owned = given == null;
        try (ThreadResources<HandDetector> detectors = new ThreadResources<>(
                () -> owned ? open.apply(request.method(), request.dominant()) : given, d -> {
                    if (owned) {
                        d.close();
                    }
                })) {
            Parallel.forEach(takes, owned ? Runtime.getRuntime().availableProcessors() : 1, "signkit-hands", take -> {
                String key = Checksums.sha256(request.method().id() + "/" + request.dominant() + "/"
                        + Json.write(take.frames()));
                Path file = takeDir.resolve(request.method().id() + "-" + Checksums.sha256(take.sourceVideo()).substring(0, 20) + ".json");
                TakeResult stored = Files.isRegularFile(file) ? readQuietly(file) : null;
                Map<String, FrameHands> byPath;
                if (stored != null && stored.key().equals(key)) {
                    byPath = stored.frames();
                    reused.incrementAndGet();
                } else {
                    long t0 = System.nanoTime();
                    List<Mat> images = take.load(request.frames());
                    try {
                        List<FrameHands> found = detectors.with(d -> d.detect(take, images));
                        byPath = new LinkedHashMap<>();
                        for (int f = 0; f < found.size(); f++) {
                            byPath.put(take.frames().get(f).framePath(), found.get(f));
                        }
                        Json.writeCompact(file, new TakeResult(key, byPath));
                    } finally {
                        images.forEach(Mat::close);
                    }
                    seconds.add((System.nanoTime() - t0) / 1e9);
                }
                synchronized (all) {
                    all.putAll(byPath);
                    progress.accept(done.incrementAndGet());
                }
            });
        }
        Path out = request.out().resolve(HandsFile.FILE_NAME);
        HandsFile.of(request.method(), request.dominant(), Checksums.sha256(manifest), all).write(out);
        return new Summary(out, takes.size(), reused.get(), rows.size(), seconds.sum());
    }

    private static TakeResult readQuietly(Path file) {
        try {
            return Json.read(file, TakeResult.class);
        } catch (IOException e) {
            // A damaged take file is redone, like a half-written frames folder.
            return null;
        }
    }
}
