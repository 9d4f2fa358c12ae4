package org.signkit.hands;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.signkit.synth.Box;
import org.signkit.synth.Scene;
import org.signkit.synth.Sign;
import org.signkit.synth.SignAnimator;
import org.signkit.synth.SignLibrary;
import org.signkit.synth.Signer;
import org.signkit.synth.SynthOptions;
import org.signkit.synth.TakeRenderer;
import org.signkit.synth.TakeStyle;
import org.signkit.vision.DnnPersonSegmenter;
import org.signkit.vision.FrameTake;
import org.signkit.vision.ModelStore;

/**
 * {@code skin}'s face on the synthetic validation take BOM_DIA s1 (the scene as its truth file records it): a pink
 * and cyan texture under a side light, where signer s1's grey shirt passes the skin test and joins the face through
 * the neck. The face must still be the head, not the head and shirt.
 */
class SkinHandDetectorTest {

    @Test
    void theFaceIsTheHeadWhenTheShirtPassesTheSkinTest() throws Exception {
        ModelStore store = SelfieModel.store();
        Scene pink = new Scene(Scene.Kind.TEXTURE, new double[] {147.2, 161.4, 230.9}, new double[] {171.9, 165.6, 95.9},
                0.96, new double[] {0.965, 1.0, 1.035}, -0.342, 0.35, new Scene.Placement(-0.07, 0.017, 1.03),
                9189754053191671677L);
        Sign bomDia = SignLibrary.study14().stream().filter(x -> x.gloss().equals("BOM_DIA")).findFirst().orElseThrow();
        List<Mat> frames = new ArrayList<>();
        List<Box> faces = new ArrayList<>();
        SynthOptions o = new SynthOptions(1, 1, 1, List.of(30), false, 360, 640, 7, 1);
        try (TakeRenderer r = new TakeRenderer(o.camera(), pink, Signer.of(1, 7), 30)) {
            r.film(new SignAnimator(bomDia, TakeStyle.draw(7)), 30, 7, (bgr, truth) -> {
                frames.add(bgr.clone());
                faces.add(truth.face());
            });
        }
        try (SkinHandDetector skin = new SkinHandDetector(DnnPersonSegmenter.selfie(store), "right")) {
            List<FrameHands> found = skin.detect(new FrameTake("BOM_DIA/s1_1.mp4", List.of()), frames);
            Box t = faces.get(0);
            ImageBox face = found.get(0).face();
            assertTrue(face != null, "no face");
            double iou = face.iou(new ImageBox(t.x0(), t.y0(), t.x1(), t.y1()));
            System.out.printf("skin face before a pink texture: %s against the truth's %s, IoU %.3f%n", face, t, iou);
            assertTrue(iou >= 0.6, "face IoU " + iou);
        } finally {
            frames.forEach(Mat::close);
        }
    }
}
