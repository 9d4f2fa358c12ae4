package org.signkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.signkit.core.FrameManifest;
import org.signkit.core.FrameRecord;
import org.signkit.hands.HandScore;
import org.signkit.hands.HandsFile;
import org.signkit.hands.HandsJob;
import org.signkit.hands.HandsMethod;
import org.signkit.vision.ModelStore;
import org.signkit.vision.TruthIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code signkit hands}: face and hand boxes for every frame of a frames folder, optionally scored. */
@Command(name = "hands", mixinStandardHelpOptions = true,
        description = {"Find the face and both hands (dominant / non-dominant, with confidence) in every frame of a "
                + "frames folder; writes OUT/hands.json keyed by frame path (resumable: finished takes are kept in "
                + "OUT/takes/).",
                "Methods: mediapipe (MediaPipe palm detector + hand landmarker + BlazeFace; 'signkit models fetch "
                        + "hands' once), skin (skin colour in the selfie person mask; 'signkit models fetch selfie'), "
                        + "truth (the synthetic ground truth, --truth).",
                "--score --truth DIR prints recall at IoU 0.5, mean IoU and left/right swaps per method "
                        + "(several methods: comma-separated; OUT/<method>/ each)."})
final class HandsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FRAMES", description = "A folder written by 'signkit frames'.")
    Path frames;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT", description = "Output folder.")
    Path out;

    @Option(names = "--method", defaultValue = "mediapipe", paramLabel = "METHOD[,METHOD...]",
            description = "mediapipe, skin or truth. Default: ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--dominant", defaultValue = "right", paramLabel = "right|left",
            description = "The signers' dominant hand. Default: ${DEFAULT-VALUE}.")
    String dominant;

    @Option(names = "--truth", paramLabel = "DIR",
            description = "Synthetic truth of the frames' videos (e.g. datasets/generated/synthsign/truth/capture60).")
    Path truth;

    @Option(names = "--score", description = "Score each method against --truth.")
    boolean score;

    @Override
    public Integer call() throws Exception {
        Path root = SegmentationOptions.framesRoot(frames);
        if (!dominant.equals("right") && !dominant.equals("left")) {
            throw new IllegalArgumentException("--dominant must be right or left, got '" + dominant + "'");
        }
        if (score && truth == null) {
            throw new IllegalArgumentException("--score needs --truth DIR (the synthetic truth of the frames' videos)");
        }
        List<HandsMethod> methods = new ArrayList<>();
        for (String m : method.split(",")) {
            methods.add(HandsMethod.parse(m.trim()));
        }
        List<FrameRecord> rows = FrameManifest.read(root.resolve(FrameManifest.FILE_NAME));
        List<String> lines = new ArrayList<>();
        for (HandsMethod m : methods) {
            Path dir = methods.size() == 1 ? out : out.resolve(m.id());
            HandsJob.Summary s = new HandsJob(ModelStore.fromEnvironment(), truth).run(
                    new HandsJob.Request(root, dir, m, dominant), done -> System.err.printf("\r%s: %d takes", m.id(), done));
            System.err.println();
            System.out.printf("%s: %d frames of %d takes (%d takes already done) -> %s%n", m.id(), s.frames(), s.takes(),
                    s.reused(), s.file());
            if (score) {
                HandScore sc = HandScore.of(HandsFile.read(s.file()), root, rows, new TruthIndex(truth));
                double fps = s.reused() == 0 ? s.framesPerSecond(s.frames()) : Double.NaN;
                lines.add(String.format(Locale.ROOT, "%-10s %7d %11.4f %9.4f %11.4f %9.4f %6d %9.1f %15.2f", m.id(), sc.frames(),
                        sc.faceRecall(), sc.faceMeanIou(), sc.handRecall(), sc.handMeanIou(), sc.swaps(), fps,
                        sc.landmarkErrorPx()));
            }
        }
        if (score) {
            System.out.printf("%-10s %7s %11s %9s %11s %9s %6s %9s %15s%n", "method", "frames", "face recall", "face IoU",
                    "hand recall", "hand IoU", "swaps", "frames/s", "keypoint err px");
            lines.forEach(System.out::println);
        }
        return 0;
    }
}
