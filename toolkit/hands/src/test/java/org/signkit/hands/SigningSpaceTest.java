package org.signkit.hands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trim and crop rules on hand-made boxes, and the anchors of MediaPipe's detectors. */
class SigningSpaceTest {

    private static final ImageBox FACE = new ImageBox(100, 100, 180, 200);

    private static FrameHands at(double x, double y) {
        return new FrameHands(FACE, 1, HandObservation.of(ImageBox.centred(x, y, 40, 50), 1),
                HandObservation.of(ImageBox.centred(250, 480, 40, 50), 1));
    }

    @Test
    void stillTrimKeepsFromTheFirstMoveToTheLastFrameAwayFromRest() {
        List<FrameHands> take = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            take.add(at(90, 480 + (i % 2)));          // at rest, a pixel of jitter
        }
        for (int i = 0; i < 6; i++) {
            take.add(at(90 + 10 * i, 400 - 30 * i));   // up to the face and back
        }
        for (int i = 0; i < 4; i++) {
            take.add(at(90, 481));                     // at rest again
        }
        // Face height 100: a hand more than 25 px from rest has left it. Frame 5 is at (90, 400): 80 px up.
        assertArrayEquals(new int[] {5, 10}, SigningSpace.stillTrim(take));
    }

    @Test
    void aTakeThatNeverMovesKeepsEveryFrame() {
        List<FrameHands> take = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            take.add(at(90, 480));
        }
        assertArrayEquals(new int[] {0, 9}, SigningSpace.stillTrim(take));
    }

    @Test
    void theSignerCropIsASquareFromAboveTheHeadSizedByTheFace() {
        ImageBox crop = SigningSpace.signerCrop(List.of(at(90, 480), at(95, 470), at(90, 480)));
        assertEquals(440, crop.width(), 1e-9);
        assertEquals(440, crop.height(), 1e-9);
        assertEquals(FACE.centreX(), crop.centreX(), 1e-9);
        assertEquals(FACE.y0() - 40, crop.y0(), 1e-9);
        assertNull(SigningSpace.signerCrop(List.of(new FrameHands(null, 0, null, null))));
    }

    @Test
    void cropAndTrimNamesParseAndBadOnesSayTheChoices() {
        assertEquals(SigningSpace.Crop.SIGNER, SigningSpace.Crop.parse("signer"));
        assertEquals(SigningSpace.Trim.STILL, SigningSpace.Trim.parse("still"));
        assertEquals(HandsMethod.MEDIAPIPE, HandsMethod.parse("mediapipe"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SigningSpace.Crop.parse("face"));
        assertEquals("unknown crop 'face'; choose one of none, signer", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HandsMethod.parse("openpose"));
    }

    @Test
    void ssdAnchorsAreMediaPipesGrids() {
        double[][] palm = SsdAnchors.centres(192);
        assertEquals(2016, palm.length);
        assertArrayEquals(new double[] {0.5 / 24, 0.5 / 24}, palm[0], 1e-12);
        assertArrayEquals(new double[] {0.5 / 24, 0.5 / 24}, palm[1], 1e-12);
        assertArrayEquals(new double[] {1.5 / 24, 0.5 / 24}, palm[2], 1e-12);
        // After 24 x 24 x 2 stride-8 anchors, six per cell of the 12 x 12 grid.
        assertArrayEquals(new double[] {0.5 / 12, 0.5 / 12}, palm[1152], 1e-12);
        assertArrayEquals(new double[] {11.5 / 12, 11.5 / 12}, palm[2015], 1e-12);
        assertEquals(896, SsdAnchors.centres(128).length);
    }
}
