package org.signkit.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.signkit.video.ExtractionSettings;
import org.signkit.video.FpsRounding;
import org.signkit.video.FrameExtractionJob;
import org.signkit.dataset.Annotations;
import org.signkit.dataset.DatasetLayout;
import org.signkit.hands.HandsFile;
import org.signkit.hands.HandsJob;
import org.signkit.hands.HandsMethod;
import org.signkit.hands.SigningSpace;
import org.signkit.hands.SigningSpaceJob;
import org.signkit.vision.ModelStore;
import org.signkit.video.FrameGeometry;
import org.signkit.video.ImageEncoding;
import org.signkit.video.VideoOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code signkit frames}: videos to labelled frames at a target rate, with a manifest. */
@Command(name = "frames", mixinStandardHelpOptions = true,
        description = {"Extract frames at a target rate, choosing source frames exactly as ffmpeg's fps filter does.",
                "Labels come from the folder tree <sign>/<signer>_<take>.<ext> or from --mapping.",
                "Writes <out>/<sign>/<signer>_<take>/NNNNNN.jpg, <out>/manifest.csv and <out>/dataset.json.",
                "A rerun skips videos already extracted with the same settings and redoes half-done ones."})
final class FramesCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "INPUT", description = "A video, or a folder tree of videos.")
    Path input;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--fps", defaultValue = "30", paramLabel = "RATE",
            description = "Target rate: a number (30, 20, 29.97), a fraction (30000/1001) or 'source'. Default: ${DEFAULT-VALUE}.")
    String fps;

    @Option(names = "--round", defaultValue = "near", paramLabel = "MODE",
            description = "Timestamp rounding as ffmpeg's fps filter: near, up, down, zero, inf. Default: ${DEFAULT-VALUE}.")
    String round;

    @Option(names = "--size", defaultValue = "0", paramLabel = "PX",
            description = "Resize the short side to PX (0 keeps the source size). With --square, the square's side.")
    int size;

    @Option(names = "--square", defaultValue = "none", paramLabel = "MODE",
            description = "Make square frames: crop (center) or pad (black borders); none keeps the aspect ratio.")
    String square;

    @Option(names = "--format", defaultValue = "jpg", paramLabel = "FMT", description = "jpg or png. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--quality", defaultValue = "90", paramLabel = "Q", description = "JPEG quality 1-100. Default: ${DEFAULT-VALUE}.")
    int quality;

    @Option(names = "--mapping", paramLabel = "CSV",
            description = "CSV with header video,sign,signer,take (video relative to INPUT) instead of folder names.")
    Path mapping;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Videos processed at once. Default: the number of cores.")
    Integer jobs;

    @Option(names = "--crop", defaultValue = "none", paramLabel = "none|signer",
            description = "signer: one square per take around the signer's face and shoulders (from the hands stage), "
                    + "--size its side. Default: ${DEFAULT-VALUE}.")
    String crop;

    @Option(names = "--trim", defaultValue = "none", paramLabel = "none|still|annotation",
            description = "still: drop the lead-in and lead-out frames where the hands are at rest; annotation: keep the frames"
                    + " of each take's annotated sign (--annotations). Default: ${DEFAULT-VALUE}.")
    String trim;

    @Option(names = "--annotations", paramLabel = "DATASET|CSV", description = "The dataset (or its annotations.csv) whose "
            + "gloss annotations --trim annotation keeps. Default: the dataset INPUT lies in.")
    Path annotations;

    @Option(names = "--hands", defaultValue = "mediapipe", paramLabel = "METHOD",
            description = "How --crop and --trim find the face and hands: mediapipe, skin or truth (with --truth). "
                    + "Default: ${DEFAULT-VALUE}.")
    String hands;

    @Option(names = "--truth", paramLabel = "DIR", description = "Synthetic truth of the videos, for --hands truth.")
    Path truth;

    @Override
    public Integer call() throws Exception {
        SigningSpace.Crop cropMode = SigningSpace.Crop.parse(crop);
        SigningSpace.Trim trimMode = SigningSpace.Trim.parse(trim);
        boolean signingSpace = cropMode != SigningSpace.Crop.NONE || trimMode != SigningSpace.Trim.NONE;
        if (signingSpace && size == 0) {
            throw new IllegalArgumentException("--crop/--trim need --size (the output frames' side)");
        }
        java.util.Map<String, SigningSpace.Span> spans = trimMode == SigningSpace.Trim.ANNOTATION ? spans() : java.util.Map.of();
        // Signing space: frames at the source size go to OUT/.source first, then the hands stage, then the crop.
        Path extractTo = signingSpace ? out.resolve(".source") : out;
        ExtractionSettings settings = new ExtractionSettings(ExtractionSettings.parseFps(fps), FpsRounding.parse(round),
                signingSpace ? FrameGeometry.native_()
                        : new FrameGeometry(size, FrameGeometry.Square.valueOf(square.toUpperCase(java.util.Locale.ROOT))),
                new ImageEncoding(format, quality));
        int n = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        Progress progress = Progress.forConsole("frames");
        FrameExtractionJob.Summary s = new FrameExtractionJob().run(
                new FrameExtractionJob.Request(input, extractTo, mapping, settings, n), progress);
        progress.finish();
        long extracted = s.outcomes().stream().filter(o -> o.status() == VideoOutcome.Status.EXTRACTED).count();
        long reused = s.outcomes().stream().filter(o -> o.status() == VideoOutcome.Status.REUSED).count();
        List<VideoOutcome> redone = s.outcomes().stream().filter(o -> o.status() == VideoOutcome.Status.REDONE).toList();
        System.out.printf("%d frames from %d videos (%d extracted, %s%d already done) in %.1f s -> %s%n",
                s.frames(), extracted + redone.size() + reused, extracted, redone.isEmpty() ? "" : redone.size() + " redone, ", reused,
                s.seconds(), out.resolve("manifest.csv"));
        redone.forEach(o -> System.out.println("  redone " + o.video() + ": " + o.error()));
        if (signingSpace && s.frames() > 0) {
            HandsMethod method = HandsMethod.parse(hands);
            HandsJob.Summary found = new HandsJob(ModelStore.fromEnvironment(), truth).run(
                    new HandsJob.Request(extractTo, extractTo.resolve("hands"), method, "right"), done -> { });
            SigningSpaceJob.Summary space = new SigningSpaceJob().run(extractTo, HandsFile.read(found.file()), found.file(),
                    out, new SigningSpaceJob.Settings(cropMode, trimMode, size, quality, false, spans), java.util.Set.of(), done -> { });
            System.out.printf("signing space (crop %s, trim %s, hands %s): %d frames kept, %d trimmed -> %s%n",
                    cropMode.id(), trimMode.id(), method.id(), space.frames(), space.trimmed(), space.manifest());
        }
        if (!s.ignored().isEmpty()) {
            System.out.printf("%d files ignored (not a video extension), e.g. %s%n", s.ignored().size(), s.ignored().get(0));
        }
        if (s.failures() > 0) {
            System.err.printf("%d inputs failed:%n", s.failures());
            s.problems().forEach(p -> System.err.println("  " + p));
            s.outcomes().stream().filter(o -> o.status() == VideoOutcome.Status.FAILED).forEach(o -> System.err.println("  " + o.error()));
            return 1;
        }
        return 0;
    }

    /** The annotated sign spans of the videos under INPUT, from --annotations or the dataset INPUT lies in. */
    private java.util.Map<String, SigningSpace.Span> spans() throws java.io.IOException {
        Path dataset = annotations;
        if (dataset == null) {
            for (Path p = input.toAbsolutePath().normalize(); p != null && dataset == null; p = p.getParent()) {
                if (java.nio.file.Files.isRegularFile(p.resolve("annotations.csv"))) {
                    dataset = p;
                }
            }
            if (dataset == null) {
                throw new IllegalArgumentException("--trim annotation: no annotations.csv in or above " + input
                        + "; give the dataset with --annotations DATASET");
            }
        } else if (java.nio.file.Files.isRegularFile(dataset)) {
            dataset = dataset.toAbsolutePath().getParent();
        }
        java.util.Map<String, SigningSpace.Span> spans = Annotations.signSpans(new DatasetLayout(dataset), input);
        if (spans.isEmpty()) {
            throw new IllegalArgumentException("--trim annotation: no gloss annotation in " + dataset.resolve("annotations.csv")
                    + " is of a video under " + input + "; run 'signkit dataset annotate " + dataset + "'");
        }
        return spans;
    }
}
