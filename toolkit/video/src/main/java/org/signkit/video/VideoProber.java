package org.signkit.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/** Probes a video by reading its header and decoding every frame (see {@link VideoProbe}). */
public final class VideoProber {

    private VideoProber() {
    }

    /**
     * Probes one video.
     *
     * @throws org.signkit.core.BadInputException when the file is missing, unreadable or has no video
     */
    public static VideoProbe probe(Path file) {
        try (VideoDecoder decoder = VideoDecoder.open(file, 0)) {
            VideoStream s = decoder.stream();
            AVFrame frame = av_frame_alloc();
            long[] pts = new long[1024];
            int n = 0;
            long lastDuration = 0;
            try {
                while (decoder.next(frame)) {
                    long p = decoder.pts(frame);
                    if (p == AV_NOPTS_VALUE) {
                        continue;
                    }
                    if (n == pts.length) {
                        pts = Arrays.copyOf(pts, n * 2);
                    }
                    pts[n++] = p;
                    lastDuration = frame.duration();
                }
            } finally {
                av_frame_free(frame);
            }
            double tbMs = s.timeBase().toDouble() * 1000;
            if (n == 0) {
                return new VideoProbe(file.toString(), s, 0, 0, 0, 0, 0, false, decoder.decodeErrors());
            }
            long[] steps = new long[Math.max(0, n - 1)];
            for (int i = 1; i < n; i++) {
                steps[i - 1] = pts[i] - pts[i - 1];
            }
            long[] sortedSteps = steps.clone();
            Arrays.sort(sortedSteps);
            long last = lastDuration > 0 ? lastDuration : sortedSteps.length > 0 ? sortedSteps[sortedSteps.length / 2] : 0;
            double duration = (pts[n - 1] + last) * s.timeBase().toDouble();
            if (steps.length == 0) {
                double ms = last * tbMs;
                return new VideoProbe(file.toString(), s, n, duration, ms, ms, ms, false, decoder.decodeErrors());
            }
            double median = sortedSteps[sortedSteps.length / 2];
            double min = sortedSteps[0];
            double max = sortedSteps[sortedSteps.length - 1];
            double mean = (double) (pts[n - 1] - pts[0]) / steps.length;
            boolean vfr = median > 0 && (max - min) > VideoProbe.VFR_SPREAD * median;
            return new VideoProbe(file.toString(), s, n, duration, min * tbMs, max * tbMs, mean * tbMs, vfr,
                    decoder.decodeErrors());
        }
    }
}
