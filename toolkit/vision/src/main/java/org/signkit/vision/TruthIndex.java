package org.signkit.vision;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.signkit.core.BadInputException;
import org.signkit.core.Json;
import org.signkit.synth.FrameTruth;
import org.signkit.synth.VideoTruth;

/**
 * The synthetic ground truth beside a set of videos ({@code truth/<group>/<sign>/<signer>_<take>.json},
 * written by {@code signkit synth}), looked up by a frame's source video.
 *
 * @param root the truth folder of the group the frames were extracted from, e.g. {@code truth/capture60}
 */
public record TruthIndex(Path root) {

    /** The truth of a source video ({@code AGUA/s1_1.mp4} → {@code root/AGUA/s1_1.json}). */
    public VideoTruth of(String sourceVideo) {
        String stem = sourceVideo.replaceFirst("\\.[^./]+$", "");
        Path file = root.resolve(stem + ".json");
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, "no ground truth for " + sourceVideo,
                    "--truth must be the truth folder of the videos the frames came from, e.g. datasets/generated/synthsign/truth/capture60");
        }
        try {
            JsonNode node = Json.mapper().readTree(file.toFile()).path("truth");
            return Json.mapper().treeToValue(node, VideoTruth.class);
        } catch (IOException e) {
            throw new BadInputException(file, "not a signkit truth file: " + e.getMessage(), "re-run 'signkit synth'", e);
        }
    }

    /** The truth of one source frame, or a clear error when the video has fewer frames. */
    public static FrameTruth frame(VideoTruth video, long index) {
        if (index < 0 || index >= video.frames().size()) {
            throw new IllegalArgumentException(video.video() + " has " + video.frames().size() + " truth frames; asked for "
                    + index);
        }
        return video.frames().get((int) index);
    }

    /** The empty scene of a video as the camera saw it, resized to {@code w x h} (the frames' size). */
    public static Mat plate(VideoTruth video, int w, int h) {
        Mat full = video.scene().renderLitPlate(video.width(), video.height());
        if (full.cols() == w && full.rows() == h) {
            return full;
        }
        Mat small = new Mat();
        opencv_imgproc.resize(full, small, new Size(w, h), 0, 0, opencv_imgproc.INTER_AREA);
        full.close();
        return small;
    }

    /** Scores a mask of a frame of any size with the same aspect ratio as the truth (scaled to the truth's size). */
    public static MaskScore score(Mat mask, VideoTruth video, FrameTruth truth) {
        if (mask.cols() == video.width() && mask.rows() == video.height()) {
            return MaskScore.of(mask, truth);
        }
        double aspect = (double) mask.cols() / mask.rows();
        double truthAspect = (double) video.width() / video.height();
        if (Math.abs(aspect - truthAspect) > 0.02) {
            throw new IllegalArgumentException("frames of " + mask.cols() + "x" + mask.rows() + " were cropped or padded from "
                    + video.width() + "x" + video.height() + "; scoring needs frames extracted without --square");
        }
        try (Mat full = new Mat()) {
            opencv_imgproc.resize(mask, full, new Size(video.width(), video.height()), 0, 0, opencv_imgproc.INTER_LINEAR);
            return MaskScore.of(full, truth);
        }
    }
}
