package org.signkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.core.BadInputException;
import org.signkit.core.FrameRecord;
import org.signkit.core.SplitStrategy;
import org.signkit.hands.HandsFile;
import org.signkit.hands.HandsJob;
import org.signkit.hands.HandsMethod;
import org.signkit.hands.TruthHandDetector;
import org.signkit.pose.PoseFile;
import org.signkit.pose.PoseJob;
import org.signkit.pose.TruthBodyPoints;
import org.signkit.pose.PoseNormalisation;
import org.signkit.synth.SynthOptions;
import org.signkit.synth.SyntheticDatasetGenerator;
import org.signkit.video.ExtractionSettings;
import org.signkit.video.FpsRounding;
import org.signkit.video.FrameExtractionJob;
import org.signkit.video.FrameGeometry;
import org.signkit.video.ImageEncoding;
import org.signkit.vision.TruthIndex;

/**
 * The clip-level keypoint model on synthetic takes whose pose files hold the truth's keypoints: the first four signs
 * are two pairs (OBRIGADO/BOM_DIA, AGUA/NOME) that share a trajectory and differ only in hand shape.
 */
class KeypointModelTest {

    @TempDir
    static Path dir;

    private static final TrainingProgress QUIET = new TrainingProgress() { };

    private static FrameSet set;

    @BeforeAll
    static void takesWithTheirPoseFiles() throws Exception {
        Path data = dir.resolve("data");
        new SyntheticDatasetGenerator(new SynthOptions(4, 2, 2, List.of(30), false, 180, 320, 3, 2))
                .generate(data, (job, reused, done, total) -> { });
        Path frames = dir.resolve("frames");
        new FrameExtractionJob().run(new FrameExtractionJob.Request(data.resolve("videos/capture30"), frames, null,
                new ExtractionSettings(ExtractionSettings.parseFps("15"), FpsRounding.NEAR, FrameGeometry.native_(),
                        new ImageEncoding("jpg", 90)), 2), (outcome, done, total, n) -> { });
        Path truth = data.resolve("truth/capture30");
        HandsJob.Summary hands = new HandsJob(new TruthHandDetector(new TruthIndex(truth), "right")).run(new HandsJob.Request(frames, frames.resolve("hands"),
                HandsMethod.TRUTH, "right"), done -> { });
        PoseJob.run(frames, HandsFile.read(hands.file()), hands.file(), new TruthBodyPoints(new TruthIndex(truth)),
                frames.resolve(KeypointClips.FOLDER));
        set = FrameSet.load(frames);
    }

    private static TrainingConfig config(int epochs) {
        return new TrainingConfig(new ModelSpec(Architecture.KEYPOINTS, 32, 1, 1, 0.2, 0), epochs, 4, 1e-3,
                LearningRateSchedule.STEP, 0, 0.1, SplitStrategy.TAKE, 0.2, "geometric", 1, 2, null, Engine.AUTO);
    }

    @Test
    void eachTakeIsOneSampleAndTheSplitKeepsTheFrameModelsTakes() {
        List<FrameRecord> takes = KeypointClips.takes(set.frames());
        assertEquals(16, takes.size(), "4 signs x 2 signers x 2 takes");
        var frameSplit = new Trainer(TrainingConfig.DEFAULTS.withModel(ModelSpec.baseline(32))
                .withOptimisation(1, 16, 1e-3, LearningRateSchedule.CONSTANT, 0), 1, QUIET)
                .split(set);
        var takeSplit = new Trainer(config(1), 1, QUIET).split(set);
        assertEquals(frameSplit.test().stream().map(FrameRecord::sourceVideo).distinct().toList(),
                takeSplit.test().stream().map(FrameRecord::sourceVideo).toList());
    }

    @Test
    void learnsSignsThatDifferOnlyInHandShape() throws Exception {
        TrainedModel model = new Trainer(config(40), 1, QUIET).train(set, null, dir.resolve("model"));
        ClassificationReport test = model.card().test();
        System.out.printf("keypoint model: test takes %d, accuracy %.3f%n", test.frames(), test.accuracy());
        assertEquals(4, test.frames(), "one test take per sign");
        // Trajectories alone tell only the pairs apart (at most 0.5); 0.75 needs a hand shape.
        assertTrue(test.accuracy() >= 0.75, "test accuracy " + test.accuracy());
        assertEquals(KeypointClips.channels(), model.card().inputHeight());
        assertEquals(32, model.card().inputWidth());
        // Evaluating the saved model on the same takes gives the card's numbers.
        ClassificationReport again = TrainedModel.load(dir.resolve("model")).evaluate(set,
                new Trainer(config(40), 1, QUIET).split(set).test(), 2, 4, 1);
        assertEquals(test.accuracy(), again.accuracy(), 1e-9);
        assertThrows(UnsupportedOperationException.class, () -> model.predict(List.of()));
    }

    @Test
    void aMissingPoseFileNamesTheFileAndTheCommandThatWritesIt() throws Exception {
        Path copy = dir.resolve("no-pose");
        Files.createDirectories(copy);
        Files.copy(set.manifest(), copy.resolve("manifest.csv"));
        FrameSet bare = FrameSet.load(copy);
        BadInputException e = assertThrows(BadInputException.class, () -> KeypointClips.sha256(bare));
        assertTrue(e.getMessage().contains("signkit pose") && e.getMessage().contains(".pose"), e.getMessage());
    }

    @Test
    void aMediaPipeHolisticFileOfPoseFormatReadsAsAClip() throws Exception {
        Path real = null;
        for (String up : new String[] {"../shared", "../../shared", "../../../shared"}) {
            Path p = Path.of(up, "data/real/mediapipe.pose");
            real = Files.isRegularFile(p) ? p : real;
        }
        assertTrue(real != null, "../shared/data/real/mediapipe.pose missing");
        PoseFile pose = new PoseNormalisation().apply(PoseFile.read(real), null);
        float[] x = KeypointClips.features(pose, 32, null);
        int length = 32;
        int handConfidence = 0;
        for (int p = 0; p < 42; p++) {
            for (int t = 0; t < length; t++) {
                handConfidence += x[(3 * p + 2) * length + t] > 0 ? 1 : 0;
            }
        }
        // Shoulders (body points 1 and 2) are found in every frame and, normalised, one unit apart.
        int left = 42 + 1;
        int right = 42 + 2;
        double width = Math.hypot(x[(3 * left) * length + 5] - x[(3 * right) * length + 5],
                x[(3 * left + 1) * length + 5] - x[(3 * right + 1) * length + 5]);
        System.out.printf("real MediaPipe clip: %d hand point-frames found, shoulder width %.3f%n", handConfidence, width);
        assertTrue(handConfidence > 0, "hands found in the real clip");
        assertEquals(1.0, width, 0.25);
    }
}
