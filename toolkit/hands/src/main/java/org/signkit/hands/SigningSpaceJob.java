package org.signkit.hands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.signkit.core.AtomicFiles;
import org.signkit.core.BadInputException;
import org.signkit.core.Checksums;
import org.signkit.core.FrameManifest;
import org.signkit.core.FrameRecord;
import org.signkit.core.Json;
import org.signkit.core.Parallel;
import org.signkit.core.ThreadResources;
import org.signkit.vision.FrameTake;
import org.signkit.vision.Segmenter;
import org.bytedeco.javacpp.indexer.UByteIndexer;

/**
 * Writes a frames folder in signing space: each take of a source frames folder (extracted at full size)
 * cropped to its signer square ({@link SigningSpace.Crop#SIGNER}) and/or trimmed of its still lead-in and
 * lead-out ({@link SigningSpace.Trim#STILL}), resized to {@code size} and written as JPEG, with the
 * manifest (every row records its crop and trim), {@code hands.json} in the new frames' pixels and
 * {@code dataset.json} with the counts of kept and trimmed frames. Takes are written under
 * {@code .partial} names and renamed when complete; a rerun reuses takes with the same key.
 */
public final class SigningSpaceJob {

    /**
     * The preprocessing.
     *
     * @param crop    which part of each frame to keep
     * @param trim    which frames to keep
     * @param size    the output frames' side (signer crop: a square of {@code size}; no crop: the short side)
     * @param quality JPEG quality
     * @param matte   everything outside the signer (the selfie person mask) becomes flat grey
     * @param spans   the annotated sign of each take, by source video as the manifest names it ({@code trim annotation})
     */
    public record Settings(SigningSpace.Crop crop, SigningSpace.Trim trim, int size, int quality, boolean matte,
                           Map<String, SigningSpace.Span> spans) {
        /** Without the matte. */
        public Settings(SigningSpace.Crop crop, SigningSpace.Trim trim, int size, int quality) {
            this(crop, trim, size, quality, false);
        }

        /** Without annotations. */
        public Settings(SigningSpace.Crop crop, SigningSpace.Trim trim, int size, int quality, boolean matte) {
            this(crop, trim, size, quality, matte, Map.of());
        }

        public Settings {
            if (size < 16) {
                throw new IllegalArgumentException("signing-space frames need a size of at least 16 px, got " + size);
            }
            spans = java.util.Collections.unmodifiableMap(new TreeMap<>(spans));
            if (trim == SigningSpace.Trim.ANNOTATION && spans.isEmpty()) {
                throw new IllegalArgumentException("trim annotation needs the takes' annotations (signkit frames --annotations "
                        + "DATASET/annotations.csv, written by 'signkit dataset annotate' or 'import-eaf')");
            }
        }

        /** These settings as one take sees them (its own span only), so an edit to another take's span redoes only that take. */
        Settings forTake(String sourceVideo) {
            SigningSpace.Span span = spans.get(sourceVideo);
            return trim != SigningSpace.Trim.ANNOTATION || span == null ? this
                    : new Settings(crop, trim, size, quality, matte, Map.of(sourceVideo, span));
        }
    }

    /**
     * What a run wrote.
     *
     * @param manifest the new manifest
     * @param hands    the new hands file
     * @param takes    takes written or reused
     * @param reused   takes reused from an earlier run
     * @param frames   frames kept
     * @param trimmed  frames dropped by the trim
     */
    public record Summary(Path manifest, Path hands, int takes, int reused, int frames, int trimmed) {
    }

    /** One finished take, kept beside its frames for reuse. */
    record TakeResult(String key, List<FrameRecord> rows, Map<String, FrameHands> hands, int trimmed, ImageBox crop) {
    }

    private static final String TAKE_FILE = "take.json";

    /** Opens the person segmenter of {@link Settings#matte()}, or null for a job without one. */
    private final ThreadResources.Opener<Segmenter> openPerson;
    /** True when the job closes the segmenters it opens (not one the caller gave). */
    private final boolean ownsPerson;
    private final int threads;

    /** A job without a matte, one take per core at a time. */
    public SigningSpaceJob() {
        this(null, false, Runtime.getRuntime().availableProcessors());
    }

    /** @param person the person segmenter of {@link Settings#matte()} (the caller closes it; the takes then run one by one), or null */
    public SigningSpaceJob(Segmenter person) {
        this(person == null ? null : () -> person, false, person == null ? Runtime.getRuntime().availableProcessors() : 1);
    }

    /**
     * A job that opens a person segmenter per thread for {@link Settings#matte()} (when a take needs one) and closes
     * them, one take per core at a time.
     */
    public static SigningSpaceJob opening(ThreadResources.Opener<Segmenter> person) {
        return new SigningSpaceJob(person, true, Runtime.getRuntime().availableProcessors());
    }

    private SigningSpaceJob(ThreadResources.Opener<Segmenter> openPerson, boolean ownsPerson, int threads) {
        this.openPerson = openPerson;
        this.ownsPerson = ownsPerson;
        this.threads = threads;
    }

    /**
     * Writes {@code out} from the frames in {@code source} and their hands.
     *
     * @param signs only the takes of these signs (empty: all)
     */
    public Summary run(Path source, HandsFile hands, Path sourceHandsFile, Path out, Settings settings,
                       java.util.Set<String> signs, IntConsumer progress) throws IOException {
        List<FrameRecord> rows = FrameManifest.read(source.resolve(FrameManifest.FILE_NAME)).stream()
                .filter(r -> signs.isEmpty() || signs.contains(r.label().sign())).toList();
        Files.createDirectories(out);
        List<FrameTake> takes = FrameTake.of(rows);
        TakeResult[] results = new TakeResult[takes.size()];
        AtomicInteger reusedTakes = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        try (ThreadResources<Segmenter> persons = new ThreadResources<>(() -> {
            if (openPerson == null) {
                throw new IllegalStateException("a matte needs a person segmenter");
            }
            return openPerson.open();
        }, p -> {
            if (ownsPerson) {
                p.close();
            }
        })) {
            Parallel.forEach(java.util.stream.IntStream.range(0, takes.size()).boxed().toList(), threads, "signkit-signing-space", t -> {
                FrameTake take = takes.get(t);
                List<FrameHands> found = new ArrayList<>();
                for (FrameRecord r : take.frames()) {
                    found.add(hands.of(r.framePath(), sourceHandsFile));
                }
                String folder = takeFolder(take.frames().get(0).framePath(), source);
                Path dir = inside(out, folder);
                String key = Checksums.sha256(Json.write(settings.forTake(take.sourceVideo())) + Json.write(take.frames())
                        + Json.write(found));
                TakeResult stored = readQuietly(dir.resolve(TAKE_FILE));
                if (stored == null || !stored.key().equals(key)) {
                    stored = write(source, take, found, folder, dir, key, settings, persons);
                } else {
                    reusedTakes.incrementAndGet();
                }
                results[t] = stored;
                synchronized (results) {
                    progress.accept(done.incrementAndGet());
                }
            });
        }
        // Merged in take order, whichever thread finished first.
        List<FrameRecord> manifest = new ArrayList<>();
        Map<String, FrameHands> outHands = new TreeMap<>();
        Map<String, int[]> perSign = new TreeMap<>();
        int trimmed = 0;
        for (int t = 0; t < takes.size(); t++) {
            TakeResult r = results[t];
            manifest.addAll(r.rows());
            outHands.putAll(r.hands());
            trimmed += r.trimmed();
            int[] counts = perSign.computeIfAbsent(takes.get(t).frames().get(0).label().sign(), k -> new int[2]);
            counts[0] += r.rows().size();
            counts[1] += r.trimmed();
        }
        int reused = reusedTakes.get();
        Path manifestFile = out.resolve(FrameManifest.FILE_NAME);
        FrameManifest.write(manifestFile, manifest);
        int side = settings.crop() == SigningSpace.Crop.SIGNER ? settings.size() : 0;
        Path handsFile = out.resolve(HandsFile.FILE_NAME);
        new HandsFile(HandsFile.FORMAT, hands.method(), hands.dominant(), Checksums.sha256(manifestFile), side, side,
                new TreeMap<>(outHands)).write(handsFile);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("source", source.toString());
        info.put("settings", settings);
        info.put("hands_method", hands.method().id());
        info.put("takes", takes.size());
        info.put("frames", manifest.size());
        info.put("trimmed_frames", trimmed);
        Map<String, Map<String, Integer>> bySign = new TreeMap<>();
        perSign.forEach((sign, c) -> bySign.put(sign, Map.of("frames", c[0], "trimmed", c[1])));
        info.put("per_sign", bySign);
        Json.write(out.resolve("dataset.json"), info);
        return new Summary(manifestFile, handsFile, takes.size(), reused, manifest.size(), trimmed);
    }

    private static TakeResult write(Path source, FrameTake take, List<FrameHands> found, String folder, Path dir,
                                    String key, Settings settings, ThreadResources<Segmenter> persons) throws IOException {
        int[] keep = switch (settings.trim()) {
            case STILL -> SigningSpace.stillTrim(found);
            case ANNOTATION -> annotated(source, take, settings);
            case NONE -> new int[] {0, found.size() - 1};
        };
        ImageBox crop = settings.crop() == SigningSpace.Crop.SIGNER ? SigningSpace.signerCrop(found) : null;
        if (settings.crop() == SigningSpace.Crop.SIGNER && crop == null) {
            throw new BadInputException(source.resolve(folder), "no face found in any frame of this take, so no signer crop",
                    "check the take shows the signer's face, try another --hands method, or extract without --crop");
        }
        Path partial = dir.resolveSibling(dir.getFileName() + ".partial");
        AtomicFiles.deleteRecursively(partial);
        Files.createDirectories(partial);
        List<FrameRecord> rows = new ArrayList<>();
        Map<String, FrameHands> hands = new LinkedHashMap<>();
        String cropText = crop == null ? "" : String.format(Locale.ROOT, "%.1f %.1f %.1f", crop.x0(), crop.y0(), crop.width());
        for (int i = keep[0]; i <= keep[1]; i++) {
            FrameRecord r = take.frames().get(i);
            String name = Path.of(r.framePath()).getFileName().toString().replaceFirst("\\.[^.]+$", "") + ".jpg";
            Mat image = opencv_imgcodecs.imread(source.resolve(r.framePath()).toString());
            if (image == null || image.empty()) {
                throw new BadInputException(source.resolve(r.framePath()), "missing or unreadable frame image",
                        "re-extract the frames with 'signkit frames'");
            }
            if (settings.matte()) {
                persons.with(p -> {
                    matte(p, image);
                    return null;
                });
            }
            try (Mat out = render(image, crop, settings.size())) {
                double sx = (double) out.cols() / (crop == null ? image.cols() : crop.width());
                double sy = (double) out.rows() / (crop == null ? image.rows() : crop.height());
                double ox = crop == null ? 0 : crop.x0();
                double oy = crop == null ? 0 : crop.y0();
                String path = folder + "/" + name;
                try (IntPointer params = new IntPointer(opencv_imgcodecs.IMWRITE_JPEG_QUALITY, settings.quality())) {
                    opencv_imgcodecs.imwrite(partial.resolve(name).toString(), out, params);
                }
                rows.add(r.withSigningSpace(path, cropText, settings.trim().id()));
                hands.put(path, found.get(i).mapped(ox, oy, sx, sy));
            } finally {
                image.close();
            }
        }
        TakeResult result = new TakeResult(key, rows, hands, found.size() - rows.size(), crop);
        Json.write(partial.resolve(TAKE_FILE), result);
        AtomicFiles.deleteRecursively(dir);
        Files.move(partial, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return result;
    }

    private static int[] annotated(Path source, FrameTake take, Settings settings) {
        SigningSpace.Span span = settings.spans().get(take.sourceVideo());
        if (span == null) {
            throw new BadInputException(source.resolve(take.sourceVideo()), "no annotated sign span for this take",
                    "annotate it ('signkit dataset annotate' or 'import-eaf'), or extract without --trim annotation");
        }
        int[] keep = SigningSpace.annotationTrim(take.frames().stream().map(FrameRecord::sourcePtsSeconds).toList(), span);
        if (keep == null) {
            throw new BadInputException(source.resolve(take.sourceVideo()), String.format(java.util.Locale.ROOT,
                    "no frame inside its annotated span %.3f-%.3f s", span.startSeconds(), span.endSeconds()),
                    "correct the annotation's times");
        }
        return keep;
    }

    /** Blends {@code image} towards flat grey where the person mask is low (soft edges kept). */
    private static void matte(Segmenter person, Mat image) {
        List<Mat> masks = person.segment(List.of(image));
        try (Mat mask = masks.get(0)) {
            UByteIndexer m = mask.createIndexer();
            UByteIndexer p = image.createIndexer();
            for (int y = 0; y < image.rows(); y++) {
                for (int x = 0; x < image.cols(); x++) {
                    int a = m.get(y, x);
                    for (int c = 0; c < 3; c++) {
                        p.put(y, x, c, (p.get(y, x, c) * a + MATTE_GREY * (255 - a) + 127) / 255);
                    }
                }
            }
            m.release();
            p.release();
        }
    }

    /** The matte's grey. */
    private static final int MATTE_GREY = 128;

    /** The crop of {@code image} (edge pixels repeated where it reaches outside), resized. */
    static Mat render(Mat image, ImageBox crop, int size) {
        Mat out = new Mat();
        if (crop == null) {
            double scale = (double) size / Math.min(image.cols(), image.rows());
            opencv_imgproc.resize(image, out, new Size((int) Math.round(image.cols() * scale),
                    (int) Math.round(image.rows() * scale)), 0, 0, opencv_imgproc.INTER_AREA);
            return out;
        }
        out.create(size, size, image.type());
        SigningSpace.cropSquare(image, crop, out);
        return out;
    }

    /** The folder of a take's frames, from its first frame's path. */
    private static String takeFolder(String framePath, Path source) {
        int slash = framePath.lastIndexOf('/');
        if (slash <= 0) {
            throw new BadInputException(source.resolve(FrameManifest.FILE_NAME), "frame " + framePath + " is not in a take folder",
                    "use a frames folder written by 'signkit frames' (<sign>/<signer>_<take>/NNNNNN.jpg)");
        }
        return framePath.substring(0, slash);
    }

    /** {@code root/relative}, refused when the manifest's path would leave {@code root}. */
    private static Path inside(Path root, String relative) {
        Path base = root.toAbsolutePath().normalize();
        Path p = base.resolve(relative).normalize();
        if (!p.startsWith(base) || p.equals(base) || Path.of(relative).isAbsolute()) {
            throw new BadInputException(root.resolve(FrameManifest.FILE_NAME), "frame folder '" + relative
                    + "' would leave the output folder", "fix the manifest's frame paths (no '..', not absolute)");
        }
        return p;
    }

    private static TakeResult readQuietly(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Json.read(file, TakeResult.class);
        } catch (IOException e) {
            return null;
        }
    }
}
