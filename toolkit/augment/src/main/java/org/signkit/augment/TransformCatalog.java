package org.signkit.augment;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.signkit.core.BadInputException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every transform by name, the study's presets, and pipelines read from YAML or JSON:
 * <pre>
 * name: my-geometric
 * fill_mode: nearest        # Keras fill_mode: nearest, constant, reflect, wrap
 * cval: 0                   # fill value for constant
 * transforms:
 *   - rotation: {range: 20}          # degrees, like Keras rotation_range
 *   - zoom: {range: [0.8, 1.2], p: 0.5}
 * </pre>
 */
public final class TransformCatalog {

    /** Geometric transform names, in the order the {@code geometric} preset lists its members first. */
    public static final List<String> GEOMETRIC = List.of("rotation", "zoom", "shear", "width_shift", "height_shift",
            "random_resized_crop", "perspective", "horizontal_flip");
    /** Intensity transform names. */
    public static final List<String> INTENSITY = List.of("brightness", "contrast", "gamma", "saturation_hue",
            "channel_shift", "channel_inversion", "gaussian_noise", "gaussian_blur", "motion_blur", "jpeg_quality");

    /** The study's geometric condition: Keras' rotation, zoom, shear and shifts, every sample. */
    private static final List<String> STUDY_GEOMETRIC = List.of("rotation", "zoom", "shear", "width_shift", "height_shift");
    /** The study's intensity condition: brightness and channel shift every sample, inversion sometimes. */
    private static final List<String> STUDY_INTENSITY = List.of("brightness", "channel_shift", "channel_inversion");

    private TransformCatalog() {
    }

    /** Every preset name: none, geometric, intensity, all, and each transform alone. */
    public static List<String> presets() {
        List<String> names = new ArrayList<>(List.of("none", "geometric", "intensity", "all"));
        names.addAll(GEOMETRIC);
        names.addAll(INTENSITY);
        return names;
    }

    /**
     * A preset: {@code none}; {@code geometric} (rotation ±15°, zoom 0.85–1.15, shear ±10°, shifts ±10%);
     * {@code intensity} (brightness 0.6–1.4, channel shift ±30, channel inversion with p 0.2);
     * {@code all} (both); or a transform's name for that transform alone, with its default ranges, every sample.
     * Horizontal flip is in no group preset: it swaps the signing hand.
     */
    public static AugmentationPipeline preset(String name) {
        List<Transform> t = new ArrayList<>();
        switch (name) {
            case "none" -> { }
            case "geometric" -> STUDY_GEOMETRIC.forEach(n -> t.add(create(n, Map.of(), FillMode.NEAREST, 0)));
            case "intensity" -> STUDY_INTENSITY.forEach(n -> t.add(create(n, n.equals("channel_inversion")
                    ? Map.of("p", 0.2) : Map.of(), FillMode.NEAREST, 0)));
            case "all" -> {
                t.addAll(preset("geometric").transforms());
                t.addAll(preset("intensity").transforms());
            }
            default -> {
                if (!GEOMETRIC.contains(name) && !INTENSITY.contains(name)) {
                    throw new IllegalArgumentException("unknown pipeline preset '" + name + "'; presets: " + presets());
                }
                t.add(create(name, Map.of("p", 1.0), FillMode.NEAREST, 0));
            }
        }
        return new AugmentationPipeline(name, t);
    }

    /** A preset name or a YAML/JSON pipeline file. */
    public static AugmentationPipeline resolve(String presetOrFile) throws IOException {
        Path p = Path.of(presetOrFile);
        if (presets().contains(presetOrFile) || !Files.exists(p)) {
            return preset(presetOrFile);
        }
        return load(p);
    }

    /** Reads a pipeline file; errors name the file, the transform position and the key. */
    public static AugmentationPipeline load(Path file) throws IOException {
        Object root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        } catch (RuntimeException e) {
            throw new BadInputException(file, "not valid YAML/JSON: " + e.getMessage(), "fix the syntax");
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new BadInputException(file, "expected a mapping with 'transforms'", "see the pipeline format in the README");
        }
        try {
            for (Object k : map.keySet()) {
                if (!Set.of("name", "fill_mode", "cval", "transforms").contains(String.valueOf(k))) {
                    throw new IllegalArgumentException("unknown key '" + k + "' (known: name, fill_mode, cval, transforms)");
                }
            }
            FillMode fill = FillMode.parse(String.valueOf(map.containsKey("fill_mode") ? map.get("fill_mode") : "nearest"));
            double cval = map.get("cval") instanceof Number n ? n.doubleValue() : 0;
            Object list = map.get("transforms");
            if (!(list instanceof List<?> items)) {
                throw new IllegalArgumentException("'transforms' must be a list");
            }
            List<Transform> transforms = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (!(items.get(i) instanceof Map<?, ?> item) || item.size() != 1) {
                    throw new IllegalArgumentException("transforms[" + i + "] must be '- name: {options}'");
                }
                Map.Entry<?, ?> e = item.entrySet().iterator().next();
                Map<String, Object> opts = new LinkedHashMap<>();
                if (e.getValue() instanceof Map<?, ?> m) {
                    m.forEach((k, v) -> opts.put(String.valueOf(k), v));
                } else if (e.getValue() != null) {
                    throw new IllegalArgumentException("transforms[" + i + "] " + e.getKey() + ": options must be a mapping");
                }
                try {
                    transforms.add(create(String.valueOf(e.getKey()), opts, fill, cval));
                } catch (IllegalArgumentException x) {
                    throw new IllegalArgumentException("transforms[" + i + "]: " + x.getMessage(), x);
                }
            }
            String name = map.get("name") == null ? file.getFileName().toString().replaceFirst("\\.[^.]+$", "")
                    : String.valueOf(map.get("name"));
            return new AugmentationPipeline(name, transforms);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file, e.getMessage(), "fix the pipeline file; transforms: " + GEOMETRIC + " " + INTENSITY, e);
        }
    }

    /** One transform by name with options as in a pipeline file. */
    public static Transform create(String name, Map<String, Object> options, FillMode fill, double cval) {
        Options o = new Options(name, options);
        return switch (name) {
            case "rotation" -> Rotation.from(o, fill, cval);
            case "zoom" -> Zoom.from(o, fill, cval);
            case "shear" -> Shear.from(o, fill, cval);
            case "width_shift" -> Shift.from(Shift.Axis.WIDTH, o, fill, cval);
            case "height_shift" -> Shift.from(Shift.Axis.HEIGHT, o, fill, cval);
            case "random_resized_crop" -> RandomResizedCrop.from(o, fill, cval);
            case "perspective" -> Perspective.from(o, fill, cval);
            case "horizontal_flip" -> HorizontalFlip.from(o);
            case "brightness" -> Brightness.from(o);
            case "contrast" -> Contrast.from(o);
            case "gamma" -> Gamma.from(o);
            case "saturation_hue" -> SaturationHue.from(o);
            case "channel_shift" -> ChannelShift.from(o);
            case "channel_inversion" -> ChannelInversion.from(o);
            case "gaussian_noise" -> GaussianNoise.from(o);
            case "gaussian_blur" -> GaussianBlur.from(o);
            case "motion_blur" -> MotionBlur.from(o);
            case "jpeg_quality" -> JpegQuality.from(o);
            default -> throw new IllegalArgumentException("unknown transform '" + name + "'; known: " + GEOMETRIC + " " + INTENSITY);
        };
    }
}
