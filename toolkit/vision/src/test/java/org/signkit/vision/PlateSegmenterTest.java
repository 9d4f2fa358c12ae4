package org.signkit.vision;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
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

/** The plate method on plain-wall synthetic takes, scored on their truth (issue target: IoU and hand retention >= 0.95). */
class PlateSegmenterTest {

    private static final int W = 180;
    private static final int H = 320;

    @Test
    void aSuppliedEmptySceneGivesAccurateMasksThatKeepTheHands() throws Exception {
        double iou = 0;
        double hands = 0;
        double worstIou = 1;
        int n = 0;
        for (int s = 0; s < 2; s++) {
            for (int signIndex : new int[] {0, 5, 12}) {
                List<Mat> frames = new ArrayList<>();
                List<FrameTruth> truths = new ArrayList<>();
                Scene scene = Scene.trainingWall();
                render(scene, Signer.of(s, 3), SignLibrary.study14().get(signIndex), frames, truths);
                try (Mat plate = scene.renderPlate(W, H)) {
                    List<Mat> masks = PlateSegmenter.withPlate(plate).segment(frames);
                    for (int i = 0; i < masks.size(); i++) {
                        MaskScore m = MaskScore.of(masks.get(i), truths.get(i));
                        iou += m.iou();
                        hands += m.handRetention();
                        worstIou = Math.min(worstIou, m.iou());
                        n++;
                        masks.get(i).close();
                    }
                }
                frames.forEach(Mat::close);
            }
        }
        System.out.printf("plate on the training wall: mean IoU %.4f, worst %.4f, hand retention %.4f (%d frames)%n",
                iou / n, worstIou, hands / n, n);
        assertTrue(iou / n >= 0.95, "mean IoU " + iou / n);
        assertTrue(hands / n >= 0.95, "hand retention " + hands / n);
    }

    private static void render(Scene scene, Signer signer, Sign sign, List<Mat> frames, List<FrameTruth> truths)
            throws Exception {
        SynthOptions o = new SynthOptions(1, 1, 1, List.of(30), false, W, H, 3, 1);
        TakeStyle style = TakeStyle.draw(17);
        int count = (int) Math.ceil(style.seconds(sign) * 30);
        try (TakeRenderer r = new TakeRenderer(o.camera(), scene, signer, 30)) {
            r.film(new SignAnimator(sign, style), count, 17, (bgr, truth) -> {
                frames.add(bgr.clone());
                truths.add(truth);
            });
        }
    }
}
