package org.signkit.video;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.IntPointer;
import org.signkit.core.BadInputException;

/**
 * Decodes the first video stream of a file in presentation order, exposing each frame's integer pts
 * (FFmpeg's best-effort timestamp, counted from the file's start as the ffmpeg CLI does).
 *
 * <p>It talks to FFmpeg directly rather than through JavaCV's grabber because frame selection needs
 * the integer pts and the undecoded-to-RGB picture: converting only the frames that are kept is what
 * makes resampling 60 to 20 FPS cheaper than decoding to RGB every frame. Not thread-safe; use one per
 * thread.
 */
public final class VideoDecoder implements AutoCloseable {

    static {
        FfmpegLog.configure();
    }

    private final Path file;
    private final AVFormatContext format;
    private final AVCodecContext codec;
    private final AVPacket packet;
    private final int streamIndex;
    private final VideoStream stream;
    private boolean draining;
    private boolean ended;
    private long decodeErrors;

    private VideoDecoder(Path file, AVFormatContext format, AVCodecContext codec, int streamIndex, VideoStream stream) {
        this.file = file;
        this.format = format;
        this.codec = codec;
        this.streamIndex = streamIndex;
        this.stream = stream;
        this.packet = av_packet_alloc();
    }

    /**
     * Opens a video file.
     *
     * @param threads decoder threads (0 lets FFmpeg choose)
     * @throws BadInputException naming the file when it is missing, empty, unreadable or has no video
     */
    public static VideoDecoder open(Path file, int threads) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, "file not found", "check the path");
        }
        try {
            if (Files.size(file) == 0) {
                throw new BadInputException(file, "empty file (0 bytes)", "copy the video from the phone again");
            }
        } catch (java.io.IOException e) {
            throw new BadInputException(file, "cannot read: " + e.getMessage(), "check the file's permissions", e);
        }
        AVFormatContext format = new AVFormatContext(null);
        int ret = avformat_open_input(format, file.toString(), null, null);
        if (ret < 0) {
            throw new BadInputException(file, "not a readable video (" + errorText(ret) + ")",
                    "the file is corrupt, truncated or not a video; copy or export it again");
        }
        try {
            ret = avformat_find_stream_info(format, (org.bytedeco.javacpp.PointerPointer<?>) null);
            if (ret < 0) {
                throw new BadInputException(file, "cannot read stream information (" + errorText(ret) + ")",
                        "the file is corrupt or truncated; copy or export it again");
            }
            int index = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
            if (index < 0) {
                throw new BadInputException(file, "no video stream (audio-only or data file)",
                        "use the video recording, not an audio export");
            }
            AVStream st = format.streams(index);
            AVCodecParameters par = st.codecpar();
            AVCodec decoder = avcodec_find_decoder(par.codec_id());
            if (decoder == null) {
                throw new BadInputException(file, "unsupported video codec '" + avcodec_get_name(par.codec_id()).getString() + "'",
                        "convert the video to H.264 MP4");
            }
            AVCodecContext ctx = avcodec_alloc_context3(decoder);
            if (avcodec_parameters_to_context(ctx, par) < 0) {
                avcodec_free_context(ctx);
                throw new BadInputException(file, "cannot configure the decoder", "convert the video to H.264 MP4");
            }
            ctx.thread_count(threads);
            ctx.pkt_timebase(st.time_base());
            if ((ret = avcodec_open2(ctx, decoder, (org.bytedeco.ffmpeg.avutil.AVDictionary) null)) < 0) {
                avcodec_free_context(ctx);
                throw new BadInputException(file, "cannot open the decoder (" + errorText(ret) + ")",
                        "convert the video to H.264 MP4");
            }
            Rational tb = rational(st.time_base());
            long startUs = format.start_time() == AV_NOPTS_VALUE ? 0 : format.start_time();
            long startPts = FpsRounding.NEAR.rescale(startUs, new Rational(1, AV_TIME_BASE), tb);
            VideoStream info = new VideoStream(format.iformat().name().getString(),
                    avcodec_get_name(par.codec_id()).getString(), par.width(), par.height(), rotation(par),
                    tb, rational(st.r_frame_rate()), rational(st.avg_frame_rate()), Math.max(0, st.nb_frames()),
                    startPts);
            if (info.width() <= 0 || info.height() <= 0) {
                avcodec_free_context(ctx);
                throw new BadInputException(file, "video stream has no picture size", "copy or export the video again");
            }
            return new VideoDecoder(file, format, ctx, index, info);
        } catch (RuntimeException e) {
            avformat_close_input(format);
            throw e;
        }
    }

    /** The stream's header facts. */
    public VideoStream stream() {
        return stream;
    }

    /** The file being decoded. */
    public Path file() {
        return file;
    }

    /** Packets the decoder rejected as invalid so far (a sign of corruption). */
    public long decodeErrors() {
        return decodeErrors;
    }

    /**
     * Decodes the next frame into {@code frame} (which is unreferenced first).
     *
     * @return false at the end of the stream
     */
    public boolean next(AVFrame frame) {
        while (!ended) {
            int ret = avcodec_receive_frame(codec, frame);
            if (ret >= 0) {
                return true;
            }
            if (ret == AVERROR_EOF()) {
                ended = true;
                return false;
            }
            if (ret != AVERROR_EAGAIN()) {
                decodeErrors++;
            }
            if (draining) {
                ended = true;
                return false;
            }
            feedPacket();
        }
        return false;
    }

    private void feedPacket() {
        while (true) {
            int ret = av_read_frame(format, packet);
            if (ret < 0) {
                if (ret != AVERROR_EOF()) {
                    decodeErrors++;
                }
                avcodec_send_packet(codec, null);
                draining = true;
                return;
            }
            try {
                if (packet.stream_index() == streamIndex) {
                    if (avcodec_send_packet(codec, packet) < 0) {
                        decodeErrors++;
                    }
                    return;
                }
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    /** A decoded frame's pts counted from the file start (FFmpeg CLI's default timestamp offset). */
    public long pts(AVFrame frame) {
        long pts = frame.best_effort_timestamp();
        return pts == AV_NOPTS_VALUE ? AV_NOPTS_VALUE : pts - stream.startPts();
    }

    @Override
    public void close() {
        av_packet_free(packet);
        avcodec_free_context(codec);
        avformat_close_input(format);
    }

    private static Rational rational(AVRational r) {
        return r.den() <= 0 ? new Rational(0, 1) : new Rational(r.num(), r.den());
    }

    /** Clockwise display rotation as the ffmpeg CLI's autorotate applies it. */
    private static int rotation(AVCodecParameters par) {
        AVPacketSideData sd = av_packet_side_data_get(par.coded_side_data(), par.nb_coded_side_data(),
                AV_PKT_DATA_DISPLAYMATRIX);
        if (sd == null || sd.isNull() || sd.size() < 36) {
            return 0;
        }
        double ccw = av_display_rotation_get(new IntPointer(sd.data()));
        if (Double.isNaN(ccw)) {
            return 0;
        }
        long cw = Math.round(-ccw / 90.0) * 90;
        return (int) Math.floorMod(cw, 360);
    }

    static String errorText(int code) {
        byte[] buf = new byte[256];
        av_strerror(code, buf, buf.length);
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        return new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8) + ", code " + code;
    }
}
