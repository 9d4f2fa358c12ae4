package org.signkit.vision;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.signkit.synth.Box;
import org.signkit.synth.FrameTruth;

/**
 * How well a mask matches the synthetic truth.
 *
 * @param iou           intersection over union with the true person mask (mask values >= 128 count as signer)
 * @param handRetention share of the true hand pixels (person mask inside either hand box) the mask keeps
 */
public record MaskScore(double iou, double handRetention) {

    /** Scores a mask against one frame's truth. */
    public static MaskScore of(Mat mask, FrameTruth truth) {
        boolean[] person = truth.person().decode();
        int h = truth.person().height();
        int w = truth.person().width();
        UByteIndexer m = mask.createIndexer();
        long inter = 0;
        long union = 0;
        long hand = 0;
        long handKept = 0;
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                boolean t = person[y * w + x];
                boolean p = m.get(y, x) >= 128;
                inter += t && p ? 1 : 0;
                union += t || p ? 1 : 0;
                if (t && (inside(truth.rightHand(), x, y) || inside(truth.leftHand(), x, y))) {
                    hand++;
                    handKept += p ? 1 : 0;
                }
            }
        }
        m.release();
        return new MaskScore(union == 0 ? 1 : (double) inter / union, hand == 0 ? 1 : (double) handKept / hand);
    }

    private static boolean inside(Box b, int x, int y) {
        return b != null && !b.isEmpty() && x >= b.x0() && x < b.x1() && y >= b.y0() && y < b.y1();
    }
}
