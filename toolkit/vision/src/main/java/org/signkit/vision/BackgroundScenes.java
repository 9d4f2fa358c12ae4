package org.signkit.vision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.signkit.core.BadInputException;
import org.signkit.synth.Scene;

/**
 * The scenes signers are pasted onto, each scaled to cover the output and centre-cropped: the images of a
 * folder (sorted by name), or a built-in generated set. The built-in scenes are drawn from the synthetic
 * validation set's distribution (walls, gradients, textures, clutter under varied light) with seeds the
 * validation set does not use, so no validation background leaks into training.
 */
public final class BackgroundScenes {

    /** Seeds of the built-in scenes start here (the synthetic validation set uses small seeds). */
    public static final long BUILTIN_SEED = 9001;

    private BackgroundScenes() {
    }

    /** A scene picture and its name (used in output paths). */
    public record NamedScene(String name, Mat image) {
    }

    /** {@code count} built-in scenes of {@code w x h}. */
    public static List<NamedScene> builtin(int count, int w, int h) {
        List<NamedScene> scenes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Scene scene = Scene.validation(BUILTIN_SEED + i);
            try (Mat big = scene.renderLitPlate(2 * w, 2 * h)) {
                scenes.add(new NamedScene(String.format("scene%02d-%s", i + 1, scene.kind().name().toLowerCase()), cover(big, w, h)));
            }
        }
        return scenes;
    }

    /** The first {@code count} images of {@code folder} (.jpg/.jpeg/.png), as {@code w x h} scenes. */
    public static List<NamedScene> folder(Path folder, int count, int w, int h) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(folder, "no such folder of scene images", "give a folder of .jpg/.png backgrounds, or --scenes builtin");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().matches("(?i).*\\.(jpe?g|png)$")).sorted().toList();
        }
        if (files.size() < count) {
            throw new BadInputException(folder, "has " + files.size() + " scene images, " + count + " asked for",
                    "add images or lower --count");
        }
        List<NamedScene> scenes = new ArrayList<>();
        for (Path f : files.subList(0, count)) {
            Mat image = opencv_imgcodecs.imread(f.toString());
            if (image == null || image.empty()) {
                scenes.forEach(s -> s.image().close());
                throw new BadInputException(f, "not a readable image", "replace or remove it");
            }
            String name = f.getFileName().toString().replaceFirst("\\.[^.]+$", "").replaceAll("[^A-Za-z0-9_-]", "_");
            scenes.add(new NamedScene(name, cover(image, w, h)));
            image.close();
        }
        return scenes;
    }

    /** Scales {@code image} to cover {@code w x h} and cuts the centre. */
    static Mat cover(Mat image, int w, int h) {
        double s = Math.max((double) w / image.cols(), (double) h / image.rows());
        int sw = Math.max(w, (int) Math.ceil(image.cols() * s));
        int sh = Math.max(h, (int) Math.ceil(image.rows() * s));
        try (Mat scaled = new Mat()) {
            opencv_imgproc.resize(image, scaled, new Size(sw, sh), 0, 0, opencv_imgproc.INTER_AREA);
            try (Mat crop = scaled.apply(new Rect((sw - w) / 2, (sh - h) / 2, w, h))) {
                return crop.clone();
            }
        }
    }
}
