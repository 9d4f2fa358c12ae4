package org.signkit.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.dataset.DataSet;
import org.signkit.augment.AugmentationPipeline;
import org.signkit.core.FrameRecord;

/**
 * The trainer's one seam to its data: samples named by manifest rows become network batches. A frame model's sample
 * is a frame ({@link FrameBatches}); a keypoint model's is a take, named by its first frame's row
 * ({@link KeypointBatches}). A batch's content depends only on the seed, the epoch and the rows.
 */
public interface SampleBatches extends AutoCloseable {

    /**
     * The batches of one pass over {@code rows}.
     *
     * @param shuffle shuffle the order (seeded by the seed and epoch) and augment; false: row order, as is
     */
    Iterator<DataSet> epoch(List<FrameRecord> rows, int epoch, int batchSize, boolean shuffle);

    /** The rows of one pass: shuffled by the seed and epoch, or as given. */
    static List<FrameRecord> order(List<FrameRecord> rows, long seed, int epoch, boolean shuffle) {
        List<FrameRecord> order = new ArrayList<>(rows);
        if (shuffle) {
            Collections.shuffle(order, new Random(AugmentationPipeline.sampleSeed(seed, epoch, -1)));
        }
        return order;
    }

    /** The class index of each row, in order. */
    int[] truth(List<FrameRecord> rows);

    @Override
    void close();
}
