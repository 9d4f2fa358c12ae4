package org.signkit.synth;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.signkit.core.AtomicFiles;
import org.signkit.core.Checksums;
import org.signkit.core.Json;
import org.signkit.core.Parallel;
import org.signkit.core.SignkitVersion;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Makes a synthetic sign dataset: {@code videos/<group>/<sign>/<signer>_<take>.mp4} (H.264) in the
 * layout {@code signkit frames} reads, ground truth {@code truth/<group>/<sign>/<signer>_<take>.json}
 * ({@link VideoTruth}) and a {@code dataset.yaml} card. Groups are {@code capture<fps>} (train/test,
 * one plain wall), {@code signers<n>} (more signers on the same wall, for signer-count ablations) and
 * {@code validation} (other scenes). Videos render in parallel; each is written
 * under a temporary name, and a rerun skips videos whose truth file records the same generator key.
 */
public final class SyntheticDatasetGenerator {

    /** One video to make. */
    public record Job(String group, Sign sign, Signer signer, int take, int fps, Scene scene, long seed) {
        String stem() {
            return group + "/" + sign.gloss() + "/" + signer.id() + "_" + take;
        }
    }

    /** Hears about each finished video. */
    @FunctionalInterface
    public interface Listener {
        void videoDone(Job job, boolean reused, int done, int total);
    }

    /** What a generation run made. */
    public record Summary(int videos, int reused, long frames, double seconds) {
    }

    private final SynthOptions options;

    public SyntheticDatasetGenerator(SynthOptions options) {
        this.options = options;
    }

    /** The videos these options make, in a fixed order. */
    public List<Job> jobs() {
        List<Sign> signs = SignLibrary.study14().subList(0, options.signs());
        List<Job> jobs = new ArrayList<>();
        for (int fps : options.captures()) {
            for (Sign sign : signs) {
                for (int s = 1; s <= options.signers(); s++) {
                    for (int t = 1; t <= options.takes(); t++) {
                        String group = "capture" + fps;
                        jobs.add(new Job(group, sign, Signer.of(s, options.seed()), t, fps, Scene.trainingWall(),
                                seedOf(group, sign.gloss(), s, t)));
                    }
                }
            }
        }
        if (options.signerGroup() > 0) {
            int fps = options.captures().get(0);
            String group = "signers" + options.signerGroup();
            for (Sign sign : signs) {
                for (int s = 1; s <= options.signerGroup(); s++) {
                    for (int t = 1; t <= options.takes(); t++) {
                        jobs.add(new Job(group, sign, Signer.of(s, options.seed()), t, fps, Scene.trainingWall(),
                                seedOf(group, sign.gloss(), s, t)));
                    }
                }
            }
        }
        if (options.validation()) {
            int fps = options.captures().get(0);
            for (Sign sign : signs) {
                for (int s = 1; s <= options.signers(); s++) {
                    long seed = seedOf("validation", sign.gloss(), s, 1);
                    jobs.add(new Job("validation", sign, Signer.of(s, options.seed()), 1, fps, Scene.validation(seed),
                            seed));
                }
            }
        }
        return jobs;
    }

    private long seedOf(String group, String gloss, int signer, int take) {
        String h = Checksums.sha256(options.seed() + "/" + group + "/" + gloss + "/" + signer + "/" + take);
        return Long.parseUnsignedLong(h.substring(0, 15), 16);
    }

    /** A digest of everything that decides the pixels; stored in each truth file. */
    public String generatorKey() {
        // v2: truth files record the keypoints; a v1 video is rendered again to get them (its pixels are the same).
        return Checksums.sha256("synth-v2;" + options.width() + "x" + options.height() + ";seed=" + options.seed()
                + ";rate=" + SynthOptions.INTERNAL_RATE + ";shutter=" + SynthOptions.SHUTTER + ";noise=" + SynthOptions.NOISE);
    }

    /** Generates everything under {@code out}. */
    public Summary generate(Path out, Listener listener) throws IOException {
        long start = System.nanoTime();
        List<Job> jobs = jobs();
        // Videos render in parallel; OpenCV's own worker threads on top would only contend for the cores.
        org.bytedeco.opencv.global.opencv_core.setNumThreads(1);
        AtomicInteger done = new AtomicInteger();
        AtomicInteger reused = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong frames = new java.util.concurrent.atomic.AtomicLong();
        Parallel.forEach(jobs, options.jobs(), "signkit-synth", job -> {
            int n = make(out, job);
            boolean wasReused = n < 0;
            if (wasReused) {
                reused.incrementAndGet();
            } else {
                frames.addAndGet(n);
            }
            listener.videoDone(job, wasReused, done.incrementAndGet(), jobs.size());
        });
        writeCard(out, jobs);
        return new Summary(jobs.size(), reused.get(), frames.get(), (System.nanoTime() - start) / 1e9);
    }

    /** Renders one video and its truth; returns its frame count, or -1 when a finished one was reused. */
    private int make(Path out, Job job) throws Exception {
        Path video = out.resolve("videos").resolve(job.stem() + ".mp4");
        Path truthFile = out.resolve("truth").resolve(job.stem() + ".json");
        if (Files.isRegularFile(video) && Files.isRegularFile(truthFile)) {
            try {
                if (generatorKey().equals(Json.mapper().readTree(truthFile.toFile()).path("generatorKey").asText())) {
                    return -1;
                }
            } catch (IOException e) {
                // A damaged truth file: make the video again.
            }
        }
        Files.createDirectories(video.getParent());
        Path tmp = video.resolveSibling("." + video.getFileName().toString().replace(".mp4", AtomicFiles.PARTIAL_SUFFIX + ".mp4"));
        TakeStyle style = TakeStyle.draw(job.seed());
        int frames = (int) Math.ceil(style.seconds(job.sign()) * job.fps());
        List<FrameTruth> truths = new ArrayList<>(frames);
        TakeRenderer.Camera camera = options.camera();
        int w = camera.width();
        int h = camera.height();
        try (TakeRenderer renderer = new TakeRenderer(camera, job.scene(), job.signer(), job.fps());
             FFmpegFrameRecorder rec = new FFmpegFrameRecorder(tmp.toFile(), w, h, 0);
             Mat yuv = new Mat(h * 3 / 2, w, opencv_core.CV_8UC1)) {
            java.nio.ByteBuffer yuvBytes = yuv.data().capacity((long) w * h * 3 / 2).asByteBuffer();
            rec.setFormat("mp4");
            rec.setVideoCodec(AV_CODEC_ID_H264);
            rec.setPixelFormat(AV_PIX_FMT_YUV420P);
            rec.setFrameRate(job.fps());
            rec.setGopSize(job.fps());
            // Constant quantiser instead of a bit rate: like a phone's encoder it keeps edges and drops most
            // of the sensor noise, and it encodes about twice as fast as openh264's bit-rate control.
            rec.setVideoOption("rc_mode", "off");
            // One encoder thread: the bitstream, and so the decoded frames, must not depend on scheduling.
            rec.setVideoOption("threads", "1");
            av_log_set_level(AV_LOG_QUIET);
            rec.start();
            renderer.film(new SignAnimator(job.sign(), style), frames, job.seed(), (bgr, truth) -> {
                // OpenCV's BGR to I420 (BT.601, video range, as swscale's) is several times faster than the
                // recorder's own swscale conversion; I420 is the encoder's format, so it is passed through.
                opencv_imgproc.cvtColor(bgr, yuv, opencv_imgproc.COLOR_BGR2YUV_I420);
                rec.recordImage(w, h, Frame.DEPTH_UBYTE, 1, w, AV_PIX_FMT_YUV420P, yuvBytes);
                truths.add(truth);
            });
            rec.stop();
            VideoTruth truth = new VideoTruth("videos/" + job.stem() + ".mp4", job.sign().gloss(), job.signer().id(),
                    Integer.toString(job.take()), job.group(), camera.width(), camera.height(), job.fps(),
                    renderer.exposure(), renderer.subframes(), job.scene(), style, truths);
            Files.move(tmp, video, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Map<String, Object> withKey = new LinkedHashMap<>();
            withKey.put("generatorKey", generatorKey());
            withKey.put("truth", truth);
            Json.writeCompact(truthFile, withKey);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return frames;
    }

    private void writeCard(Path out, List<Job> jobs) throws IOException {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("name", "synthsign");
        card.put("description", "Synthetic signer videos made by signkit synth: 2D articulated signers performing "
                + "14 invented two-hand signs named after everyday Libras words; training/test takes on one plain wall, "
                + "validation takes on other backgrounds, light and signer positions.");
        card.put("generator", ordered("signkit", SignkitVersion.current(), "key", generatorKey()));
        card.put("options", ordered("signs", options.signs(), "signers", options.signers(), "takes", options.takes(),
                "captures", options.captures(), "validation", options.validation(),
                "size", options.width() + "x" + options.height(), "seed", options.seed()));
        card.put("camera", ordered("internal_rate_hz", SynthOptions.INTERNAL_RATE, "shutter_fraction", SynthOptions.SHUTTER,
                "noise_sigma", SynthOptions.NOISE, "codec", "H.264 (openh264), yuv420p, one GOP per second"));
        Map<String, Long> perGroup = new LinkedHashMap<>();
        jobs.forEach(j -> perGroup.merge(j.group(), 1L, Long::sum));
        card.put("videos_per_group", perGroup);
        List<Map<String, Object>> signs = new ArrayList<>();
        for (Sign s : SignLibrary.study14().subList(0, options.signs())) {
            signs.add(ordered("gloss", s.gloss(), "seconds", s.seconds(), "keyframes", s.keyframes().size()));
        }
        card.put("signs", signs);
        card.put("layout", ordered(
                "videos", "videos/<group>/<sign>/<signer>_<take>.mp4 (groups: capture<fps> on the training wall, signers<n> with "
                        + "more signers on it, validation)",
                "truth", "truth/<group>/<sign>/<signer>_<take>.json: {generatorKey, truth: VideoTruth}; per frame: "
                        + "person mask as COCO uncompressed RLE (column-major, runs alternate background/foreground), "
                        + "face/rightHand/leftHand boxes {x0,y0,x1,y1} in pixels, x1/y1 exclusive; rightHand is the "
                        + "signer's right hand (image left)"));
        DumperOptions o = new DumperOptions();
        o.setWidth(110);
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        AtomicFiles.writeString(out.resolve("dataset.yaml"), new Yaml(o).dump(card));
    }

    /** A map that keeps the given key order, so the card reads the same on every run. */
    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
