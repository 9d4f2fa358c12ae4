package org.signkit.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_INFO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

/**
 * FFmpeg's own log is silenced: signkit reports problems itself, naming the file and the fix. Set the
 * environment variable {@code SIGNKIT_FFMPEG_LOG} to see FFmpeg's messages when debugging a video.
 */
final class FfmpegLog {

    static {
        reapply();
    }

    private FfmpegLog() {
    }

    /** Applies the log level (once per JVM). */
    static void configure() {
        // The static initializer does the work; calling this forces it to run.
    }

    /** Sets the level again, after a library (JavaCV's recorder) changed it. */
    static void reapply() {
        av_log_set_level(System.getenv("SIGNKIT_FFMPEG_LOG") != null ? AV_LOG_INFO : AV_LOG_QUIET);
    }
}
