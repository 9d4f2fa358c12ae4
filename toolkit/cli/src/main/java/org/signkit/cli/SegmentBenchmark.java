package org.signkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.signkit.synth.Scene;
import org.signkit.synth.SignLibrary;
import org.signkit.synth.Signer;
import org.signkit.synth.TakeRenderer;
import org.signkit.synth.TakeStyle;
import org.signkit.vision.ModelStore;
import org.signkit.vision.Segmenter;
import org.signkit.vision.Segmenters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code signkit bench segment}: single-thread frames/s of every segmentation method on one synthetic
 * take at 360x640, and in the same run the same pipelines in OpenCV-Python ({@code python3-opencv}).
 */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = "Single-thread frames/s per segmentation method at 360x640 vs the same pipelines in OpenCV-Python.")
final class SegmentBenchmark implements Callable<Integer> {

    @Option(names = "--frames", defaultValue = "60", description = "Frames in the take. Default: ${DEFAULT-VALUE}.")
    int frames;

    @Option(names = "--rounds", defaultValue = "3", description = "Timed rounds; the best is reported. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with cv2. Default: ${DEFAULT-VALUE}.")
    String python;

    @Override
    public Integer call() throws Exception {
        opencv_core.setNumThreads(1);
        Path work = Files.createTempDirectory("signkit-bench-segment");
        Scene scene = Scene.trainingWall();
        List<Mat> take = TakeRenderer.frames(scene, Signer.of(0, 1), SignLibrary.study14().get(0), TakeStyle.draw(3), 30, frames,
                360, 640, 3);
        for (int i = 0; i < take.size(); i++) {
            opencv_imgcodecs.imwrite(work.resolve(String.format("frame-%04d.png", i)).toString(), take.get(i));
        }
        Mat plate = scene.renderLitPlate(360, 640);
        Path platePng = work.resolve("plate.png");
        opencv_imgcodecs.imwrite(platePng.toString(), plate);
        Map<String, Double> ours = new LinkedHashMap<>();
        Segmenters.Settings withPlate = new Segmenters.Settings(plate, ModelStore.fromEnvironment(), 520, 15, 0);
        Segmenters.Settings median = new Segmenters.Settings(null, ModelStore.fromEnvironment(), 520, 15, 0);
        ours.put("plate", framesPerSecond("plate", withPlate, take));
        ours.put("plate (median)", framesPerSecond("plate", median, take));
        ours.put("mog2", framesPerSecond("mog2", median, take));
        ours.put("knn", framesPerSecond("knn", median, take));
        ours.put("grabcut", framesPerSecond("grabcut", withPlate, take));
        ours.put("chroma", framesPerSecond("chroma", median, take));
        if (Files.isRegularFile(ModelStore.fromEnvironment().path(ModelStore.SELFIE))) {
            ours.put("selfie", framesPerSecond("selfie", median, take));
        }
        JsonNode peer = runPython(work, platePng);
        System.out.printf(Locale.ROOT, "%-16s %12s %12s %7s   (%d frames at 360x640, best of %d rounds, 1 thread)%n",
                "method", "signkit fr/s", "opencv-py", "ratio", take.size(), rounds);
        ours.forEach((name, fps) -> {
            double p = peer.path(name).asDouble(Double.NaN);
            System.out.printf(Locale.ROOT, "%-16s %12.1f %12s %7s%n", name, fps, Double.isNaN(p) ? "-" : String.format(Locale.ROOT, "%.1f", p),
                    Double.isNaN(p) ? "" : String.format(Locale.ROOT, "%.2fx", fps / p));
        });
        take.forEach(Mat::close);
        plate.close();
        return 0;
    }

    private double framesPerSecond(String method, Segmenters.Settings settings, List<Mat> take) {
        double best = 0;
        for (int r = 0; r < rounds; r++) {
            try (Segmenter s = Segmenters.of(method, settings)) {
                long t0 = System.nanoTime();
                s.segment(take).forEach(Mat::close);
                best = Math.max(best, take.size() / ((System.nanoTime() - t0) / 1e9));
            }
        }
        return best;
    }

    private JsonNode runPython(Path work, Path plate) throws Exception {
        Path script = JsonProcess.script(work, "segment_opencv.py");
        return JsonProcess.run(List.of(python, script.toString(), work.toString(), plate.toString(), Integer.toString(rounds)),
                true, python + " failed (is python3-opencv installed? apt-get install python3-opencv)");
    }
}
