package org.signkit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.signkit.augment.AugmentationPipeline;
import org.signkit.augment.AugmentationPreview;
import org.signkit.augment.TransformCatalog;
import org.signkit.core.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code signkit augment}: the geometric and intensity augmenters. */
@Command(name = "augment", mixinStandardHelpOptions = true,
        description = "Geometric vs intensity augmentation: presets, pipeline files and previews.",
        subcommands = {AugmentCommand.Preview.class, AugmentCommand.ListPresets.class})
final class AugmentCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code signkit augment preview}. */
    @Command(name = "preview", mixinStandardHelpOptions = true,
            description = "Contact sheet: one row per transform of the pipeline (several random draws), then the whole pipeline.")
    static final class Preview implements Callable<Integer> {

        @Option(names = "--pipeline", defaultValue = "all", paramLabel = "PRESET|FILE",
                description = "A preset (see 'signkit augment list') or a YAML/JSON pipeline file. Default: ${DEFAULT-VALUE}.")
        String pipeline;

        @Option(names = "--in", required = true, paramLabel = "FRAMES",
                description = "An image, or a folder of frames (the middle one of the sorted list is used).")
        Path in;

        @Option(names = "--out", required = true, paramLabel = "SHEET", description = "Output image (.png or .jpg).")
        Path out;

        @Option(names = "--draws", defaultValue = "6", description = "Random draws per row. Default: ${DEFAULT-VALUE}.")
        int draws;

        @Option(names = "--seed", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Override
        public Integer call() throws Exception {
            AugmentationPipeline p = TransformCatalog.resolve(pipeline);
            Path frame = pickFrame(in);
            Mat image = opencv_imgcodecs.imread(frame.toString());
            if (image == null || image.empty()) {
                throw new BadInputException(frame, "not a readable image", "give a JPEG or PNG frame");
            }
            AugmentationPreview.write(p, image, draws, seed, out);
            System.out.println("preview of '" + p.name() + "' on " + frame + " -> " + out);
            return 0;
        }

        private static Path pickFrame(Path in) throws java.io.IOException {
            if (!Files.isDirectory(in)) {
                return in;
            }
            try (Stream<Path> walk = Files.walk(in)) {
                List<Path> images = walk.filter(f -> f.toString().matches("(?i).*\\.(jpe?g|png)$")).sorted().toList();
                if (images.isEmpty()) {
                    throw new BadInputException(in, "no .jpg or .png frames inside", "run 'signkit frames' first or give an image");
                }
                return images.get(images.size() / 2);
            }
        }
    }

    /** {@code signkit augment list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the presets and transforms.")
    static final class ListPresets implements Callable<Integer> {
        @Override
        public Integer call() {
            System.out.println("presets: none, geometric, intensity, all, or any single transform");
            System.out.println("geometric transforms: " + String.join(", ", TransformCatalog.GEOMETRIC));
            System.out.println("intensity transforms: " + String.join(", ", TransformCatalog.INTENSITY));
            for (String g : List.of("geometric", "intensity")) {
                System.out.println(g + " preset: " + TransformCatalog.preset(g).transforms().stream()
                        .map(t -> t.name() + (t.probability() < 1 ? " (p " + t.probability() + ")" : "")).toList());
            }
            return 0;
        }
    }
}
