package org.signkit.vision;

import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Builds a {@link Segmenter} from its {@code --method} name: {@code plate}, {@code mog2}, {@code knn},
 * {@code chroma[:green|blue]}, {@code grabcut[:BASE]} (GrabCut over BASE, default plate), {@code selfie},
 * {@code onnx:PATH}.
 */
public final class Segmenters {

    /** The method names {@code --method} takes, for help texts. */
    public static final String METHODS = "plate, mog2, knn, chroma[:green|blue], grabcut[:BASE], selfie, onnx:PATH";

    private Segmenters() {
    }

    /**
     * Settings some methods need.
     *
     * @param plate       empty-scene frame for {@code plate} (null: the take's temporal median); the caller owns it
     * @param models      where {@code selfie} is installed
     * @param onnxSize    square input size of an ONNX model
     * @param personClass person class index of an ONNX model
     * @param smoothing   temporal smoothing radius in frames (0: none)
     */
    public record Settings(Mat plate, ModelStore models, int onnxSize, int personClass, int smoothing) {
        /** No plate, the environment's model store, ONNX 520 px and class 15 (DeepLabV3, VOC), no smoothing. */
        public static Settings defaults() {
            return new Settings(null, ModelStore.fromEnvironment(), 520, 15, 0);
        }
    }

    /** True when {@code method} compares frames with a plate ({@code plate}, or GrabCut over it). */
    public static boolean usesPlate(String method) {
        return method.equals("plate") || method.equals("grabcut") || method.equals("grabcut:plate");
    }

    /** The segmenter {@code method} names, with temporal smoothing when the settings ask for it. */
    public static Segmenter of(String method, Settings settings) {
        Segmenter base = base(method, settings);
        return settings.smoothing() > 0 ? new TemporalSmoothing(base, settings.smoothing()) : base;
    }

    private static Segmenter base(String method, Settings settings) {
        int colon = method.indexOf(':');
        String name = colon < 0 ? method : method.substring(0, colon);
        String arg = colon < 0 ? null : method.substring(colon + 1);
        return switch (name) {
            case "plate" -> settings.plate() == null
                    ? new PlateSegmenter(null, 10, 0.35, MaskCleanup.MIN_SHARE, MaskCleanup.FEATHER)
                    : PlateSegmenter.withPlate(settings.plate());
            case "mog2", "knn" -> SubtractorSegmenter.of(name);
            case "chroma" -> ChromaSegmenter.of(arg == null ? "green" : arg);
            case "grabcut" -> GrabCutRefiner.of(base(arg == null ? "plate" : arg, settings));
            case "selfie" -> DnnPersonSegmenter.selfie(settings.models());
            case "onnx" -> {
                if (arg == null || arg.isBlank()) {
                    throw new IllegalArgumentException("onnx needs a model path: --method onnx:PATH");
                }
                yield DnnPersonSegmenter.onnx(Path.of(arg), settings.onnxSize(), settings.personClass());
            }
            default -> throw new IllegalArgumentException("unknown segmentation method '" + method + "'; use one of "
                    + METHODS);
        };
    }
}
