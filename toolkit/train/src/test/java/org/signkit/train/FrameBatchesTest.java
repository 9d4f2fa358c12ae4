package org.signkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.signkit.augment.AugmentationPipeline;
import org.signkit.augment.FillMode;
import org.signkit.augment.Range;
import org.signkit.augment.Shift;
import org.signkit.core.BadInputException;
import org.signkit.core.FrameRecord;

/** Frame batches keep a frame's unaugmented input once it is rendered; augmented inputs are made afresh. */
class FrameBatchesTest {

    @TempDir
    Path dir;

    /** A private copy of the tiny frame set, whose images the test may delete. */
    private FrameSet copy() throws IOException {
        Path from = TinyFrameSet.frames();
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path to = dir.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        return FrameSet.load(dir);
    }

    private static float[] features(FrameBatches batches, List<FrameRecord> rows, int epoch, boolean shuffle) {
        DataSet d = batches.epoch(rows, epoch, rows.size(), shuffle).next();
        return d.getFeatures().dup().data().asFloat();
    }

    private void deleteImages(FrameSet set) throws IOException {
        for (FrameRecord r : set.frames()) {
            Files.delete(set.imageOf(r));
        }
    }

    @Test
    void anUnaugmentedInputIsRenderedOnceAndTheSameInEveryEpoch() throws IOException {
        FrameSet set = copy();
        List<FrameRecord> rows = set.frames().subList(0, 8);
        try (FrameBatches batches = new FrameBatches(set, set.signs(), 32, 32, Normalization.imagenet(), null, 1, 1)) {
            float[] first = features(batches, rows, 0, false);
            deleteImages(set);
            // The images are gone: the second epoch can only come from the kept pixels, and they are the first's.
            assertArrayEquals(first, features(batches, rows, 1, false));
            // A frame never rendered before still needs its image, and its absence is bad input naming it.
            FrameRecord other = set.frames().get(8);
            BadInputException e = assertThrows(BadInputException.class, () -> batches.read(other));
            assertEquals(set.imageOf(other), e.file());
        }
    }

    @Test
    void anAugmentedTrainingInputIsMadeAfreshEachEpoch() throws IOException {
        FrameSet set = copy();
        List<FrameRecord> rows = set.frames().subList(0, 8);
        AugmentationPipeline shift = new AugmentationPipeline("shift", List.of(
                new Shift(Shift.Axis.WIDTH, new Range(-0.2, 0.2), 1.0, FillMode.CONSTANT, 0)));
        try (FrameBatches batches = new FrameBatches(set, set.signs(), 32, 32, Normalization.imagenet(), shift, 1, 1)) {
            features(batches, rows, 0, true);
            deleteImages(set);
            assertThrows(BadInputException.class, () -> features(batches, rows, 1, true));
        }
    }
}
