package org.signkit.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Turns a decoded frame into an upright, resized, encoded image. Colour conversion and scaling happen
 * in one swscale pass straight to the output size (before rotation), so full-size RGB pictures are
 * never made. Scaling uses swscale's area filter: it anti-aliases the large downscales of phone video
 * and costs about 40% less than bicubic (measured with {@code signkit bench frames}). One instance per
 * thread.
 */
public final class FrameRenderer implements AutoCloseable {

    private final VideoStream stream;
    private final FrameGeometry geometry;
    private final ImageEncoding encoding;
    private final int scaledW;
    private final int scaledH;
    private final Mat buffer;
    private final Mat scaled;
    private final Mat rotated;
    private final Mat output;
    private final PointerPointer<?> dstData;
    private final IntPointer dstStride;
    private final IntPointer params;
    private final BytePointer encoded = new BytePointer();
    private SwsContext sws;

    public FrameRenderer(VideoStream stream, FrameGeometry geometry, ImageEncoding encoding) {
        this.stream = stream;
        this.geometry = geometry;
        this.encoding = encoding;
        int[] upright = geometry.scaledSize(stream.displayWidth(), stream.displayHeight());
        boolean quarterTurn = stream.rotation() % 180 != 0;
        this.scaledW = quarterTurn ? upright[1] : upright[0];
        this.scaledH = quarterTurn ? upright[0] : upright[1];
        // swscale's SIMD writers store whole vectors, past the end of a row whose byte width is not a
        // multiple of the vector size (360 px * 3 = 1080 B): give every row a 64-byte-aligned stride and
        // two spare rows, as FFmpeg's own picture buffers have.
        int stride = (scaledW * 3 + 63) / 64 * 64;
        this.buffer = new Mat(scaledH + 2, stride, opencv_core.CV_8UC1);
        this.scaled = new Mat(scaledH, scaledW, opencv_core.CV_8UC3, buffer.data(), stride);
        this.rotated = new Mat();
        this.output = new Mat();
        // swscale reads four plane pointers and strides even for packed BGR: pass all four.
        this.dstData = new PointerPointer<BytePointer>(scaled.data(), null, null, null);
        this.dstStride = new IntPointer((int) scaled.step(), 0, 0, 0);
        this.params = encoding.format().equals("jpg")
                ? new IntPointer(opencv_imgcodecs.IMWRITE_JPEG_QUALITY, encoding.quality())
                : new IntPointer(opencv_imgcodecs.IMWRITE_PNG_COMPRESSION, 1);
    }

    /** Renders and encodes one frame; the returned bytes are the image file's content. */
    public byte[] render(AVFrame frame) {
        Mat out = pixels(frame);
        if (!opencv_imgcodecs.imencode(encoding.extension(), out, encoded, params)) {
            throw new IllegalStateException("OpenCV could not encode " + encoding.format());
        }
        byte[] bytes = new byte[(int) encoded.limit()];
        encoded.get(bytes);
        return bytes;
    }

    /**
     * Renders one frame to BGR pixels (scaled, upright, squared as the geometry says) without encoding it, for callers
     * that analyse pixels (QA, sign spans); the Mat is reused by the next call.
     */
    public Mat pixels(AVFrame frame) {
        sws = sws_getCachedContext(sws, frame.width(), frame.height(), frame.format(), scaledW, scaledH,
                AV_PIX_FMT_BGR24, SWS_AREA, null, null, (double[]) null);
        if (sws == null) {
            throw new IllegalStateException("swscale cannot convert pixel format " + frame.format());
        }
        sws_scale(sws, frame.data(), frame.linesize(), 0, frame.height(), dstData, dstStride);
        return shape(upright());
    }

    /** The upright picture of the last rendered frame, for callers that need pixels (tests, previews). */
    public Mat lastOutput() {
        return geometry.square() == FrameGeometry.Square.NONE ? upright() : output;
    }

    private Mat upright() {
        switch (stream.rotation()) {
            case 90:
                opencv_core.rotate(scaled, rotated, opencv_core.ROTATE_90_CLOCKWISE);
                return rotated;
            case 180:
                opencv_core.rotate(scaled, rotated, opencv_core.ROTATE_180);
                return rotated;
            case 270:
                opencv_core.rotate(scaled, rotated, opencv_core.ROTATE_90_COUNTERCLOCKWISE);
                return rotated;
            default:
                return scaled;
        }
    }

    private Mat shape(Mat upright) {
        int w = upright.cols();
        int h = upright.rows();
        int s = geometry.size();
        switch (geometry.square()) {
            case CROP:
                try (Rect roi = new Rect((w - s) / 2, (h - s) / 2, s, s); Mat view = new Mat(upright, roi)) {
                    view.copyTo(output);
                }
                return output;
            case PAD:
                int left = (s - w) / 2;
                int top = (s - h) / 2;
                opencv_core.copyMakeBorder(upright, output, top, s - h - top, left, s - w - left,
                        opencv_core.BORDER_CONSTANT, Scalar.all(0));
                return output;
            default:
                return upright;
        }
    }

    @Override
    public void close() {
        sws_freeContext(sws);
        scaled.close();
        buffer.close();
        rotated.close();
        output.close();
        dstData.close();
        dstStride.close();
        params.close();
        encoded.close();
    }
}
