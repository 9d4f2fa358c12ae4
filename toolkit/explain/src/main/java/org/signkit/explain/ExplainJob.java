package org.signkit.explain;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.signkit.core.AtomicFiles;
import org.signkit.core.BadInputException;
import org.signkit.core.FrameRecord;
import org.signkit.core.Json;
import org.signkit.synth.Box;
import org.signkit.synth.FrameTruth;
import org.signkit.synth.VideoTruth;
import org.signkit.train.FrameSet;
import org.signkit.train.SignClassifier;
import org.signkit.vision.ImageFiles;
import org.signkit.vision.TruthIndex;

/**
 * Explains a few frames per class of a frame set: one PNG per frame ({@code <out>/<sign>/<frame>.png}),
 * {@code explanations.json} (every number and setting) and {@code index.html}, a gallery page with the
 * trust scores, which the reports embed.
 *
 * @param model     the classifier
 * @param frames    the frames to choose from
 * @param perClass  frames explained per sign (evenly spaced through the sign's frames)
 * @param settings  LIME settings
 * @param reruns    explanations per frame for the stability score (1: no stability)
 * @param truth     synthetic truth for the pointing game, or null
 * @param out       output folder
 */
public record ExplainJob(SignClassifier model, FrameSet frames, int perClass, LimeSettings settings, int reruns,
                         TruthIndex truth, Path out) {

    /**
     * One explained frame.
     *
     * @param frame       frame path in the frame set
     * @param sign        true sign
     * @param predicted   predicted sign
     * @param probability its probability
     * @param image       the rendered PNG, relative to the output folder
     * @param r2          the local fit's R²
     * @param topSuperpixels the top positive superpixels
     * @param trust       stability, deletion, insertion, pointing
     */
    public record Entry(String frame, String sign, String predicted, double probability, String image, double r2,
                        List<Integer> topSuperpixels, TrustScores trust) {
    }

    /** The whole result, as written to {@code explanations.json}. */
    public record Result(LimeSettings settings, int reruns, List<Entry> entries, Map<String, Double> means) {
    }

    /** Runs the job, telling {@code log} about each frame. */
    public Result run(Consumer<String> log) throws IOException {
        List<FrameRecord> chosen = choose();
        List<Entry> entries = new ArrayList<>();
        ExplanationRenderer renderer = new ExplanationRenderer(224);
        for (FrameRecord r : chosen) {
            Path file = frames.imageOf(r);
            Mat image = opencv_imgcodecs.imread(file.toString());
            if (image == null || image.empty()) {
                throw new BadInputException(file, "missing or not a readable image", "re-extract the frames");
            }
            try (Mat input = model.input(frames, r, image)) {
                Explanation e = new LimeExplainer(settings).explain(model, input);
                List<Box> regions = regions(r, image.cols(), image.rows());
                TrustScores t = TrustScores.of(model, input, e, reruns, regions);
                String png = r.label().sign() + "/" + r.framePath().replace('/', '_').replaceFirst("\\.[^.]+$", "") + ".png";
                try (Mat picture = renderer.render(input, e)) {
                    ImageFiles.write(out.resolve(png), picture);
                }
                entries.add(new Entry(r.framePath(), r.label().sign(), e.top().className(), e.top().modelPrediction(), png,
                        e.top().score(), e.top().topPositive(settings.topK()), t));
                log.accept(String.format(Locale.ROOT, "%s: %s -> %s (%.2f)  R² %.2f  stability %.2f  deletion %.2f  insertion %.2f%s",
                        r.framePath(), r.label().sign(), e.top().className(), e.top().modelPrediction(), e.top().score(),
                        t.stability(), t.deletion(), t.insertion(), Double.isNaN(t.pointing()) ? "" : "  pointing " + (int) t.pointing()));
            } finally {
                image.close();
            }
        }
        Map<String, Double> means = new LinkedHashMap<>();
        means.put("stability", mean(entries, x -> x.trust().stability()));
        means.put("deletion", mean(entries, x -> x.trust().deletion()));
        means.put("insertion", mean(entries, x -> x.trust().insertion()));
        means.put("pointing", mean(entries, x -> x.trust().pointing()));
        means.put("r2", mean(entries, Entry::r2));
        Result result = new Result(settings, reruns, entries, means);
        AtomicFiles.writeString(out.resolve("explanations.json"), Json.write(result));
        AtomicFiles.writeString(out.resolve("index.html"), Gallery.html(result));
        return result;
    }

    /** {@code perClass} frames of each sign, evenly spaced, in sign order. */
    List<FrameRecord> choose() {
        List<FrameRecord> out = new ArrayList<>();
        for (String sign : model.classes()) {
            List<FrameRecord> of = frames.frames().stream().filter(f -> f.label().sign().equals(sign)).toList();
            int k = Math.min(perClass, of.size());
            for (int i = 0; i < k; i++) {
                out.add(of.get((int) ((i + 0.5) * of.size() / k)));
            }
        }
        return out;
    }

    /** The truth's hand and face boxes of a frame, at the model's input size. */
    private List<Box> regions(FrameRecord r, int frameW, int frameH) {
        if (truth == null) {
            return List.of();
        }
        VideoTruth v = truth.of(r.sourceVideo());
        FrameTruth f = TruthIndex.frame(v, r.sourceFrameIndex());
        double sx = (double) model.inputWidth() / v.width();
        double sy = (double) model.inputHeight() / v.height();
        double ox = 0;
        double oy = 0;
        double[] square = r.cropSquare();
        if (square != null) {
            // A signing-space frame shows a square of the source; a packed input shows it in its left square.
            ox = square[0];
            oy = square[1];
            sx = model.inputHeight() / square[2];
            sy = sx;
        }
        List<Box> out = new ArrayList<>();
        for (Box b : new Box[] {f.face(), f.rightHand(), f.leftHand()}) {
            if (b != null && !b.isEmpty()) {
                out.add(new Box((int) Math.floor((b.x0() - ox) * sx), (int) Math.floor((b.y0() - oy) * sy),
                        (int) Math.ceil((b.x1() - ox) * sx), (int) Math.ceil((b.y1() - oy) * sy)));
            }
        }
        return out;
    }

    private static double mean(List<Entry> entries, java.util.function.ToDoubleFunction<Entry> f) {
        return entries.stream().mapToDouble(f).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }
}
