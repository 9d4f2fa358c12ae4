package org.signkit.video;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/** Test helpers: pattern videos of the cases the frame-selection tests cover, and the ffmpeg CLI. */
final class TestVideos {

    /** Upright size of the selection-test videos: wide enough for the 12 index blocks. */
    static final int W = PatternVideo.BITS * PatternVideo.BLOCK;
    static final int H = 96;

    /** A frame-selection case: source rate, frame count, target rate. */
    record Case(String name, String sourceFps, int frames, String targetFps) {
        PatternVideo.Spec spec() {
            return new PatternVideo.Spec(W, H, Rational.parse(sourceFps), frames, 0, false);
        }
    }

    static final List<Case> CASES = List.of(
            new Case("60to30", "60", 180, "30"),
            new Case("60to20", "60", 180, "20"),
            new Case("30to20", "30", 90, "20"),
            new Case("5994to30", "60000/1001", 1100, "30"),
            new Case("25to20", "25", 100, "20"));

    private TestVideos() {
    }

    static boolean ffmpegAvailable() {
        try {
            return new ProcessBuilder("ffmpeg", "-version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** The source frame index shown in each frame of {@code ffmpeg -vf fps=N}, read from the pictures. */
    static List<Integer> ffmpegSelection(Path video, String fps, int w, int h) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-i", video.toString(), "-vf", "fps=" + fps,
                "-f", "rawvideo", "-pix_fmt", "gray", "-").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Integer> indices = new ArrayList<>();
        byte[] frame = new byte[w * h];
        try (InputStream in = p.getInputStream(); Mat mat = new Mat(h, w, opencv_core.CV_8UC1)) {
            while (in.readNBytes(frame, 0, frame.length) == frame.length) {
                new BytePointer(mat.data()).capacity(frame.length).put(frame);
                indices.add(PatternVideo.readIndex(mat, 1.0));
            }
        }
        if (p.waitFor() != 0) {
            throw new IOException("ffmpeg failed on " + video);
        }
        return indices;
    }
}
