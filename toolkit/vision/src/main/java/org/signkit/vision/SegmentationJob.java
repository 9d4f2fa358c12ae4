package org.signkit.vision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.signkit.core.FrameManifest;
import org.signkit.core.FrameRecord;
import org.signkit.synth.VideoTruth;

/**
 * Segments every take of a frames folder ({@code manifest.csv}) with one method: optionally writes the
 * masks ({@code <masks>/<frame path>.png}, 8-bit soft alpha, one file per frame, written atomically; a
 * rerun skips takes whose masks are all there) and, given the synthetic truth, scores each mask (a skipped
 * take's from its files).
 *
 * <p>A segmenter that does not depend on the take (a network, a subtractor, a supplied plate) is built
 * once per job and closed with it; only a plate taken from each take's truth makes one per take.
 */
public final class SegmentationJob implements AutoCloseable {

    private final Path framesRoot;
    private final String method;
    private final Segmenters.Settings settings;
    private final Path masksOut;
    private final TruthIndex truth;
    private Segmenter shared;

    /**
     * @param framesRoot folder holding {@code manifest.csv}
     * @param method     the {@code --method} name
     * @param settings   the method's settings (a supplied plate wins over the truth's)
     * @param masksOut   folder for the masks, or null
     * @param truth      the synthetic truth of the frames' videos, or null; with it, {@code plate} without a
     *                   supplied plate uses the take's empty scene (as a team would film the empty wall)
     */
    public SegmentationJob(Path framesRoot, String method, Segmenters.Settings settings, Path masksOut, TruthIndex truth) {
        this.framesRoot = framesRoot;
        this.method = method;
        this.settings = settings;
        this.masksOut = masksOut;
        this.truth = truth;
    }

    /** The frames folder. */
    public Path framesRoot() {
        return framesRoot;
    }

    /** The {@code --method} name. */
    public String method() {
        return method;
    }

    /** The synthetic truth, or null. */
    public TruthIndex truth() {
        return truth;
    }

    /**
     * What a run did.
     *
     * @param frames       frames segmented in this run
     * @param skippedTakes takes whose masks were already written (still scored, from the files)
     * @param seconds      time spent segmenting (not reading, scoring or writing)
     * @param mean         mean score over every frame, or null without truth
     */
    public record Result(String method, int takes, int frames, int skippedTakes, double seconds, MaskScore mean) {
        /** Frames segmented per second (skipped takes excluded). */
        public double framesPerSecond() {
            return seconds == 0 ? 0 : frames / seconds;
        }
    }

    /** Runs the job, reporting each finished take to {@code onTake} (frames done so far). */
    public Result run(java.util.function.IntConsumer onTake) throws IOException {
        List<FrameTake> takes = FrameTake.of(FrameManifest.read(framesRoot.resolve(FrameManifest.FILE_NAME)));
        double iou = 0;
        double hands = 0;
        int scored = 0;
        int frames = 0;
        int skipped = 0;
        long nanos = 0;
        for (FrameTake take : takes) {
            boolean done = masksOut != null && allMasksExist(take);
            VideoTruth videoTruth = truth == null ? null : truth.of(take.sourceVideo());
            List<Mat> masks;
            if (done) {
                skipped++;
                if (videoTruth == null) {
                    continue;
                }
                masks = take.frames().stream().map(r -> opencv_imgcodecs.imread(maskPath(r).toString(),
                        opencv_imgcodecs.IMREAD_GRAYSCALE)).toList();
            } else {
                List<Mat> images = take.load(framesRoot);
                try {
                    long t0 = System.nanoTime();
                    masks = masks(images, videoTruth);
                    nanos += System.nanoTime() - t0;
                    frames += take.frames().size();
                } finally {
                    images.forEach(Mat::close);
                }
            }
            for (int i = 0; i < masks.size(); i++) {
                FrameRecord row = take.frames().get(i);
                if (videoTruth != null) {
                    MaskScore m = TruthIndex.score(masks.get(i), videoTruth, TruthIndex.frame(videoTruth, row.sourceFrameIndex()));
                    iou += m.iou();
                    hands += m.handRetention();
                    scored++;
                }
                if (!done && masksOut != null) {
                    ImageFiles.write(maskPath(row), masks.get(i));
                }
                masks.get(i).close();
            }
            onTake.accept(frames);
        }
        return new Result(method, takes.size(), frames, skipped, nanos / 1e9,
                scored == 0 ? null : new MaskScore(iou / scored, hands / scored));
    }

    /**
     * The masks of one take's frames; with the take's truth and no supplied plate, {@code plate} (also as
     * GrabCut's base) compares with the take's empty scene.
     */
    public List<Mat> masks(List<Mat> images, VideoTruth videoTruth) {
        if (settings.plate() != null || videoTruth == null || !Segmenters.usesPlate(method)) {
            if (shared == null) {
                shared = Segmenters.of(method, settings);
            }
            return shared.segment(images);
        }
        try (Mat plate = TruthIndex.plate(videoTruth, images.get(0).cols(), images.get(0).rows());
             Segmenter perTake = Segmenters.of(method, new Segmenters.Settings(plate, settings.models(), settings.onnxSize(),
                     settings.personClass(), settings.smoothing()))) {
            return perTake.segment(images);
        }
    }

    @Override
    public void close() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    /** Where a frame's mask goes. */
    public Path maskPath(FrameRecord row) {
        return masksOut.resolve(row.framePath().replaceFirst("\\.[^./]+$", "") + ".png");
    }

    private boolean allMasksExist(FrameTake take) {
        return take.frames().stream().allMatch(r -> Files.isRegularFile(maskPath(r)));
    }

    /** Convenience for callers without progress. */
    public Result run() throws IOException {
        return run(done -> { });
    }
}
