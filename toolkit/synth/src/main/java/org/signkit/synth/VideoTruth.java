package org.signkit.synth;

import java.util.List;

/**
 * Ground truth of one synthetic video, written as {@code <video>.json} beside the layout of videos.
 *
 * @param video      the video path relative to the dataset root
 * @param sign       gloss
 * @param signer     signer id
 * @param take       take number
 * @param group      {@code capture60}, {@code capture30}, {@code validation}, ...
 * @param width      frame width
 * @param height     frame height
 * @param fps        capture rate
 * @param exposureS  exposure time per frame, seconds
 * @param subframes  renders integrated per frame (motion blur)
 * @param scene      the scene the take was recorded in
 * @param style      the take's speed, amplitude and timing variation
 * @param frames     per-frame masks and boxes
 */
public record VideoTruth(String video, String sign, String signer, String take, String group, int width, int height,
                         int fps, double exposureS, int subframes, Scene scene, TakeStyle style,
                         List<FrameTruth> frames) {

    /**
     * True when frame {@code index} shows the signer at rest: both hand boxes' centres lie within
     * {@code tolerance} pixels of where they were in the take's first frame. Such frames look alike in
     * every sign, so no single-frame classifier can tell their signs apart.
     */
    public boolean atRest(int index, double tolerance) {
        FrameTruth first = frames.get(0);
        FrameTruth f = frames.get(index);
        return f.rightHand().centreDistance(first.rightHand()) <= tolerance
                && f.leftHand().centreDistance(first.leftHand()) <= tolerance;
    }
}
