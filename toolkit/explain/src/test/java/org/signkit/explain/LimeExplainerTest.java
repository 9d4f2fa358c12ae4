package org.signkit.explain;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.signkit.synth.Box;

/**
 * LIME on a model whose decision depends only on known regions (three 8×8 blocks of a 64×64 image,
 * weights 6, 4, 2): the top superpixels are those blocks in weight order, the pointing game is 1.0,
 * stability over reruns ≥ 0.9, the faithfulness curves behave, and the same seed gives the same
 * explanation.
 */
class LimeExplainerTest {

    private static final List<RegionModel.Region> REGIONS = List.of(new RegionModel.Region(40, 8, 8, 6),
            new RegionModel.Region(8, 40, 8, 4), new RegionModel.Region(24, 24, 8, 2));

    @Test
    void topSuperpixelsFallInTheRegionsTheModelUses() {
        RegionModel model = new RegionModel(64, REGIONS);
        try (Mat image = picture()) {
            Segments grid = grid(64, 8);
            LimeSettings s = new LimeSettings(600, "slic", HideColour.BLACK, 0.25, 1, 3, 1, 50, 11);
            Explanation e = new LimeExplainer(s).explain(model, image, grid);
            assertEquals(12, model.calls, "600 samples scored in batches of 50");
            assertEquals(600, model.images);
            assertEquals("region", e.top().className());
            List<Integer> expected = REGIONS.stream().map(r -> (r.y0() / 8) * 8 + r.x0() / 8).toList();
            assertEquals(expected, e.top().topPositive(3));
            assertTrue(e.top().score() > 0.5, "local fit R² " + e.top().score());
            assertEquals(e.top().modelPrediction(), e.top().localPrediction(), 0.25, "the local model near the unperturbed image");

            List<Box> truth = REGIONS.stream().map(r -> new Box(r.x0(), r.y0(), r.x0() + r.size(), r.y0() + r.size())).toList();
            TrustScores t = TrustScores.of(model, image, e, 5, truth);
            assertEquals(1.0, t.pointing());
            assertTrue(t.stability() >= 0.9, "stability " + t.stability());
            assertTrue(t.deletion() < t.insertion(), t.toString());
        }
    }

    @Test
    void sameSeedSameExplanationOtherSeedOtherSamples() {
        RegionModel model = new RegionModel(64, REGIONS);
        try (Mat image = picture()) {
            LimeSettings s = new LimeSettings(300, "quickshift", HideColour.MEAN, 0.25, 1, 3, 2, 64, 5);
            Explanation a = new LimeExplainer(s).explain(model, image);
            Explanation b = new LimeExplainer(s).explain(model, image);
            assertArrayEquals(a.segments().labels(), b.segments().labels());
            for (int l = 0; l < 2; l++) {
                assertArrayEquals(a.labels().get(l).coefficients(), b.labels().get(l).coefficients());
            }
            Explanation c = new LimeExplainer(s.withSeed(6)).explain(model, image);
            assertTrue(!java.util.Arrays.equals(a.top().coefficients(), c.top().coefficients()));
            assertEquals(2, a.labels().size());
        }
    }

    @Test
    void everySegmentationCutsASyntheticSignerFrame() throws Exception {
        List<Mat> take = org.signkit.synth.TakeRenderer.frames(org.signkit.synth.Scene.validation(4),
                org.signkit.synth.Signer.of(0, 1), org.signkit.synth.SignLibrary.study14().get(2),
                org.signkit.synth.TakeStyle.draw(1), 30, 12, 126, 224, 1);
        take.subList(0, 11).forEach(Mat::close);
        try (Mat image = take.get(11)) {
            for (String m : List.of("slic", "slico", "felzenszwalb", "quickshift")) {
                Segments s = Superpixels.of(m).segment(image);
                assertTrue(s.count() >= 10 && s.count() < 2000, m + ": " + s.count());
                assertEquals(126 * 224, java.util.Arrays.stream(s.sizes()).sum());
            }
        }
    }

    /** A textured picture with red blocks where the model looks (and red elsewhere too, which it ignores). */
    static Mat picture() {
        Mat m = new Mat(64, 64, CV_8UC3);
        SplittableRandom r = new SplittableRandom(3);
        try (UByteIndexer ix = m.createIndexer()) {
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                    int tone = ((x / 8 + y / 8) % 2) * 60 + r.nextInt(30);
                    int px = x;
                    int py = y;
                    boolean red = REGIONS.stream().anyMatch(g -> g.x0() <= px && px < g.x0() + 8 && g.y0() <= py && py < g.y0() + 8)
                            || (x >= 56 && y >= 56);
                    ix.put(y, x, 0, red ? 20 : 90 + tone);
                    ix.put(y, x, 1, red ? 20 : 70 + tone);
                    ix.put(y, x, 2, red ? 230 : 60 + tone);
                }
            }
        }
        return m;
    }

    static Segments grid(int size, int cell) {
        int[] labels = new int[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                labels[y * size + x] = (y / cell) * (size / cell) + x / cell;
            }
        }
        return new Segments(size, size, labels, (size / cell) * (size / cell));
    }
}
