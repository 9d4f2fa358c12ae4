package org.signkit.pose;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.signkit.core.BadInputException;
import org.signkit.core.FrameRecord;
import org.signkit.hands.FrameHands;
import org.signkit.hands.ImageBox;
import org.signkit.hands.MediaPipeBodyLandmarker;
import org.signkit.vision.FrameTake;

/**
 * MediaPipe's 33 body landmarks per frame, from its pose landmarker seeded by the hands stage's face boxes; a
 * landmark's confidence is its visibility.
 *
 * @param landmarker the landmarker (the caller closes it)
 */
public record MediaPipeBodyPoints(MediaPipeBodyLandmarker landmarker) implements BodyPoints {

    @Override
    public List<String> names() {
        return MediaPipeBodyLandmarker.POINTS;
    }

    @Override
    public List<double[][]> of(Path framesRoot, FrameTake take, List<FrameHands> hands, int[] size) throws IOException {
        List<Mat> images = new ArrayList<>();
        List<ImageBox> faces = new ArrayList<>();
        try {
            for (int i = 0; i < take.frames().size(); i++) {
                FrameRecord row = take.frames().get(i);
                Path file = framesRoot.resolve(row.framePath());
                Mat image = opencv_imgcodecs.imread(file.toString());
                if (image == null || image.empty()) {
                    throw new BadInputException(file, "missing or unreadable frame image",
                            "re-extract the frames with 'signkit frames'");
                }
                images.add(image);
                faces.add(hands.get(i).face());
            }
            List<double[][]> bodies = landmarker.take(images, faces);
            List<double[][]> out = new ArrayList<>(bodies.size());
            for (double[][] b : bodies) {
                if (b == null) {
                    out.add(null);
                    continue;
                }
                double[][] points = new double[b.length][];
                for (int k = 0; k < b.length; k++) {
                    points[k] = new double[] {b[k][0], b[k][1], b[k][3]};
                }
                out.add(points);
            }
            return out;
        } finally {
            images.forEach(Mat::close);
        }
    }
}
