package org.signkit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.signkit.core.AtomicFiles;
import org.signkit.video.ExtractionListener;
import org.signkit.video.ExtractionSettings;
import org.signkit.video.FpsRounding;
import org.signkit.video.FrameExtractionJob;
import org.signkit.video.FrameGeometry;
import org.signkit.video.ImageEncoding;
import org.signkit.video.PatternVideo;
import org.signkit.video.Rational;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code signkit bench frames}: decode + resample + resize + JPEG write throughput of signkit against
 * the ffmpeg CLI ({@code -vf fps=N,scale=...}) over the same generated phone-like videos, with the same
 * number of videos processed at once and one decoder thread per video in both.
 */
@Command(name = "frames", mixinStandardHelpOptions = true,
        description = "Frames/s of 'signkit frames' vs 'ffmpeg -vf fps=N,scale=...' on generated 60 FPS 720x1280 videos.")
final class FramesBenchmark implements Callable<Integer> {

    @Option(names = "--videos", defaultValue = "4", description = "Generated videos. Default: ${DEFAULT-VALUE}.")
    int videos;

    @Option(names = "--seconds", defaultValue = "5", description = "Length of each video. Default: ${DEFAULT-VALUE}.")
    int seconds;

    @Option(names = "--fps", defaultValue = "30", description = "Target rate. Default: ${DEFAULT-VALUE}.")
    String fps;

    @Option(names = "--size", defaultValue = "224", description = "Short side of the output. Default: ${DEFAULT-VALUE}.")
    int size;

    @Option(names = {"-j", "--jobs"}, description = "Videos at once, for both tools. Default: the number of cores.")
    Integer jobs;

    @Option(names = "--repeat", defaultValue = "3", description = "Timed runs per tool (median reported). Default: ${DEFAULT-VALUE}.")
    int repeat;

    @Option(names = "--work", defaultValue = "datasets/generated/bench-frames", description = "Scratch folder. Default: ${DEFAULT-VALUE}.")
    Path work;

    @Option(names = "--ffmpeg", defaultValue = "ffmpeg", description = "The ffmpeg executable. Default: ${DEFAULT-VALUE}.")
    String ffmpeg;

    @Override
    public Integer call() throws Exception {
        int n = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        Path inputs = work.resolve("videos");
        List<Path> files = generate(inputs);
        ExtractionSettings settings = new ExtractionSettings(Rational.parse(fps), FpsRounding.NEAR,
                new FrameGeometry(size, FrameGeometry.Square.NONE), new ImageEncoding("jpg", 90));
        Path ours = work.resolve("out-signkit");
        Path theirs = work.resolve("out-ffmpeg");
        System.out.printf(Locale.ROOT, "%d videos, 720x1280 H.264 at 60 FPS, %d s each; fps=%s, short side %d, JPEG; %d at once%n",
                files.size(), seconds, fps, size, n);
        // One untimed run of each warms the JIT, the page cache and JavaCPP's native loading.
        long frames = runSignkit(inputs, ours, settings, n);
        long ffFrames = runFfmpeg(files, theirs, n);
        double[] tOurs = new double[repeat];
        double[] tTheirs = new double[repeat];
        for (int r = 0; r < repeat; r++) {
            long t0 = System.nanoTime();
            runSignkit(inputs, ours, settings, n);
            tOurs[r] = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            runFfmpeg(files, theirs, n);
            tTheirs[r] = (System.nanoTime() - t0) / 1e9;
        }
        double mo = Medians.of(tOurs);
        double mt = Medians.of(tTheirs);
        System.out.printf(Locale.ROOT, "signkit: %d frames, median %.2f s (%s) -> %.0f frames/s%n", frames, mo,
                Arrays.toString(tOurs), frames / mo);
        System.out.printf(Locale.ROOT, "ffmpeg : %d frames, median %.2f s (%s) -> %.0f frames/s%n", ffFrames, mt,
                Arrays.toString(tTheirs), ffFrames / mt);
        System.out.printf(Locale.ROOT, "ratio signkit/ffmpeg (frames/s): %.2fx%n", (frames / mo) / (ffFrames / mt));
        return 0;
    }

    private List<Path> generate(Path dir) throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < videos; i++) {
            Path f = dir.resolve("bench").resolve("s" + (i % 2 + 1) + "_" + (i + 1) + ".mp4");
            if (!Files.isRegularFile(f)) {
                PatternVideo.write(f, new PatternVideo.Spec(720, 1280, new Rational(60, 1), seconds * 60, 0, true));
            }
            files.add(f);
        }
        return files;
    }

    private static long runSignkit(Path inputs, Path out, ExtractionSettings settings, int n) throws IOException {
        AtomicFiles.deleteRecursively(out);
        FrameExtractionJob.Summary s = new FrameExtractionJob().run(
                new FrameExtractionJob.Request(inputs, out, null, settings, n), ExtractionListener.NONE);
        if (s.failures() > 0) {
            throw new IllegalStateException("signkit failed: " + s.outcomes());
        }
        return s.frames();
    }

    private long runFfmpeg(List<Path> files, Path out, int n) throws Exception {
        AtomicFiles.deleteRecursively(out);
        List<Process> running = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path dir = out.resolve("v" + i);
            Files.createDirectories(dir);
            if (running.size() == n) {
                waitFor(running.remove(0));
            }
            running.add(new ProcessBuilder(ffmpeg, "-v", "error", "-threads", "1", "-i", files.get(i).toString(),
                    "-vf", "fps=" + fps + ",scale=" + size + ":-2", "-filter_threads", "1", "-q:v", "3",
                    dir.resolve("%06d.jpg").toString()).inheritIO().start());
        }
        for (Process p : running) {
            waitFor(p);
        }
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(p -> p.toString().endsWith(".jpg")).count();
        }
    }

    private static void waitFor(Process p) throws InterruptedException {
        if (p.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg exited with " + p.exitValue());
        }
    }

}
