package org.signkit.vision;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.signkit.core.BadInputException;
import org.signkit.core.FrameRecord;

/**
 * The frames of one take (one source video, one static camera) from a frames manifest, in order:
 * the unit every segmenter works on.
 *
 * @param sourceVideo the source video, relative to the extraction's input root
 * @param frames      its manifest rows, in the manifest's order
 */
public record FrameTake(String sourceVideo, List<FrameRecord> frames) {

    /** Groups manifest rows by source video, keeping the first appearance order. */
    public static List<FrameTake> of(List<FrameRecord> rows) {
        Map<String, List<FrameRecord>> byVideo = new LinkedHashMap<>();
        for (FrameRecord r : rows) {
            byVideo.computeIfAbsent(r.sourceVideo(), k -> new ArrayList<>()).add(r);
        }
        List<FrameTake> takes = new ArrayList<>();
        byVideo.forEach((video, frames) -> takes.add(new FrameTake(video, List.copyOf(frames))));
        return takes;
    }

    /** Decodes the take's frames (BGR); the caller closes them. */
    public List<Mat> load(Path framesRoot) {
        List<Mat> images = new ArrayList<>(frames.size());
        for (FrameRecord r : frames) {
            Path file = framesRoot.resolve(r.framePath());
            Mat image = opencv_imgcodecs.imread(file.toString());
            if (image == null || image.empty()) {
                images.forEach(Mat::close);
                throw new BadInputException(file, "missing or not a readable image",
                        "re-run 'signkit frames' for this take, or remove its rows from manifest.csv");
            }
            images.add(image);
        }
        return images;
    }
}
