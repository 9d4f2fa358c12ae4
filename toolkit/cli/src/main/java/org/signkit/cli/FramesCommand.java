package org.signkit.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.signkit.video.ExtractionSettings;
import org.signkit.video.FpsRounding;
import org.signkit.video.FrameExtractionJob;
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

    @Override
    public Integer call() throws Exception {
        ExtractionSettings settings = new ExtractionSettings(ExtractionSettings.parseFps(fps), FpsRounding.parse(round),
                new FrameGeometry(size, FrameGeometry.Square.valueOf(square.toUpperCase(java.util.Locale.ROOT))),
                new ImageEncoding(format, quality));
        int n = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        Progress progress = Progress.forConsole("frames");
        FrameExtractionJob.Summary s = new FrameExtractionJob().run(
                new FrameExtractionJob.Request(input, out, mapping, settings, n), progress);
        progress.finish();
        long extracted = s.outcomes().stream().filter(o -> o.status() == VideoOutcome.Status.EXTRACTED).count();
        long reused = s.outcomes().stream().filter(o -> o.status() == VideoOutcome.Status.REUSED).count();
        System.out.printf("%d frames from %d videos (%d extracted, %d already done) in %.1f s -> %s%n",
                s.frames(), extracted + reused, extracted, reused, s.seconds(), out.resolve("manifest.csv"));
        if (!s.ignored().isEmpty()) {
            System.out.printf("%d files ignored (not a video extension), e.g. %s%n", s.ignored().size(), s.ignored().get(0));
        }
        if (s.failures() > 0) {
            System.err.printf("%d inputs failed:%n", s.failures());
            s.problems().forEach(p -> System.err.println("  " + p));
            s.outcomes().stream().filter(o -> o.error() != null).forEach(o -> System.err.println("  " + o.error()));
            return 1;
        }
        return 0;
    }
}
