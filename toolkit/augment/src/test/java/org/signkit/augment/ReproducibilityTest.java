package org.signkit.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.core.BadInputException;
import org.signkit.core.Json;

class ReproducibilityTest {

    @TempDir
    Path dir;

    private static byte[] bytes(Mat m) {
        byte[] b = new byte[(int) (m.total() * m.channels())];
        m.data().get(b);
        return b;
    }

    @Test
    void aRecordedSampleReplaysToIdenticalBytes() throws Exception {
        AugmentationPipeline p = TransformCatalog.preset("all");
        List<Transform> everything = new ArrayList<>();
        for (String n : TransformCatalog.presets().subList(4, TransformCatalog.presets().size())) {
            everything.addAll(TransformCatalog.preset(n).transforms());
        }
        for (AugmentationPipeline pipeline : List.of(p, new AugmentationPipeline("every-transform", everything))) {
            Mat image = AugmentTestImages.textured(1);
            AugmentationRecord record = pipeline.draw(42, 3, 17, image.cols(), image.rows());
            Sample direct = pipeline.apply(Sample.of(image), record);
            Path file = dir.resolve(pipeline.name() + ".json");
            Json.write(file, record);
            AugmentationRecord back = Json.read(file, AugmentationRecord.class);
            assertEquals(record, back);
            Sample replayed = pipeline.apply(Sample.of(image), back);
            assertTrue(java.util.Arrays.equals(bytes(direct.image()), bytes(replayed.image())), pipeline.name());
        }
    }

    @Test
    void twoThreadCountsGiveIdenticalBatches() {
        AugmentationPipeline p = TransformCatalog.preset("all");
        List<Sample> batch = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            batch.add(Sample.of(AugmentTestImages.textured(i)));
            ids.add(1000L + i);
        }
        List<Sample> one = p.augmentBatch(batch, ids, 7, 2, 1);
        List<Sample> four = p.augmentBatch(batch, ids, 7, 2, 4);
        for (int i = 0; i < batch.size(); i++) {
            assertTrue(java.util.Arrays.equals(bytes(one.get(i).image()), bytes(four.get(i).image())), "sample " + i);
        }
        // A sample's augmentation does not depend on its place in the batch.
        Sample alone = p.augment(batch.get(5), 7, 2, ids.get(5));
        assertTrue(java.util.Arrays.equals(bytes(alone.image()), bytes(one.get(5).image())));
    }

    @Test
    void seedsDependOnRunEpochAndSample() {
        long a = AugmentationPipeline.sampleSeed(1, 0, 5);
        assertEquals(a, AugmentationPipeline.sampleSeed(1, 0, 5));
        assertNotEquals(a, AugmentationPipeline.sampleSeed(1, 1, 5));
        assertNotEquals(a, AugmentationPipeline.sampleSeed(1, 0, 6));
        assertNotEquals(a, AugmentationPipeline.sampleSeed(2, 0, 5));
    }

    @Test
    void flipSwapsTheSigningHand() {
        AugmentationPipeline p = TransformCatalog.preset("horizontal_flip");
        assertTrue(p.transforms().get(0).labelAltering());
        Mat image = AugmentTestImages.rectangle(10, 20, 40, 50);
        Sample s = new Sample(image, null, List.of(new LabeledBox("right_hand", 10, 20, 40, 50), new LabeledBox("face", 100, 10, 130, 40)),
                List.of(new Keypoint("left_wrist", 5, 5)), "right");
        Sample out = p.augment(s, 1, 0, 0);
        assertEquals("left", out.dominant());
        assertEquals("left_hand", out.boxes().get(0).label());
        assertEquals("face", out.boxes().get(1).label());
        assertEquals("right_wrist", out.keypoints().get(0).label());
        assertEquals(new LabeledBox("left_hand", 224 - 40, 20, 224 - 10, 50), out.boxes().get(0));
        assertEquals(224 - 1 - 5, out.keypoints().get(0).x(), 1e-9);
        for (String group : List.of("geometric", "intensity", "all")) {
            assertTrue(TransformCatalog.preset(group).transforms().stream().noneMatch(Transform::labelAltering), group);
        }
    }

    @Test
    void rotationFollowsKerasConvention() {
        // Keras rotates (row, col) by theta, mapping output to input: +90 degrees brings the pixel to
        // the right of the centre below the centre.
        Transform r = TransformCatalog.create("rotation", java.util.Map.of("range", List.of(90, 90)), FillMode.CONSTANT, 0);
        Sample out = r.apply(new Sample(AugmentTestImages.dot(161, 111), null, List.of(), List.of(new Keypoint("k", 161, 111.5)), "right"),
                java.util.Map.of("degrees", 90.0));
        assertEquals(111.5, out.keypoints().get(0).x(), 1e-9);
        assertEquals(161, out.keypoints().get(0).y(), 1e-9);
    }

    @Test
    void pipelineFilesInYamlAndJsonAndTheirErrors() throws Exception {
        Path yaml = Files.writeString(dir.resolve("geo.yaml"), """
                name: geo
                fill_mode: reflect
                transforms:
                  - rotation: {range: 20}
                  - zoom: {range: [0.8, 1.2], p: 0.5}
                  - brightness: {range: [0.5, 1.5]}
                """);
        AugmentationPipeline p = TransformCatalog.load(yaml);
        assertEquals("geo", p.name());
        assertEquals(List.of("rotation", "zoom", "brightness"), p.transforms().stream().map(Transform::name).toList());
        assertEquals(0.5, p.transforms().get(1).probability());
        Path json = Files.writeString(dir.resolve("p.json"), "{\"transforms\": [{\"shear\": {\"range\": 5}}]}");
        assertEquals("shear", TransformCatalog.load(json).transforms().get(0).name());

        Path typo = Files.writeString(dir.resolve("typo.yaml"), "transforms:\n  - rotation: {rnage: 20}\n");
        BadInputException e = assertThrows(BadInputException.class, () -> TransformCatalog.load(typo));
        assertTrue(e.getMessage().contains("typo.yaml") && e.getMessage().contains("transforms[0]")
                && e.getMessage().contains("rnage"), e.getMessage());
        Path unknown = Files.writeString(dir.resolve("u.yaml"), "transforms:\n  - twirl: {}\n");
        e = assertThrows(BadInputException.class, () -> TransformCatalog.load(unknown));
        assertTrue(e.getMessage().contains("unknown transform 'twirl'"), e.getMessage());
        Path badP = Files.writeString(dir.resolve("p.yaml"), "transforms:\n  - gamma: {p: 2}\n");
        e = assertThrows(BadInputException.class, () -> TransformCatalog.load(badP));
        assertTrue(e.getMessage().contains("gamma.p must be in [0, 1]"), e.getMessage());
    }

    @Test
    void noneLeavesTheImageAsItWas() {
        Mat image = AugmentTestImages.textured(2);
        Sample out = TransformCatalog.preset("none").augment(Sample.of(image), 1, 0, 0);
        assertEquals(0, opencv_core.norm(image, out.image(), opencv_core.NORM_INF, null));
    }
}
