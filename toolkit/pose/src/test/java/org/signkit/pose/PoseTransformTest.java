package org.signkit.pose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The keypoint transforms on the real MediaPipe file (shoulders, both hands, 170 frames). */
class PoseTransformTest {

    private static PoseFile real() throws Exception {
        return PoseFile.read(PoseFileTest.shared("mediapipe.pose"));
    }

    @Test
    void normalisationPutsTheMeanShouldersAtPlusMinusAHalf() throws Exception {
        PoseFile n = new PoseNormalisation().apply(real(), new SplittableRandom(1));
        double[] ref = PoseNormalisation.reference(n);
        assertEquals(0, ref[0], 1e-4);
        assertEquals(0, ref[1], 1e-4);
        assertEquals(1, ref[2], 1e-4, "the mean shoulder width is the unit");
    }

    @Test
    void theMirrorSwapsHandsAndTwiceIsTheIdentity() throws Exception {
        PoseFile n = new PoseNormalisation().apply(real(), new SplittableRandom(1));
        PoseFile m = new PoseMirror().apply(n, new SplittableRandom(1));
        PoseHeader h = n.header();
        int left = h.offset("LEFT_HAND_LANDMARKS");
        int right = h.offset("RIGHT_HAND_LANDMARKS");
        int shoulderL = h.offset("POSE_LANDMARKS") + h.components().get(0).points().indexOf("LEFT_SHOULDER");
        int shoulderR = h.offset("POSE_LANDMARKS") + h.components().get(0).points().indexOf("RIGHT_SHOULDER");
        for (int f = 0; f < n.body().frames(); f += 17) {
            assertEquals(n.body().confidence(h, f, 0, right), m.body().confidence(h, f, 0, left));
            if (n.body().confidence(h, f, 0, right) > 0) {
                assertEquals(-n.body().value(h, f, 0, right, 0), m.body().value(h, f, 0, left, 0));
                assertEquals(n.body().value(h, f, 0, right, 1), m.body().value(h, f, 0, left, 1));
            }
            assertEquals(-n.body().value(h, f, 0, shoulderL, 0), m.body().value(h, f, 0, shoulderR, 0), "points swap too");
        }
        PoseFile twice = new PoseMirror().apply(m, new SplittableRandom(1));
        assertArrayEquals(n.body().data(), twice.body().data());
        assertArrayEquals(n.body().confidence(), twice.body().confidence());
    }

    @Test
    void affineWithoutSpreadIsTheIdentityAndWithItKeepsMissingPointsMissing() throws Exception {
        PoseFile n = new PoseNormalisation().apply(real(), new SplittableRandom(1));
        assertArrayEquals(n.body().data(), new PoseAffine(0, 0, 0).apply(n, new SplittableRandom(3)).body().data(), 1e-6f);
        PoseFile a = new PoseAffine(0.2, 0.2, 0.2).apply(n, new SplittableRandom(3));
        assertArrayEquals(n.body().confidence(), a.body().confidence());
        for (int i = 0; i < n.body().confidence().length; i++) {
            if (n.body().confidence()[i] == 0) {
                assertEquals(n.body().data()[i * 3], a.body().data()[i * 3]);
            }
        }
        assertTrue(!java.util.Arrays.equals(n.body().data(), a.body().data()));
        assertArrayEquals(a.body().data(), new PoseAffine(0.2, 0.2, 0.2).apply(n, new SplittableRandom(3)).body().data(),
                "the same seed, the same augmentation");
    }

    @Test
    void resamplingGivesTheLengthAndKeepsTheEndsAndDroppingKeepsWholeFrames() throws Exception {
        PoseFile p = real();
        PoseFile r = new PoseResample(32).apply(p, new SplittableRandom(1));
        assertEquals(32, r.body().frames());
        for (int i = 0; i < p.header().points(); i++) {
            float c = p.body().confidence(p.header(), 0, 0, i);
            assertEquals(c, r.body().confidence(r.header(), 0, 0, i), "the first frame is kept");
            if (c > 0) {
                assertEquals(p.body().value(p.header(), 0, 0, i, 0), r.body().value(r.header(), 0, 0, i, 0), 1e-4);
            }
        }
        assertEquals(24 * 31 / 169.0, r.body().fps(), 1e-4, "the same duration");
        PoseFile d = new PoseFrameDrop(0.5).apply(p, new SplittableRandom(7));
        assertTrue(d.body().frames() > 50 && d.body().frames() < 120, d.body().frames() + " of 170 frames kept");
        assertEquals(d.body().frames() * p.header().points(), d.body().confidence().length);
    }
}
