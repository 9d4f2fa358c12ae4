package org.signkit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.signkit.core.BadInputException;
import org.signkit.vision.ModelStore;
import org.signkit.vision.Segmenters;
import org.signkit.vision.TruthIndex;
import picocli.CommandLine.Option;

/** The segmentation options {@code signkit segment} and {@code signkit background} share. */
final class SegmentationOptions {

    @Option(names = "--plate", paramLabel = "IMAGE",
            description = "An empty-scene frame for --method plate (same camera and size as the frames). "
                    + "Without it: the take's temporal median, or the scene in --truth.")
    Path plate;

    @Option(names = "--truth", paramLabel = "DIR",
            description = "Synthetic ground truth of the frames' videos (e.g. datasets/generated/synthsign/truth/capture60): "
                    + "gives plate the empty scene and lets segment --score measure the masks.")
    Path truth;

    @Option(names = "--smooth", defaultValue = "0", paramLabel = "FRAMES",
            description = "Temporal smoothing: average each mask with this many frames on each side. Default: ${DEFAULT-VALUE}.")
    int smooth;

    @Option(names = "--onnx-size", defaultValue = "520", paramLabel = "PX",
            description = "Square input size of an onnx:PATH model. Default: ${DEFAULT-VALUE}.")
    int onnxSize;

    @Option(names = "--person-class", defaultValue = "15", paramLabel = "INDEX",
            description = "Person class index of an onnx:PATH model (15 in DeepLabV3's Pascal VOC labels). Default: ${DEFAULT-VALUE}.")
    int personClass;

    /** The settings, with the supplied plate read (the caller closes it). */
    Segmenters.Settings settings() {
        Mat plateImage = null;
        if (plate != null) {
            plateImage = opencv_imgcodecs.imread(plate.toString());
            if (plateImage == null || plateImage.empty()) {
                throw new BadInputException(plate, "not a readable image", "give a JPEG or PNG of the empty scene");
            }
        }
        return new Segmenters.Settings(plateImage, ModelStore.fromEnvironment(), onnxSize, personClass, smooth);
    }

    /** Frees the plate {@link #settings()} read, if any. */
    static void release(Segmenters.Settings settings) {
        if (settings.plate() != null) {
            settings.plate().close();
        }
    }

    /** The truth index, or null. */
    TruthIndex truthIndex() {
        if (truth == null) {
            return null;
        }
        if (!Files.isDirectory(truth)) {
            throw new BadInputException(truth, "no such truth folder", "give the truth/<group> folder 'signkit synth' wrote");
        }
        return new TruthIndex(truth);
    }

    /** The frames folder, checked. */
    static Path framesRoot(Path frames) {
        if (!Files.isRegularFile(frames.resolve("manifest.csv"))) {
            throw new BadInputException(frames, "no manifest.csv here", "give a folder written by 'signkit frames'");
        }
        return frames;
    }
}
