package org.signkit.video;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.signkit.core.AtomicFiles;

/**
 * Writes test-pattern videos whose frames carry their own index as a row of black/white blocks, so
 * any tool's frame selection can be read back from the pictures. Used by the frame-selection tests
 * (against the ffmpeg CLI) and by {@code signkit bench frames}.
 */
public final class PatternVideo {

    /** Bits of the frame index drawn as blocks. */
    public static final int BITS = 12;
    /** Side of one block, in upright output pixels. */
    public static final int BLOCK = 32;

    /**
     * What to write.
     *
     * @param width    upright width
     * @param height   upright height
     * @param fps      frame rate, stored exactly (e.g. 60000/1001)
     * @param frames   number of frames
     * @param rotation clockwise display rotation stored as metadata (0, 90, 180, 270); the pixels are stored
     *                 turned the other way, as a phone does, so the upright view is the same for every value
     * @param h264     H.264 (openh264) when true, MPEG-4 part 2 otherwise
     */
    public record Spec(int width, int height, Rational fps, int frames, int rotation, boolean h264) {
        public Spec {
            if (rotation % 90 != 0) {
                throw new IllegalArgumentException("rotation must be a multiple of 90: " + rotation);
            }
        }
    }

    static {
        FfmpegLog.configure();
    }

    private PatternVideo() {
    }

    /** Writes the video atomically. */
    public static void write(Path out, Spec spec) throws Exception {
        write(out, spec, 1);
    }

    /** Writes the video atomically with its pixel levels scaled by {@code gain} (e.g. 0.05: a nearly black take). */
    public static void write(Path out, Spec spec, double gain) throws Exception {
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        String name = out.getFileName().toString();
        Path tmp = parent.resolve("." + name.substring(0, name.lastIndexOf('.')) + AtomicFiles.PARTIAL_SUFFIX
                + name.substring(name.lastIndexOf('.')));
        boolean quarter = spec.rotation() % 180 != 0;
        int storedW = quarter ? spec.height() : spec.width();
        int storedH = quarter ? spec.width() : spec.height();
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(tmp.toFile(), storedW, storedH, 0);
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
             Mat upright = new Mat(spec.height(), spec.width(), opencv_core.CV_8UC3);
             Mat stored = new Mat()) {
            rec.setFormat("mp4");
            rec.setVideoCodec(spec.h264() ? AV_CODEC_ID_H264 : AV_CODEC_ID_MPEG4);
            rec.setPixelFormat(AV_PIX_FMT_YUV420P);
            rec.setFrameRate(spec.fps().toDouble());
            rec.setVideoBitrate(Math.max(1_000_000, spec.width() * spec.height() * 4));
            rec.setGopSize(Math.max(1, (int) Math.round(spec.fps().toDouble())));
            if (spec.rotation() != 0) {
                // JavaCV's angle ends up as the display matrix's counter-clockwise angle (ffprobe's
                // "rotation"); phones store a clockwise turn as a negative one.
                rec.setDisplayRotation(-spec.rotation());
            }
            // JavaCV raises FFmpeg's log level when its recorder loads; silence the header dump and encoder chatter.
            FfmpegLog.reapply();
            rec.start();
            for (int i = 0; i < spec.frames(); i++) {
                draw(upright, i, spec.frames());
                if (gain != 1) {
                    upright.convertTo(upright, -1, gain, 0);
                }
                Mat pixels = upright;
                if (spec.rotation() != 0) {
                    int code = spec.rotation() == 90 ? opencv_core.ROTATE_90_COUNTERCLOCKWISE
                            : spec.rotation() == 180 ? opencv_core.ROTATE_180 : opencv_core.ROTATE_90_CLOCKWISE;
                    opencv_core.rotate(upright, stored, code);
                    pixels = stored;
                }
                Frame f = converter.convert(pixels);
                rec.record(f);
            }
            rec.stop();
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Writes a phone-like variable-frame-rate video (MPEG-4): {@code frames} frames on a 1/120 s grid,
     * alternately 1 and 2 grid steps apart, as phones do when light drops.
     */
    public static void writeVariableRate(Path out, int width, int height, int frames) throws Exception {
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(out.toFile(), width, height, 0);
             OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat();
             Mat img = new Mat(height, width, opencv_core.CV_8UC3)) {
            rec.setFormat("mp4");
            rec.setVideoCodec(AV_CODEC_ID_MPEG4);
            rec.setPixelFormat(AV_PIX_FMT_YUV420P);
            rec.setFrameRate(120);
            FfmpegLog.reapply();
            rec.start();
            long slot = 0;
            for (int i = 0; i < frames; i++) {
                draw(img, i, frames);
                rec.setTimestamp(slot * 1_000_000L / 120);
                rec.record(conv.convert(img));
                slot += (i % 3 == 0) ? 1 : 2;
            }
            rec.stop();
        }
    }

    /** Draws frame {@code i}: a gradient, a moving disc, a red corner marker and the index blocks. */
    static void draw(Mat img, int i, int total) {
        int w = img.cols();
        int h = img.rows();
        img.put(new Scalar(90, 110, 130, 0));
        double t = total <= 1 ? 0 : (double) i / (total - 1);
        try (Point c = new Point((int) (w * (0.2 + 0.6 * t)), (int) (h * 0.6)); Scalar col = new Scalar(40, 200, 240, 0)) {
            opencv_imgproc.circle(img, c, Math.max(4, Math.min(w, h) / 8), col, -1, opencv_imgproc.LINE_AA, 0);
        }
        try (Rect marker = new Rect(0, h - BLOCK * 2, BLOCK * 2, BLOCK * 2); Scalar red = new Scalar(0, 0, 255, 0)) {
            opencv_imgproc.rectangle(img, marker, red, -1, opencv_imgproc.LINE_8, 0);
        }
        for (int b = 0; b < BITS; b++) {
            int v = ((i >> b) & 1) == 1 ? 255 : 0;
            try (Rect r = new Rect(b * BLOCK, 0, BLOCK, BLOCK); Scalar s = new Scalar(v, v, v, 0)) {
                opencv_imgproc.rectangle(img, r, s, -1, opencv_imgproc.LINE_8, 0);
            }
        }
    }

    /**
     * Reads the frame index back from an upright picture (gray or BGR, any scale: {@code scale} is the
     * output/original width ratio).
     */
    public static int readIndex(Mat img, double scale) {
        int index = 0;
        for (int b = 0; b < BITS; b++) {
            int x = (int) ((b * BLOCK + BLOCK / 2.0) * scale);
            int y = (int) (BLOCK / 2.0 * scale);
            int v = img.ptr(y, x).get() & 0xff;
            if (v > 128) {
                index |= 1 << b;
            }
        }
        return index;
    }
}
