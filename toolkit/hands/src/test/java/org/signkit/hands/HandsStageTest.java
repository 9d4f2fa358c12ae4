package org.signkit.hands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.core.FrameManifest;
import org.signkit.core.FrameRecord;
import org.signkit.vision.DnnPersonSegmenter;
import org.signkit.vision.ModelStore;
import org.signkit.vision.TruthIndex;

/**
 * The hands stage on generated synthetic takes: the skin method against the truth, resuming, and the
 * signing-space frames written from the hands (crop, trim, boxes in the new frames' pixels).
 */
class HandsStageTest {

    @TempDir
    static Path work;
    static Path frames;

    @BeforeAll
    static void data() throws Exception {
        frames = SyntheticTakes.frames(work);
    }

    @Test
    void skinFindsTheFaceAndMostHandsAndARerunReusesEveryTake() throws Exception {
        ModelStore store = SelfieModel.store();
        HandsJob.Request request = new HandsJob.Request(frames, work.resolve("skin"), HandsMethod.SKIN, "right");
        HandsJob.Summary first;
        try (HandDetector d = new SkinHandDetector(DnnPersonSegmenter.selfie(store), "right")) {
            first = new HandsJob(d).run(request, done -> { });
        }
        List<FrameRecord> rows = FrameManifest.read(frames.resolve(FrameManifest.FILE_NAME));
        HandScore score = HandScore.of(HandsFile.read(first.file()), frames, rows, new TruthIndex(SyntheticTakes.truth(work)));
        System.out.println("skin on 4 synthetic takes: " + score);
        assertEquals(rows.size(), score.frames());
        assertTrue(score.faceRecall() >= 0.95, "face recall " + score.faceRecall());
        assertTrue(score.handRecall() >= 0.5, "hand recall " + score.handRecall());
        assertTrue(score.swaps() <= score.hands() / 20, "swaps " + score.swaps());
        try (HandDetector d = new SkinHandDetector(DnnPersonSegmenter.selfie(store), "right")) {
            HandsJob.Summary again = new HandsJob(d).run(request, done -> { });
            assertEquals(first.takes(), again.reused());
            assertEquals(Files.readString(first.file()), Files.readString(again.file()));
        }
        // A job that opens its own detector opens none when every take is done: an empty model store is fine.
        HandsJob.Summary lazy = new HandsJob(new ModelStore(work.resolve("no-models")), null).run(request, done -> { });
        assertEquals(first.takes(), lazy.reused());
    }

    @Test
    void signingSpaceCropsEachTakeToTheSignerAndTrimsItsStillEnds() throws Exception {
        Path handsDir = work.resolve("truth-hands");
        HandsJob.Summary found = new HandsJob(new TruthHandDetector(new TruthIndex(SyntheticTakes.truth(work)), "right"))
                .run(new HandsJob.Request(frames, handsDir, HandsMethod.TRUTH, "right"), done -> { });
        Path out = work.resolve("signing-space");
        SigningSpaceJob.Summary s = new SigningSpaceJob().run(frames, HandsFile.read(found.file()), found.file(), out,
                new SigningSpaceJob.Settings(SigningSpace.Crop.SIGNER, SigningSpace.Trim.STILL, 96, 90), java.util.Set.of(),
                done -> { });
        List<FrameRecord> source = FrameManifest.read(frames.resolve(FrameManifest.FILE_NAME));
        List<FrameRecord> kept = FrameManifest.read(s.manifest());
        assertEquals(source.size(), kept.size() + s.trimmed());
        // Every take starts and ends at rest: each loses frames at both ends, and keeps its middle.
        assertTrue(s.trimmed() >= 4 * 2, "trimmed " + s.trimmed());
        assertTrue(kept.size() >= source.size() / 2, "kept " + kept.size());
        HandsFile hands = HandsFile.read(s.hands());
        assertEquals(96, hands.frameWidth());
        for (FrameRecord r : kept) {
            assertEquals("still", r.trim());
            assertEquals(3, r.crop().split(" ").length, r.crop());
            Mat m = opencv_imgcodecs.imread(out.resolve(r.framePath()).toString());
            assertEquals(96, m.cols());
            assertEquals(96, m.rows());
            m.close();
            FrameHands h = hands.of(r.framePath(), s.hands());
            // The signer crop holds the face and the signing hand.
            assertTrue(h.face().x0() >= 0 && h.face().x1() <= 96 && h.face().y0() >= 0, "face " + h.face());
            assertTrue(h.dominant().present() && h.dominant().box().y1() <= 96.5, "hand " + h.dominant());
        }
        // A rerun reuses every take and writes the same manifest.
        String manifest = Files.readString(s.manifest());
        SigningSpaceJob.Summary again = new SigningSpaceJob().run(frames, HandsFile.read(found.file()), found.file(), out,
                new SigningSpaceJob.Settings(SigningSpace.Crop.SIGNER, SigningSpace.Trim.STILL, 96, 90), java.util.Set.of(),
                done -> { });
        assertEquals(s.takes(), again.reused());
        assertEquals(manifest, Files.readString(again.manifest()));
    }

    @Test
    void theMatteGreysWhatThePersonMaskLeavesOut() throws Exception {
        Path handsDir = work.resolve("truth-hands-matte");
        HandsJob.Summary found = new HandsJob(new TruthHandDetector(new TruthIndex(SyntheticTakes.truth(work)), "right"))
                .run(new HandsJob.Request(frames, handsDir, HandsMethod.TRUTH, "right"), done -> { });
        // A stand-in segmenter: the left half of every frame is the person.
        org.signkit.vision.Segmenter leftHalf = new org.signkit.vision.Segmenter() {
            @Override
            public String name() {
                return "left-half";
            }

            @Override
            public List<Mat> segment(List<Mat> take) {
                return take.stream().map(f -> {
                    Mat m = new Mat(f.rows(), f.cols(), org.bytedeco.opencv.global.opencv_core.CV_8U,
                            new org.bytedeco.opencv.opencv_core.Scalar(0.0));
                    try (Mat left = new Mat(m, new org.bytedeco.opencv.opencv_core.Rect(0, 0, f.cols() / 2, f.rows()))) {
                        left.put(new org.bytedeco.opencv.opencv_core.Scalar(255.0));
                    }
                    return m;
                }).toList();
            }
        };
        Path out = work.resolve("matte");
        SigningSpaceJob.Summary s = new SigningSpaceJob(leftHalf).run(frames, HandsFile.read(found.file()), found.file(), out,
                new SigningSpaceJob.Settings(SigningSpace.Crop.NONE, SigningSpace.Trim.NONE, 64, 100, true), java.util.Set.of(),
                done -> { });
        FrameRecord r = FrameManifest.read(s.manifest()).get(0);
        Mat m = opencv_imgcodecs.imread(out.resolve(r.framePath()).toString());
        org.bytedeco.javacpp.indexer.UByteIndexer px = m.createIndexer();
        // Far right: grey; the left edge keeps the training wall's colour (B 196, G 178, R 150 before lighting).
        for (int c = 0; c < 3; c++) {
            assertEquals(128, px.get(m.rows() / 2, m.cols() - 2, c), 3, "right, channel " + c);
        }
        assertTrue(Math.abs(px.get(5, 2, 0) - px.get(5, 2, 2)) > 20, "the left edge is the wall, not grey");
        px.release();
        m.close();
    }
}
