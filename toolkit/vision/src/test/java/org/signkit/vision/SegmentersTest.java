package org.signkit.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signkit.synth.FrameTruth;
import org.signkit.synth.Scene;
import org.signkit.synth.Sign;
import org.signkit.synth.SignAnimator;
import org.signkit.synth.SignLibrary;
import org.signkit.synth.Signer;
import org.signkit.synth.SynthOptions;
import org.signkit.synth.TakeRenderer;
import org.signkit.synth.TakeStyle;

/**
 * Every segmenter on plain-wall synthetic takes (2 signers × 3 signs, the generator's camera), scored on
 * the truth; the target for {@code plate} is IoU and hand retention ≥ 0.95.
 */
class SegmentersTest {

    private static final int W = 180;
    private static final int H = 320;
    private static final List<Take> TAKES = new ArrayList<>();
    private static final List<Take> GREEN_SCREEN = new ArrayList<>();
    private static Mat plate;

    private record Take(List<Mat> frames, List<FrameTruth> truths) {
    }

    @BeforeAll
    static void render() throws Exception {
        Scene scene = Scene.trainingWall();
        plate = scene.renderPlate(W, H);
        for (int s = 0; s < 2; s++) {
            for (int signIndex : new int[] {0, 5, 12}) {
                TAKES.add(take(scene, Signer.of(s, 3), SignLibrary.study14().get(signIndex)));
            }
        }
        // A green screen with the signer's shadow on it.
        Scene green = new Scene(Scene.Kind.WALL, new double[] {70, 175, 60}, new double[] {70, 175, 60}, 1.0,
                new double[] {1, 1, 1}, 0.2, 0.5, Scene.Placement.CENTRE, 0);
        for (int s = 0; s < 2; s++) {
            GREEN_SCREEN.add(take(green, Signer.of(s, 3), SignLibrary.study14().get(3)));
        }
    }

    @AfterAll
    static void free() {
        TAKES.forEach(t -> t.frames().forEach(Mat::close));
        GREEN_SCREEN.forEach(t -> t.frames().forEach(Mat::close));
        plate.close();
    }

    @Test
    void plateWithAnEmptySceneMeetsTheTarget() {
        MaskScore s = score(t -> PlateSegmenter.withPlate(plate));
        assertTrue(s.iou() >= 0.95 && s.handRetention() >= 0.95, s.toString());
    }

    @Test
    void chromaKeyOnAGreenScreenWithShadowAndSideLight() {
        MaskScore s = score(GREEN_SCREEN, t -> ChromaSegmenter.of("green"));
        assertTrue(s.iou() >= 0.95 && s.handRetention() >= 0.95, s.toString());
    }

    @Test
    void despillCapsTheScreenChannelAndLeavesSkinAlone() {
        try (Mat px = new Mat(1, 2, org.bytedeco.opencv.global.opencv_core.CV_8UC3)) {
            org.bytedeco.javacpp.indexer.UByteIndexer ix = px.createIndexer();
            int[][] bgr = {{100, 200, 120}, {90, 130, 200}};
            for (int i = 0; i < 2; i++) {
                for (int c = 0; c < 3; c++) {
                    ix.put(0, i, c, bgr[i][c]);
                }
            }
            ChromaSegmenter.of("green").despill(px);
            assertEquals(120, ix.get(0, 0, 1), "green spill capped at max(B, R)");
            assertEquals(130, ix.get(0, 1, 1), "skin (R > G) unchanged");
            ix.release();
        }
    }

    @Test
    void grabCutRefinementKeepsThePlateMasksQuality() {
        MaskScore s = score(t -> GrabCutRefiner.of(PlateSegmenter.withPlate(plate)));
        assertTrue(s.iou() >= 0.9 && s.handRetention() >= 0.9, s.toString());
    }

    @Test
    void subtractorsAndTheTemporalMedianKeepWhatMovesNotTheStillBody() {
        Map<String, MaskScore> scores = new LinkedHashMap<>();
        scores.put("mog2", score(t -> SubtractorSegmenter.of("mog2")));
        scores.put("knn", score(t -> SubtractorSegmenter.of("knn")));
        scores.put("plate (temporal median)", score(t -> new PlateSegmenter(null, 10, 0.35, MaskCleanup.MIN_SHARE,
                MaskCleanup.FEATHER)));
        assertTrue(scores.get("plate (temporal median)").handRetention() > scores.get("mog2").handRetention());
        // A signer who stands still is background to these methods: they keep what moves (hands, arms) far
        // more than the body, which is why plate takes an empty-scene frame.
        scores.forEach((name, s) -> assertTrue(s.handRetention() > 2 * s.iou() && s.iou() < 0.5, name + " " + s));
    }

    private static MaskScore score(Function<Take, Segmenter> method) {
        return score(TAKES, method);
    }

    private static MaskScore score(List<Take> takes, Function<Take, Segmenter> method) {
        double iou = 0;
        double hands = 0;
        int n = 0;
        String name = "";
        for (Take t : takes) {
            Segmenter seg = method.apply(t);
            name = seg.name();
            List<Mat> masks = seg.segment(t.frames());
            assertEquals(t.frames().size(), masks.size());
            for (int i = 0; i < masks.size(); i++) {
                MaskScore m = MaskScore.of(masks.get(i), t.truths().get(i));
                iou += m.iou();
                hands += m.handRetention();
                n++;
                masks.get(i).close();
            }
        }
        MaskScore mean = new MaskScore(iou / n, hands / n);
        System.out.printf("%s: mean IoU %.4f, hand retention %.4f (%d frames)%n", name, mean.iou(),
                mean.handRetention(), n);
        return mean;
    }

    private static Take take(Scene scene, Signer signer, Sign sign) throws Exception {
        List<Mat> frames = new ArrayList<>();
        List<FrameTruth> truths = new ArrayList<>();
        SynthOptions o = new SynthOptions(1, 1, 1, List.of(30), false, W, H, 3, 1);
        TakeStyle style = TakeStyle.draw(17);
        int count = (int) Math.ceil(style.seconds(sign) * 30);
        try (TakeRenderer r = new TakeRenderer(o.camera(), scene, signer, 30)) {
            r.film(new SignAnimator(sign, style), count, 17, (bgr, truth) -> {
                frames.add(bgr.clone());
                truths.add(truth);
            });
        }
        return new Take(frames, truths);
    }
}
