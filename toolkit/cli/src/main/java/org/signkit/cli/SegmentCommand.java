package org.signkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.signkit.vision.SegmentationJob;
import org.signkit.vision.Segmenters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code signkit segment}: signer masks for a frames folder, optionally scored on the synthetic truth. */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = {"Separate the signer from the background in every take of a frames folder.",
                "Methods: " + Segmenters.METHODS + ".",
                "--masks writes one soft mask per frame (<masks>/<frame path>.png); --score with --truth prints "
                        + "IoU and hand retention per method (several methods: comma-separated)."})
final class SegmentCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FRAMES", description = "A folder written by 'signkit frames'.")
    Path frames;

    @Option(names = "--method", defaultValue = "plate", paramLabel = "METHOD[,METHOD...]",
            description = "Segmentation method(s). Default: ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--masks", paramLabel = "DIR", description = "Write the masks here (one method only).")
    Path masks;

    @Option(names = "--score", description = "Score the masks against --truth.")
    boolean score;

    @Mixin
    SegmentationOptions options;

    @Override
    public Integer call() throws Exception {
        Path root = SegmentationOptions.framesRoot(frames);
        List<String> methods = List.of(method.split(","));
        if (masks != null && methods.size() > 1) {
            throw new IllegalArgumentException("--masks takes one method; got " + methods);
        }
        if (score && options.truth == null) {
            throw new IllegalArgumentException("--score needs --truth DIR (the synthetic truth of the frames' videos)");
        }
        if (!score && masks == null) {
            throw new IllegalArgumentException("nothing to do: give --masks DIR, or --score with --truth");
        }
        List<SegmentationJob.Result> results = new ArrayList<>();
        Segmenters.Settings settings = options.settings();
        try {
            for (String m : methods) {
                try (SegmentationJob job = new SegmentationJob(root, m.trim(), settings, masks, options.truthIndex())) {
                    results.add(job.run(done -> System.err.printf("\r%s: %d frames", m, done)));
                }
                System.err.println();
            }
        } finally {
            SegmentationOptions.release(settings);
        }
        if (score) {
            System.out.printf("%-12s %7s %7s %14s %9s%n", "method", "frames", "IoU", "hand retention", "frames/s");
            for (SegmentationJob.Result r : results) {
                System.out.printf(Locale.ROOT, "%-12s %7d %7.4f %14.4f %9.1f%n", r.method(), r.frames(), r.mean().iou(),
                        r.mean().handRetention(), r.framesPerSecond());
            }
        }
        if (masks != null) {
            SegmentationJob.Result r = results.get(0);
            System.out.printf("%d masks of %d takes -> %s (%d takes already done)%n", r.frames(), r.takes() - r.skippedTakes(),
                    masks, r.skippedTakes());
        }
        return 0;
    }
}
