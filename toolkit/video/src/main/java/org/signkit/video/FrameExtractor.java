package org.signkit.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.signkit.core.AtomicFiles;
import org.signkit.core.BadInputException;
import org.signkit.core.Checksums;
import org.signkit.core.FrameManifest;
import org.signkit.core.FrameRecord;
import org.signkit.core.Json;

/**
 * Extracts one video's frames at the target rate into {@code <out>/<sign>/<signer>_<take>/}. The folder
 * is filled under a {@code .partial} name and renamed when complete, together with its own
 * {@code frames.csv} rows and {@code video.json}; so a killed run leaves either a finished folder or
 * a partial one that the next run deletes and redoes.
 */
public final class FrameExtractor {

    /** Per-video record file inside each finished frame folder. */
    public static final String VIDEO_RECORD = "video.json";
    /** Per-video manifest rows inside each finished frame folder. */
    public static final String VIDEO_ROWS = "frames.csv";

    private final ExtractionSettings settings;

    public FrameExtractor(ExtractionSettings settings) {
        this.settings = settings;
    }

    /**
     * The outcome for one video.
     *
     * @param record  what was extracted
     * @param rows    the manifest rows, paths relative to the output root
     * @param reused  true when a previous run's frames were reused (all there, unchanged)
     * @param redone  why a finished take from a previous run was extracted again (frames missing or changed), or null
     */
    public record Result(ExtractedVideo record, List<FrameRecord> rows, boolean reused, String redone) {
    }

    /**
     * Extracts (or reuses) the frames of one video.
     *
     * @param decoderThreads FFmpeg decoder threads for this video
     * @throws BadInputException when the video is missing, unreadable, corrupt or truncated
     */
    public Result extract(LabeledVideo video, Path outRoot, int decoderThreads) throws IOException {
        Path target = outRoot.resolve(video.outputFolder());
        Path partial = AtomicFiles.partialSibling(target);
        AtomicFiles.deleteRecursively(partial);
        if (!Files.isRegularFile(video.file())) {
            throw new BadInputException(video.file(), "file not found", "check the path");
        }
        String sha = Checksums.sha256(video.file());
        String[] why = new String[1];
        Result previous = reusable(outRoot, target, video, sha, why);
        if (previous != null) {
            return previous;
        }
        String redo = why[0];
        Files.createDirectories(partial);
        List<FrameRecord> rows = new ArrayList<>();
        ExtractedVideo record;
        try (VideoDecoder decoder = VideoDecoder.open(video.file(), decoderThreads)) {
            record = decode(decoder, video, sha, partial, rows);
        } catch (RuntimeException | IOException e) {
            AtomicFiles.deleteRecursively(partial);
            throw e;
        }
        FrameManifest.write(partial.resolve(VIDEO_ROWS), rows);
        record = record.withFramesSha256(framesSha256(outRoot, partial, target, rows));
        Json.write(partial.resolve(VIDEO_RECORD), record);
        AtomicFiles.publishDirectory(partial, target);
        return new Result(record, rows, false, redo);
    }

    /**
     * The checksum of a take's frame files in manifest order; rows name paths under {@code target}, the files may
     * still sit in {@code folder} (the partial sibling). Null when a file is missing.
     */
    private static String framesSha256(Path outRoot, Path folder, Path target, List<FrameRecord> rows) throws IOException {
        StringBuilder all = new StringBuilder();
        Path base = outRoot.toAbsolutePath().normalize();
        Path targetAbs = target.toAbsolutePath().normalize();
        for (FrameRecord r : rows) {
            Path inTarget = base.resolve(r.framePath()).normalize();
            Path file = folder.toAbsolutePath().normalize().resolve(targetAbs.relativize(inTarget));
            if (!Files.isRegularFile(file)) {
                return null;
            }
            all.append(r.framePath()).append(' ').append(Files.size(file)).append(' ').append(Checksums.sha256(file)).append('\n');
        }
        return Checksums.sha256(all.toString());
    }

    /**
     * The previous run's result when it is for the same video and settings and its frames are all there unchanged;
     * else null, with the reason in {@code why[0]} when a finished take had to be redone.
     */
    private Result reusable(Path outRoot, Path target, LabeledVideo video, String sha, String[] why) throws IOException {
        Path recordFile = target.resolve(VIDEO_RECORD);
        Path rowsFile = target.resolve(VIDEO_ROWS);
        if (!Files.isRegularFile(recordFile) || !Files.isRegularFile(rowsFile)) {
            return null;
        }
        try {
            ExtractedVideo old = Json.read(recordFile, ExtractedVideo.class);
            if (old.sha256().equals(sha) && old.settingsKey().equals(settings.key())
                    && old.sourceVideo().equals(video.relative()) && old.label().equals(video.label())) {
                List<FrameRecord> rows = FrameManifest.read(rowsFile);
                String now = framesSha256(outRoot, target, target, rows);
                if (old.framesSha256() != null && old.framesSha256().equals(now) && rows.size() == old.outputFrames()) {
                    return new Result(old, rows, true, null);
                }
                why[0] = now == null ? "a frame of the finished take is missing" : "the finished take's frames changed";
            }
        } catch (IOException | RuntimeException e) {
            why[0] = "its record could not be read (" + e.getMessage() + ")";
        }
        return null;
    }

    private ExtractedVideo decode(VideoDecoder decoder, LabeledVideo video, String sha, Path dir,
                                  List<FrameRecord> rows) throws IOException {
        VideoStream stream = decoder.stream();
        FrameSelector selector = settings.selector(stream.timeBase());
        String captureFps = stream.captureFps().toString();
        AVFrame previous = av_frame_alloc();
        AVFrame current = av_frame_alloc();
        long index = -1;
        long previousPts = AV_NOPTS_VALUE;
        long lastStep = 0;
        try (FrameRenderer renderer = new FrameRenderer(stream, settings.geometry(), settings.encoding())) {
            Output out = new Output(video, stream, dir, rows, renderer, captureFps);
            while (decoder.next(current)) {
                long pts = decoder.pts(current);
                if (pts == AV_NOPTS_VALUE) {
                    pts = previousPts == AV_NOPTS_VALUE ? 0 : previousPts + Math.max(1, lastStep);
                }
                if (previousPts != AV_NOPTS_VALUE) {
                    lastStep = pts - previousPts;
                }
                int copies = selector.offer(pts);
                out.write(previous, index, previousPts, copies);
                AVFrame t = previous;
                previous = current;
                current = t;
                previousPts = pts;
                index++;
            }
            if (index < 0) {
                throw new BadInputException(video.file(), "no frame could be decoded",
                        "the video is corrupt or truncated; copy or export it again");
            }
            if (decoder.decodeErrors() > 0 || (stream.declaredFrames() > 0 && index + 1 < stream.declaredFrames())) {
                throw new BadInputException(video.file(), "corrupt or truncated: decoded " + (index + 1) + " of "
                        + stream.declaredFrames() + " frames with " + decoder.decodeErrors() + " decode errors",
                        "copy or export the video again");
            }
            long duration = previous.duration() > 0 ? previous.duration() : lastStep > 0 ? lastStep : nominalStep(stream);
            out.write(previous, index, previousPts, selector.finish(previousPts + duration));
            return new ExtractedVideo(video.relative(), sha, settings.key(), video.label(), stream, index + 1,
                    out.written, null);
        } finally {
            av_frame_free(previous);
            av_frame_free(current);
        }
    }

    private static long nominalStep(VideoStream s) {
        Rational fps = s.captureFps();
        if (!fps.isPositive()) {
            return 1;
        }
        return Math.max(1, FpsRounding.NEAR.rescale(1, new Rational(fps.den(), fps.num()), s.timeBase()));
    }

    /** Writes selected frames and their manifest rows. */
    private final class Output {
        private final LabeledVideo video;
        private final VideoStream stream;
        private final Path dir;
        private final List<FrameRecord> rows;
        private final FrameRenderer renderer;
        private final double captureFps;
        private long written;

        Output(LabeledVideo video, VideoStream stream, Path dir, List<FrameRecord> rows, FrameRenderer renderer,
               String captureFps) {
            this.video = video;
            this.stream = stream;
            this.dir = dir;
            this.rows = rows;
            this.renderer = renderer;
            this.captureFps = Rational.parse(captureFps).toDouble();
        }

        void write(AVFrame frame, long sourceIndex, long pts, int copies) throws IOException {
            if (copies <= 0) {
                return;
            }
            byte[] image = renderer.render(frame);
            for (int c = 0; c < copies; c++) {
                String name = String.format("%06d%s", written, settings.encoding().extension());
                Files.write(dir.resolve(name), image);
                rows.add(new FrameRecord(video.outputFolder() + "/" + name, video.label(), video.relative(),
                        sourceIndex, stream.seconds(pts), captureFps, settings.targetFpsLabel(), c > 0));
                written++;
            }
        }
    }
}
