package org.signkit.hands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
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
 * the neck. The face must still be the head, not the head and shirt. And the face from its own colour on a drawn
 * head inside a skin-coloured halo of the scene.
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

    /**
     * A 40 px wide head (YCrCb 150/150/110) inside an 80 px halo of a skin-coloured scene (150/170/95) that the
     * person mask keeps: both pass the skin test, so the skin face is the halo's width; the face of the head's
     * own colour is the head's.
     */
    @Test
    void theFaceOfItsOwnColourLeavesOutASkinColouredHalo() {
        List<Mat> images = new ArrayList<>();
        List<Mat> skins = new ArrayList<>();
        try (Mat person = new Mat(240, 240, opencv_core.CV_8U, new Scalar(255.0))) {
            for (int i = 0; i < 3; i++) {
                Mat ycrcb = new Mat(240, 240, opencv_core.CV_8UC3, new Scalar(128, 128, 128, 0));
                opencv_imgproc.circle(ycrcb, new Point(120, 110), 40, new Scalar(150, 170, 95, 0), -1,
                        opencv_imgproc.LINE_8, 0);
                opencv_imgproc.ellipse(ycrcb, new Point(120 + i, 110), new Size(20, 26), 0, 0, 360,
                        new Scalar(150, 150, 110, 0), -1, opencv_imgproc.LINE_8, 0);
                Mat bgr = new Mat();
                opencv_imgproc.cvtColor(ycrcb, bgr, opencv_imgproc.COLOR_YCrCb2BGR);
                ycrcb.close();
                images.add(bgr);
                skins.add(SkinHandDetector.skin(bgr, person));
            }
            ImageBox skinFace = SkinHandDetector.face(skins);
            ImageBox own = SkinHandDetector.faceOfItsOwnColour(images, skins, skinFace);
            System.out.printf("skin face %s, own colour %s%n", skinFace, own);
            assertTrue(skinFace.width() > 80, "the halo widens the skin face: " + skinFace);
            // The head is 41 px wide; the face box adds 8% round the skin's width.
            assertEquals(41 * 1.08, own.width(), 4, "own-colour face " + own);
            assertEquals(121, own.centreX(), 3, "own-colour face " + own);
        } finally {
            images.forEach(Mat::close);
            skins.forEach(Mat::close);
        }
    }
}
