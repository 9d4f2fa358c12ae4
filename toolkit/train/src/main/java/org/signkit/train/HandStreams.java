package org.signkit.train;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.signkit.augment.AugmentationPipeline;
import org.signkit.augment.AugmentationRecord;
import org.signkit.augment.LabeledBox;
import org.signkit.augment.Sample;
import org.signkit.core.FrameRecord;
import org.signkit.hands.FrameHands;
import org.signkit.hands.HandObservation;
import org.signkit.hands.HandsFile;
import org.signkit.hands.ImageBox;
import org.signkit.hands.SigningSpace;

/**
 * The multi-stream input: the frame and its two hand crops, packed side by side into one image so that
 * every single-input consumer (batches, evaluation, LIME) works unchanged. The frame, resized to
 * {@code frameSize} square, fills the left; the dominant hand's crop ({@code handSize} square, half the
 * frame's side) sits top right, the other hand's below it; a hand not found is black. Geometric
 * augmentation is applied to the full frame with the hand boxes, so the crops follow the moved hands.
 * With {@link MotionFrames} the frame stream shows three grey instants of the take instead of the colour
 * frame; the hand crops stay in colour, at the frame's instant.
 *
 * @param frameSize  the frame stream's side
 * @param handSize   each hand stream's side ({@code frameSize / 2})
 * @param hands      the frames' face and hand boxes (a {@code hands.json} beside the manifest)
 * @param handsFile  where they came from, for errors
 * @param motion     the frame stream's instants, or null for the colour frame
 */
public record HandStreams(int frameSize, int handSize, HandsFile hands, Path handsFile, MotionFrames motion)
        implements InputLayout {

    /** A hand crop covers the hand's box and this much around it (the box's longer side times this). */
    public static final double HAND_MARGIN = 1.3;

    public HandStreams {
        if (handSize * 2 != frameSize) {
            throw new IllegalArgumentException("hand streams are half the frame stream: " + frameSize + " vs " + handSize);
        }
    }

    /**
     * The layout for frames of {@code set}, whose {@code hands.json} sits beside its manifest.
     *
     * @param motion the gap in seconds of the frame stream's grey instants ({@link MotionFrames}); 0 for the
     *               colour frame
     */
    public static HandStreams of(FrameSet set, int frameSize, double motion) {
        Path file = set.manifest().resolveSibling(HandsFile.FILE_NAME);
        return new HandStreams(frameSize, frameSize / 2, HandsFile.read(file), file,
                motion > 0 ? MotionFrames.of(set, motion) : null);
    }

    @Override
    public int height() {
        return frameSize;
    }

    @Override
    public int width() {
        return frameSize + handSize;
    }

    @Override
    public Mat render(FrameRecord row, Mat frame, AugmentationPipeline augmentation, long seed, int epoch) {
        FrameHands h = hands.of(row.framePath(), handsFile);
        String dominant = "left".equals(hands.dominant()) ? "left" : "right";
        String other = dominant.equals("right") ? "left" : "right";
        List<LabeledBox> boxes = new ArrayList<>();
        add(boxes, dominant + "_hand", h.dominant());
        add(boxes, other + "_hand", h.nonDominant());
        Sample s = new Sample(frame, null, boxes, List.of(), dominant);
        AugmentationRecord drawn = null;
        if (augmentation != null) {
            drawn = augmentation.draw(seed, epoch, row.framePath().hashCode(), frame.cols(), frame.rows());
            s = augmentation.apply(s, drawn);
        }
        Mat canvas = new Mat(frameSize, frameSize + handSize, opencv_core.CV_8UC3, new Scalar(0.0));
        try (Mat left = new Mat(canvas, new Rect(0, 0, frameSize, frameSize))) {
            if (motion == null) {
                resize(s.image(), left, new Size(frameSize, frameSize), 0, 0, INTER_AREA);
            } else {
                motion.render(row, s.image(), augmentation, drawn, left);
            }
        }
        String[] order = {s.dominant() + "_hand", (s.dominant().equals("right") ? "left" : "right") + "_hand"};
        for (int k = 0; k < 2; k++) {
            for (LabeledBox b : s.boxes()) {
                if (b.label().equals(order[k])) {
                    try (Mat slot = new Mat(canvas, new Rect(frameSize, k * handSize, handSize, handSize))) {
                        SigningSpace.cropSquare(s.image(), new ImageBox(b.x0(), b.y0(), b.x1(), b.y1())
                                .squareAround(HAND_MARGIN), slot);
                    }
                }
            }
        }
        if (s.image() != frame) {
            s.image().close();
        }
        return canvas;
    }

    private static void add(List<LabeledBox> boxes, String label, HandObservation o) {
        if (o.present()) {
            ImageBox b = o.box();
            boxes.add(new LabeledBox(label, b.x0(), b.y0(), b.x1(), b.y1()));
        }
    }

}
