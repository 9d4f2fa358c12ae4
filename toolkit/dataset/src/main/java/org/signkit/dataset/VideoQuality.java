package org.signkit.dataset;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.signkit.video.FrameGeometry;
import org.signkit.video.FrameRenderer;
import org.signkit.video.ImageEncoding;
import org.signkit.video.VideoDecoder;

/**
 * Pixel-level facts of one video for the QA check: sharpness (median variance of the Laplacian over
 * sampled frames, at a 360-pixel short side so phones of any resolution compare) and a content
 * signature (32×32 grey thumbnails at a quarter, half and three quarters) that finds the same take
 * imported twice under different names: copies and re-encodings differ by a few levels everywhere,
 * another take of the same sign differs where the hands are.
 *
 * @param sharpness  median variance of the Laplacian; motion blur and defocus lower it
 * @param brightness median mean grey level (0–255) of the sampled frames: exposure
 * @param contrast   median standard deviation of the grey levels: a flat, washed-out or dark picture is low
 * @param signature  three 32×32 grey thumbnails
 */
public record VideoQuality(double sharpness, double brightness, double contrast, byte[][] signature) {

    private static final int SAMPLES = 7;

    /** Measures a readable video with {@code frames} decoded frames. */
    public static VideoQuality measure(Path file, long frames) {
        long[] wanted = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            wanted[i] = Math.min(frames - 1, Math.round((i + 1) * frames / (SAMPLES + 1.0)));
        }
        double[] sharp = new double[SAMPLES];
        double[] level = new double[SAMPLES];
        double[] spread = new double[SAMPLES];
        byte[][] thumbs = new byte[3][];
        try (VideoDecoder d = VideoDecoder.open(file, 0);
             FrameRenderer r = new FrameRenderer(d.stream(), new FrameGeometry(360, FrameGeometry.Square.NONE),
                     new ImageEncoding("png", 1))) {
            AVFrame f = av_frame_alloc();
            try {
                long index = 0;
                int next = 0;
                while (next < SAMPLES && d.next(f)) {
                    while (next < SAMPLES && wanted[next] == index) {
                        Mat bgr = r.pixels(f);
                        sharp[next] = laplacianVariance(bgr);
                        double[] ms = greyLevels(bgr);
                        level[next] = ms[0];
                        spread[next] = ms[1];
                        if (next == 1 || next == 3 || next == 5) {
                            thumbs[next / 2] = thumbnail(bgr);
                        }
                        next++;
                    }
                    index++;
                }
            } finally {
                av_frame_free(f);
            }
        }
        return new VideoQuality(median(sharp), median(level), median(spread), thumbs);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** Mean and standard deviation of the grey levels. */
    private static double[] greyLevels(Mat bgr) {
        try (Mat gray = new Mat(); Mat mean = new Mat(); Mat std = new Mat()) {
            opencv_imgproc.cvtColor(bgr, gray, opencv_imgproc.COLOR_BGR2GRAY);
            opencv_core.meanStdDev(gray, mean, std);
            try (DoubleIndexer m = mean.createIndexer(); DoubleIndexer sd = std.createIndexer()) {
                return new double[] {m.get(0), sd.get(0)};
            }
        }
    }

    /** Largest grey-level difference between corresponding thumbnail pixels (255 when not comparable). */
    public int distance(VideoQuality other) {
        int d = 0;
        for (int i = 0; i < signature.length; i++) {
            if (signature[i] == null || other.signature[i] == null) {
                return 255;
            }
            for (int p = 0; p < signature[i].length; p++) {
                d = Math.max(d, Math.abs((signature[i][p] & 0xff) - (other.signature[i][p] & 0xff)));
            }
        }
        return d;
    }

    private static double laplacianVariance(Mat bgr) {
        try (Mat gray = new Mat(); Mat lap = new Mat(); Mat mean = new Mat(); Mat std = new Mat()) {
            opencv_imgproc.cvtColor(bgr, gray, opencv_imgproc.COLOR_BGR2GRAY);
            opencv_imgproc.Laplacian(gray, lap, opencv_core.CV_64F);
            opencv_core.meanStdDev(lap, mean, std);
            try (DoubleIndexer di = std.createIndexer()) {
                double sd = di.get(0);
                return sd * sd;
            }
        }
    }

    private static byte[] thumbnail(Mat bgr) {
        try (Mat gray = new Mat(); Mat small = new Mat()) {
            opencv_imgproc.cvtColor(bgr, gray, opencv_imgproc.COLOR_BGR2GRAY);
            opencv_imgproc.resize(gray, small, new Size(32, 32), 0, 0, opencv_imgproc.INTER_AREA);
            byte[] px = new byte[32 * 32];
            small.data().get(px);
            return px;
        }
    }
}
