package org.signkit.video;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.signkit.core.BadInputException;
import org.signkit.core.FrameManifest;
import org.signkit.core.FrameRecord;
import org.signkit.core.Json;
import org.signkit.core.OutputLock;
import org.signkit.core.Parallel;
import org.signkit.core.SignkitVersion;

/**
 * Extracts the frames of every video under an input folder, several videos at a time, then writes
 * {@code manifest.csv} and {@code dataset.json} at the output root. One video's failure is recorded and
 * the others go on; videos finished by an earlier run with the same settings are reused.
 */
public final class FrameExtractionJob {

    /** Name of the dataset summary beside the manifest. */
    public static final String DATASET_JSON = "dataset.json";

    /**
     * A run's request.
     *
     * @param input    a video or a folder tree of videos
     * @param output   the output root
     * @param mapping  optional CSV mapping of videos to labels (null: labels from the folder tree)
     * @param settings what to extract
     * @param jobs     videos processed at once
     * @param signs    only the videos of these signs (empty: all)
     */
    public record Request(Path input, Path output, Path mapping, ExtractionSettings settings, int jobs,
                          java.util.Set<String> signs) {
        public Request {
            if (jobs < 1) {
                throw new IllegalArgumentException("--jobs must be >= 1: " + jobs);
            }
            signs = java.util.Set.copyOf(signs);
        }

        /** Every video of the input. */
        public Request(Path input, Path output, Path mapping, ExtractionSettings settings, int jobs) {
            this(input, output, mapping, settings, jobs, java.util.Set.of());
        }
    }

    /**
     * What a run did.
     *
     * @param outcomes   one per video, sorted by path
     * @param problems   inputs that could not be labelled (not attempted)
     * @param ignored    files skipped because they are not videos by name
     * @param frames     frames in the manifest
     * @param seconds    wall time
     */
    public record Summary(List<VideoOutcome> outcomes, List<String> problems, List<String> ignored, long frames,
                          double seconds) {

        /** Videos or files that failed. */
        public long failures() {
            return problems.size() + outcomes.stream().filter(o -> o.status() == VideoOutcome.Status.FAILED).count();
        }
    }

    /** The dataset summary written as {@code dataset.json}. */
    public record DatasetInfo(String signkitVersion, String createdAt, String targetFps, String rounding, int size,
                              String square, String format, int quality, long frames, long videos,
                              Map<String, Long> framesPerSign, Map<String, Long> framesPerSigner,
                              Map<String, String> inputSha256, List<String> failures) {
    }

    /** Runs the extraction. */
    public Summary run(Request request, ExtractionListener listener) throws IOException {
        long start = System.nanoTime();
        try (OutputLock lock = OutputLock.acquire(request.output(), "signkit frames " + request.input())) {
            if (lock.staleNote() != null) {
                listener.note(request.output() + ": " + lock.staleNote());
            }
            return extract(request, listener, start);
        }
    }

    private Summary extract(Request request, ExtractionListener listener, long start) throws IOException {
        VideoCatalog.Listing listing = VideoCatalog.list(request.input(), request.mapping());
        List<LabeledVideo> videos = listing.videos().stream()
                .filter(v -> request.signs().isEmpty() || request.signs().contains(v.label().sign())).toList();
        int parallel = Math.max(1, Math.min(request.jobs(), videos.size()));
        int decoderThreads = Math.max(1, Runtime.getRuntime().availableProcessors() / parallel);
        FrameExtractor extractor = new FrameExtractor(request.settings());
        List<FrameExtractor.Result> results = Collections.synchronizedList(new ArrayList<>());
        List<VideoOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        AtomicLong frames = new AtomicLong();
        Parallel.forEach(videos, parallel, "signkit-frames", v -> {
            VideoOutcome outcome = extractOne(extractor, v, request.output(), decoderThreads, results);
            outcomes.add(outcome);
            listener.videoDone(outcome, done.incrementAndGet(), videos.size(), frames.addAndGet(outcome.frames()));
        });
        List<FrameExtractor.Result> sorted = new ArrayList<>(results);
        sorted.sort((a, b) -> a.record().sourceVideo().compareTo(b.record().sourceVideo()));
        List<FrameRecord> rows = new ArrayList<>();
        sorted.forEach(r -> rows.addAll(r.rows()));
        List<VideoOutcome> sortedOutcomes = new ArrayList<>(outcomes);
        sortedOutcomes.sort((a, b) -> a.video().compareTo(b.video()));
        List<String> problems = listing.problems().stream().map(BadInputException::getMessage).toList();
        FrameManifest.write(request.output().resolve(FrameManifest.FILE_NAME), rows);
        Json.write(request.output().resolve(DATASET_JSON), datasetInfo(request.settings(), sorted, rows,
                sortedOutcomes, problems));
        return new Summary(sortedOutcomes, problems, listing.ignored().stream().map(Path::toString).toList(),
                rows.size(), (System.nanoTime() - start) / 1e9);
    }

    private static VideoOutcome extractOne(FrameExtractor extractor, LabeledVideo v, Path out, int threads,
                                           List<FrameExtractor.Result> results) {
        try {
            FrameExtractor.Result r = extractor.extract(v, out, threads);
            results.add(r);
            VideoOutcome.Status status = r.reused() ? VideoOutcome.Status.REUSED
                    : r.redone() != null ? VideoOutcome.Status.REDONE : VideoOutcome.Status.EXTRACTED;
            return new VideoOutcome(v.relative(), status, r.rows().size(), r.redone());
        } catch (BadInputException e) {
            return new VideoOutcome(v.relative(), VideoOutcome.Status.FAILED, 0, e.getMessage());
        } catch (IOException | RuntimeException | LinkageError e) {
            return new VideoOutcome(v.relative(), VideoOutcome.Status.FAILED, 0,
                    v.file() + ": " + e + " (fix: check the video file; the output folder was writable when the run began, so"
                            + " also check its free space)");
        }
    }

    private static DatasetInfo datasetInfo(ExtractionSettings s, List<FrameExtractor.Result> results,
                                           List<FrameRecord> rows, List<VideoOutcome> outcomes, List<String> problems) {
        Map<String, Long> perSign = new TreeMap<>();
        Map<String, Long> perSigner = new TreeMap<>();
        for (FrameRecord r : rows) {
            perSign.merge(r.label().sign(), 1L, Long::sum);
            perSigner.merge(r.label().signer(), 1L, Long::sum);
        }
        Map<String, String> sha = new TreeMap<>();
        results.forEach(r -> sha.put(r.record().sourceVideo(), r.record().sha256()));
        List<String> failures = new ArrayList<>(problems);
        outcomes.stream().filter(o -> o.status() == VideoOutcome.Status.FAILED).forEach(o -> failures.add(o.error()));
        return new DatasetInfo(SignkitVersion.current(), Instant.now().toString(), s.targetFpsLabel(),
                s.rounding().name().toLowerCase(java.util.Locale.ROOT), s.geometry().size(),
                s.geometry().square().name().toLowerCase(java.util.Locale.ROOT), s.encoding().format(),
                s.encoding().quality(), rows.size(), results.size(), perSign, perSigner, sha, failures);
    }
}
