package org.signkit.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/** The ground truth describes the pixels that were rendered. */
class GroundTruthAlignmentTest {

    private static final int W = 360;
    private static final int H = 640;
    /**
     * Colour distance (sum over B, G, R) above which a pixel is "not wall": half the smallest contrast
     * between the wall and a signer's skin or clothes (134), so a motion-blurred pixel counts as person
     * when the person covered it for about half the exposure, as the mask's definition says; sensor
     * noise (sigma 2.5 per channel) stays far below it.
     */
    private static final int NON_WALL = 67;

    @Test
    void personMaskMatchesTheNonWallPixelsOfSharpFrames() throws Exception {
        // A short exposure (one render per frame) with the lens blur and sensor noise of the real camera.
        TakeRenderer.Camera sharp = new TakeRenderer.Camera(W, H, SynthOptions.INTERNAL_RATE, 0.1, SynthOptions.NOISE);
        double[] iou = maskIou(sharp);
        System.out.printf("sharp frames: person-mask IoU vs non-wall pixels mean %.4f, worst %.4f%n", iou[0], iou[1]);
        assertTrue(iou[1] >= 0.98, "worst IoU " + iou[1]);
    }

    @Test
    void personMaskOfMotionBlurredFramesIsTheHalfCoverageArea() throws Exception {
        // With real exposure a fast hand leaves a band where it covered the pixel about half the time; the
        // mask takes >= 50% coverage and the colour threshold sits at half the contrast, so they agree
        // except inside that band.
        double[] iou = maskIou(new SynthOptions(1, 1, 1, List.of(30), false, W, H, 1, 1).camera());
        System.out.printf("30 FPS frames: person-mask IoU vs non-wall pixels mean %.4f, worst %.4f%n", iou[0], iou[1]);
        assertTrue(iou[0] >= 0.98 && iou[1] >= 0.95, "mean " + iou[0] + ", worst " + iou[1]);
    }

    /** Mean and worst IoU over every sixth frame of every sign at 30 FPS on the training wall. */
    private static double[] maskIou(TakeRenderer.Camera camera) throws Exception {
        Scene wall = Scene.trainingWall();
        double[] sumCountWorst = {0, 0, 1};
        for (Sign sign : SignLibrary.study14()) {
            TakeStyle style = TakeStyle.draw(sign.gloss().hashCode());
            try (TakeRenderer r = new TakeRenderer(camera, wall, Signer.of(1 + Math.abs(sign.gloss().hashCode()) % 2, 3), 30)) {
                r.film(new SignAnimator(sign, style), (int) (style.seconds(sign) * 30), 5, (bgr, truth) -> {
                    if (truth.index() % 6 == 0) {
                        double v = iou(truth.person().decode(), nonWall(bgr, wall.wall()));
                        sumCountWorst[0] += v;
                        sumCountWorst[1]++;
                        sumCountWorst[2] = Math.min(sumCountWorst[2], v);
                    }
                });
            }
        }
        return new double[] {sumCountWorst[0] / sumCountWorst[1], sumCountWorst[2]};
    }

    @Test
    void boxesContainEveryPixelOfTheirPart() {
        try (Mat picture = new Mat(H, W, opencv_core.CV_8UC3); Mat label = new Mat(H, W, opencv_core.CV_8UC1);
             Mat plate = Scene.trainingWall().renderPlate(W, H)) {
            for (int s = 1; s <= 2; s++) {
                Signer signer = Signer.of(s, 11);
                for (Scene.Placement p : new Scene.Placement[] {Scene.Placement.CENTRE, new Scene.Placement(0.07, 0.03, 1.12)}) {
                    try (FigureRenderer figure = new FigureRenderer(picture, label, signer, p)) {
                        for (Sign sign : SignLibrary.study14()) {
                            SignAnimator anim = new SignAnimator(sign, TakeStyle.draw(s * 100 + sign.gloss().length()));
                            for (double t = 0; t < 2.5; t += 0.2) {
                                plate.copyTo(picture);
                                label.put(new org.bytedeco.opencv.opencv_core.Scalar(0));
                                FigureRenderer.Parts parts = figure.draw(anim.at(t));
                                String where = sign.gloss() + " t=" + t + " " + signer.id();
                                // Boxes are amodal: a hand partly behind the other keeps its whole box.
                                boolean apart = parts.rightHand().x1() < parts.leftHand().x0()
                                        || parts.leftHand().x1() < parts.rightHand().x0()
                                        || parts.rightHand().y1() < parts.leftHand().y0()
                                        || parts.leftHand().y1() < parts.rightHand().y0();
                                assertContains(parts.rightHand(), label, Canvas.RIGHT_HAND, apart, where + " right hand");
                                assertContains(parts.leftHand(), label, Canvas.LEFT_HAND, apart, where + " left hand");
                                assertContains(parts.face(), label, Canvas.FACE, false, where + " face");
                            }
                        }
                    }
                }
            }
        }
        // Containment alone would pass for huge boxes: on average the boxes hug the visible hand pixels.
        // (Not per frame: an arm or the other hand may hide part of a hand; boxes are amodal.)
        System.out.printf("hand pixel extent / box area: %.3f%n", (double) visibleArea / boxArea);
        assertTrue(visibleArea > 0.6 * boxArea, "boxes too large: " + visibleArea + " of " + boxArea);
    }

    @Test
    void handKeypointsLieOnTheDrawnHandAndInItsBox() {
        int onHand = 0;
        int points = 0;
        try (Mat picture = new Mat(H, W, opencv_core.CV_8UC3); Mat label = new Mat(H, W, opencv_core.CV_8UC1);
             Mat plate = Scene.trainingWall().renderPlate(W, H);
             FigureRenderer figure = new FigureRenderer(picture, label, Signer.of(1, 11), Scene.Placement.CENTRE);
             UByteIndexer ix = label.createIndexer()) {
            for (Sign sign : SignLibrary.study14()) {
                SignAnimator anim = new SignAnimator(sign, TakeStyle.draw(sign.gloss().length()));
                for (double t = 0.3; t < 2.0; t += 0.3) {
                    plate.copyTo(picture);
                    label.put(new org.bytedeco.opencv.opencv_core.Scalar(0));
                    FigureRenderer.Parts parts = figure.draw(anim.at(t));
                    FrameTruth.Keypoints k = FigureRenderer.Parts.keypoints(parts.points(), 1);
                    for (int hand = 0; hand < 2; hand++) {
                        double[][] pts = hand == 0 ? k.rightHand() : k.leftHand();
                        Box box = hand == 0 ? parts.rightHand() : parts.leftHand();
                        int part = hand == 0 ? Canvas.RIGHT_HAND : Canvas.LEFT_HAND;
                        for (double[] p : pts) {
                            String where = sign.gloss() + " t=" + t + " hand " + hand + " point " + p[0] + "," + p[1];
                            assertTrue(p[0] >= box.x0() - 1 && p[0] <= box.x1() + 1 && p[1] >= box.y0() - 1
                                    && p[1] <= box.y1() + 1, where + " outside " + box);
                            int x = (int) Math.round(p[0]);
                            int y = (int) Math.round(p[1]);
                            if (x >= 0 && y >= 0 && x < W && y < H) {
                                onHand += ix.get(y, x) == part ? 1 : 0;
                                points++;
                            }
                        }
                    }
                    // The wrist of the body points is the hand's wrist.
                    assertEquals(k.rightHand()[0][0], k.body()[FrameTruth.BODY_POINTS.indexOf("RIGHT_WRIST")][0], 1e-9);
                    assertEquals(k.leftHand()[0][1], k.body()[FrameTruth.BODY_POINTS.indexOf("LEFT_WRIST")][1], 1e-9);
                }
            }
        }
        // A point may sit under the other hand or the face drawn over it; nearly all are on their hand's pixels.
        System.out.printf("hand keypoints on their hand's pixels: %d of %d%n", onHand, points);
        assertTrue(onHand >= 0.9 * points, onHand + " of " + points);
    }

    /** Every pixel labelled {@code part} lies in {@code box}, and the box is not much larger than they are. */
    private long visibleArea;
    private long boxArea;

    private void assertContains(Box box, Mat label, int part, boolean tight, String where) {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        try (UByteIndexer ix = label.createIndexer()) {
            for (int y = 0; y < label.rows(); y++) {
                for (int x = 0; x < label.cols(); x++) {
                    if (ix.get(y, x) == part) {
                        minX = Math.min(minX, x);
                        maxX = Math.max(maxX, x);
                        minY = Math.min(minY, y);
                        maxY = Math.max(maxY, y);
                    }
                }
            }
        }
        if (maxX < 0) {
            return; // hidden (e.g. a hand behind the other, or out of frame)
        }
        assertTrue(box.x0() <= minX && box.y0() <= minY && box.x1() > maxX && box.y1() > maxY,
                where + ": box " + box + " misses pixels " + minX + "," + minY + ".." + maxX + "," + maxY);
        if (tight) {
            visibleArea += (long) (maxX - minX + 1) * (maxY - minY + 1);
            boxArea += (long) (box.x1() - box.x0()) * (box.y1() - box.y0());
        }
    }

    private static boolean[] nonWall(Mat bgr, double[] wall) {
        boolean[] out = new boolean[W * H];
        try (UByteIndexer ix = bgr.createIndexer()) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    double d = 0;
                    for (int c = 0; c < 3; c++) {
                        d += Math.abs(ix.get(y, x, c) - wall[c]);
                    }
                    out[y * W + x] = d > NON_WALL;
                }
            }
        }
        return out;
    }

    private static double iou(boolean[] a, boolean[] b) {
        assertEquals(a.length, b.length);
        long inter = 0;
        long union = 0;
        for (int i = 0; i < a.length; i++) {
            inter += a[i] && b[i] ? 1 : 0;
            union += a[i] || b[i] ? 1 : 0;
        }
        return union == 0 ? 1 : (double) inter / union;
    }
}
