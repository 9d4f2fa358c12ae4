package org.signkit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.signkit.core.FrameManifest;
import org.signkit.hands.HandScore;
import org.signkit.hands.HandsFile;
import org.signkit.hands.HandsJob;
import org.signkit.hands.HandsMethod;
import org.signkit.hands.MediaPipeBodyLandmarker;
import org.signkit.pose.BodyPoints;
import org.signkit.pose.MediaPipeBodyPoints;
import org.signkit.pose.PoseJob;
import org.signkit.pose.TruthBodyPoints;
import org.signkit.video.ExtractionSettings;
import org.signkit.video.FpsRounding;
import org.signkit.video.FrameExtractionJob;
import org.signkit.video.FrameGeometry;
import org.signkit.video.ImageEncoding;
import org.signkit.vision.ModelStore;
import org.signkit.vision.TruthIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code signkit pose}: keypoints per take into pose-format {@code .pose} files. */
@Command(name = "pose", mixinStandardHelpOptions = true, description = {"One pose-format .pose file per take: both hands' 21 "
        + "MediaPipe landmarks (confidence 0 when a hand is not found), the face box and BlazeFace's 6 face keypoints, "
        + "in frame pixels.",
        "INPUT is a frames folder (manifest.csv) or videos, extracted first at their own rate to OUT/.frames."})
final class PoseCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FRAMES|VIDEOS") Path input;
    @Option(names = {"-o", "--out"}, paramLabel = "OUT", description = "Output folder; default for a frames folder: "
            + "FRAMES/pose, where 'signkit train --model keypoints' reads them.") Path out;
    @Option(names = "--mapping", paramLabel = "CSV", description = "Labels of the videos (video,sign,signer,take).") Path mapping;
    @Option(names = "--hands", defaultValue = "mediapipe", paramLabel = "METHOD",
            description = "mediapipe (landmarks), truth (the synthetic truth's keypoints, and its body points), or skin "
                    + "(boxes only: no landmarks). Default: ${DEFAULT-VALUE}.")
    String hands;
    @Option(names = "--truth", paramLabel = "DIR", description = "Synthetic truth of the videos, for --hands truth and "
            + "--score.") Path truth;
    @Option(names = "--score", description = "Score the hand keypoints against --truth: mean error in frame pixels.")
    boolean score;
    @Option(names = "--dominant", defaultValue = "right", description = "The signers' dominant hand. Default: ${DEFAULT-VALUE}.")
    String dominant;
    @Option(names = "--body", paramLabel = "none|mediapipe|truth", description = "The body component: mediapipe (the "
            + "pose landmarker, 'signkit models fetch pose'), truth (the synthetic truth's points) or none. Default: "
            + "--hands' method, none for skin.")
    String body;

    @Override
    public Integer call() throws Exception {
        HandsMethod method = HandsMethod.parse(hands);
        if ((score || method == HandsMethod.TRUTH) && truth == null) {
            throw new IllegalArgumentException("--score and --hands truth need --truth DIR (the synthetic truth of the "
                    + "videos, e.g. datasets/generated/synthsign/truth/capture60)");
        }
        Path frames = input;
        boolean framesFolder = Files.isRegularFile(input.resolve(FrameManifest.FILE_NAME));
        if (out == null && !framesFolder) {
            throw new IllegalArgumentException("-o OUT is needed when the input is videos, not a frames folder: " + input);
        }
        if (out == null) {
            out = input.resolve("pose");
        }
        if (!framesFolder) {
            frames = out.resolve(".frames");
            Progress progress = Progress.forConsole("frames");
            FrameExtractionJob.Summary s = new FrameExtractionJob().run(new FrameExtractionJob.Request(input, frames, mapping,
                    new ExtractionSettings(ExtractionSettings.parseFps("source"), FpsRounding.NEAR, FrameGeometry.native_(),
                            new ImageEncoding("jpg", 95)), Runtime.getRuntime().availableProcessors()), progress);
            progress.finish();
            if (s.failures() > 0) {
                s.problems().forEach(p -> System.err.println("signkit pose: " + p));
                return 1;
            }
        }
        String bodyMethod = body != null ? body : method == HandsMethod.SKIN ? "none" : method.id();
        if (bodyMethod.equals("truth") && truth == null) {
            throw new IllegalArgumentException("--body truth needs --truth DIR (the synthetic truth of the videos)");
        }
        long t0 = System.nanoTime();
        HandsJob.Summary found = new HandsJob(ModelStore.fromEnvironment(), truth).run(
                new HandsJob.Request(frames, frames.resolve("hands"), method, dominant), done -> { });
        PoseJob.Summary s;
        try (MediaPipeBodyLandmarker landmarker = bodyMethod.equals("mediapipe")
                ? MediaPipeBodyLandmarker.open(ModelStore.fromEnvironment()) : null) {
            BodyPoints points = switch (bodyMethod) {
                case "mediapipe" -> new MediaPipeBodyPoints(landmarker);
                case "truth" -> new TruthBodyPoints(new TruthIndex(truth));
                case "none" -> null;
                default -> throw new IllegalArgumentException("--body must be none, mediapipe or truth, got '" + bodyMethod
                        + "'");
            };
            s = PoseJob.run(frames, HandsFile.read(found.file()), found.file(), points, out);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%d pose files, %d frames (hands in %d, face in %d, body in %d), %.1f frames/s -> %s%n",
                s.files().size(), s.frames(), s.handFrames(), s.faceFrames(), s.bodyFrames(), s.frames() / seconds, out);
        if (score) {
            HandScore sc = HandScore.of(HandsFile.read(found.file()), frames,
                    FrameManifest.read(frames.resolve(FrameManifest.FILE_NAME)), new TruthIndex(truth));
            System.out.printf(Locale.ROOT, "keypoints: %d hands with landmarks of %d true hands, mean error %.2f px%n",
                    sc.landmarkHands(), sc.hands(), sc.landmarkErrorPx());
        }
        return 0;
    }
}
