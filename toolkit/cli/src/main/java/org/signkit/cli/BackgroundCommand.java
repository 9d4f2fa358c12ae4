package org.signkit.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.signkit.vision.BackgroundCompositor;
import org.signkit.vision.BackgroundJob;
import org.signkit.vision.BackgroundScenes;
import org.signkit.vision.BackgroundScenes.NamedScene;
import org.signkit.vision.SegmentationJob;
import org.signkit.vision.Segmenters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code signkit background}: the study's background-replacement variant of a frame set. */
@Command(name = "background", mixinStandardHelpOptions = true,
        description = {"Paste the segmented signer of every frame onto N scenes (the study: 5 scenes, 331x331).",
                "Writes <out>/<scene>/<frame path>.jpg, manifest.csv (trainable, labels and sources kept) and "
                        + "composites.csv (output, source frame, scene). A rerun skips finished takes."})
final class BackgroundCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FRAMES", description = "A folder written by 'signkit frames'.")
    Path frames;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--method", defaultValue = "plate", paramLabel = "METHOD", description = "Segmentation method. Default: ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--scenes", defaultValue = "builtin", paramLabel = "DIR|builtin",
            description = "A folder of background images, or 'builtin' (generated walls, gradients, textures, clutter). Default: ${DEFAULT-VALUE}.")
    String scenes;

    @Option(names = "--count", defaultValue = "5", paramLabel = "N", description = "Scenes per frame. Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--size", defaultValue = "331x331", paramLabel = "WxH", description = "Output size. Default: ${DEFAULT-VALUE}.")
    String size;

    @Option(names = "--harmonise", defaultValue = "0", paramLabel = "SHARE",
            description = "Move the signer's mean colour this share toward the scene's (0 off, 1 full). Default: ${DEFAULT-VALUE}.")
    double harmonise;

    @Option(names = "--keep-originals", description = "Also list the source frames (copied to OUT/original/): the source set enlarged with its composites.")
    boolean keepOriginals;

    @Mixin
    SegmentationOptions options;

    @Override
    public Integer call() throws Exception {
        Path root = SegmentationOptions.framesRoot(frames);
        String[] wh = size.toLowerCase().split("x");
        if (wh.length != 2) {
            throw new IllegalArgumentException("--size must be WxH, e.g. 331x331: " + size);
        }
        BackgroundCompositor compositor = new BackgroundCompositor(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]), harmonise);
        if (count < 1) {
            throw new IllegalArgumentException("--count must be >= 1: " + count);
        }
        List<NamedScene> sceneList = scenes.equals("builtin")
                ? BackgroundScenes.builtin(count, compositor.width(), compositor.height())
                : BackgroundScenes.folder(Path.of(scenes), count, compositor.width(), compositor.height());
        Segmenters.Settings settings = options.settings();
        try (SegmentationJob seg = new SegmentationJob(root, method, settings, null, options.truthIndex())) {
            BackgroundJob.Result r = new BackgroundJob(seg, sceneList, compositor, out, keepOriginals)
                    .run(done -> System.err.printf("\rbackground: %d source frames", done));
            System.err.println();
            System.out.printf("%d frames x %d scenes -> %s (%d written, %d takes already done)%n", r.sourceFrames(),
                    sceneList.size(), out, r.written(), r.skippedTakes());
        } finally {
            sceneList.forEach(s -> s.image().close());
            SegmentationOptions.release(settings);
        }
        return 0;
    }
}
