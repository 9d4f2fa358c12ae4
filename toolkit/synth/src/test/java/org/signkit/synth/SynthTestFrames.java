package org.signkit.synth;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/** Decodes generated videos back to BGR frames for the tests. */
final class SynthTestFrames {

    private SynthTestFrames() {
    }

    static List<Mat> decode(Path video) throws Exception {
        List<Mat> frames = new ArrayList<>();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile());
             OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat()) {
            g.start();
            for (Frame f; (f = g.grabImage()) != null; ) {
                frames.add(conv.convert(f).clone());
            }
            g.stop();
        }
        return frames;
    }
}
