package org.signkit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.signkit.core.FrameManifest;
import org.signkit.hands.HandsFile;
import org.signkit.hands.HandsJob;
import org.signkit.hands.HandsMethod;
import org.signkit.pose.PoseJob;
import org.signkit.video.ExtractionSettings;
import org.signkit.video.FpsRounding;
import org.signkit.video.FrameExtractionJob;
import org.signkit.video.FrameGeometry;
import org.signkit.video.ImageEncoding;
import org.signkit.vision.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code signkit pose}: keypoints per take into pose-format {@code .pose} files. */
@Command(name = "pose", mixinStandardHelpOptions = true, description = {"One pose-format .pose file per take: both hands' 21 "
        + "MediaPipe landmarks (confidence 0 when a hand is not found) and the face box, in frame pixels.",
        "INPUT is a frames folder (manifest.csv) or videos, extracted first at their own rate to OUT/.frames."})
final class PoseCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FRAMES|VIDEOS") Path input;
    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT") Path out;
    @Option(names = "--mapping", paramLabel = "CSV", description = "Labels of the videos (video,sign,signer,take).") Path mapping;
    @Option(names = "--hands", defaultValue = "mediapipe", paramLabel = "METHOD",
            description = "mediapipe (landmarks), or skin / truth (boxes only: no landmarks). Default: ${DEFAULT-VALUE}.")
    String hands;
    @Option(names = "--truth", paramLabel = "DIR", description = "Synthetic truth of the videos, for --hands truth.") Path truth;
    @Option(names = "--dominant", defaultValue = "right", description = "The signers' dominant hand. Default: ${DEFAULT-VALUE}.")
    String dominant;

    @Override
    public Integer call() throws Exception {
        Path frames = input;
        if (!Files.isRegularFile(input.resolve(FrameManifest.FILE_NAME))) {
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
        long t0 = System.nanoTime();
        HandsJob.Summary found = new HandsJob(ModelStore.fromEnvironment(), truth).run(
                new HandsJob.Request(frames, frames.resolve("hands"), HandsMethod.parse(hands), dominant), done -> { });
        PoseJob.Summary s = PoseJob.run(frames, HandsFile.read(found.file()), found.file(), out);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%d pose files, %d frames (hands in %d, face in %d), %.1f frames/s -> %s%n", s.files().size(),
                s.frames(), s.handFrames(), s.faceFrames(), s.frames() / seconds, out);
        return 0;
    }
}
