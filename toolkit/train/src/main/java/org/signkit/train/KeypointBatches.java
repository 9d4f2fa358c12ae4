package org.signkit.train;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.nd4j.linalg.dataset.DataSet;
import org.signkit.augment.AugmentationPipeline;
import org.signkit.core.FrameRecord;
import org.signkit.pose.PoseFile;

/**
 * Batches of a keypoint model: each row names a take ({@link KeypointClips#takes}), whose clip becomes a
 * {@code channels × length} sample. Clips are read once and kept (a few hundred kilobytes per take); augmentation,
 * when on, is drawn per take and epoch from the seed.
 */
public final class KeypointBatches implements SampleBatches {

    private final FrameSet set;
    private final Map<String, Integer> classIndex;
    private final int length;
    private final boolean augment;
    private final long seed;
    private final Map<String, PoseFile> clips = new ConcurrentHashMap<>();

    /**
     * @param length  frames each clip is resampled to
     * @param augment augment training batches (geometry and frame dropping)
     */
    public KeypointBatches(FrameSet set, List<String> classes, int length, boolean augment, long seed) {
        this.set = set;
        this.classIndex = IntStream.range(0, classes.size()).boxed()
                .collect(Collectors.toMap(classes::get, Function.identity()));
        this.length = length;
        this.augment = augment;
        this.seed = seed;
    }

    @Override
    public Iterator<DataSet> epoch(List<FrameRecord> rows, int epoch, int batchSize, boolean shuffle) {
        List<FrameRecord> order = SampleBatches.order(rows, seed, epoch, shuffle);
        int batches = (order.size() + batchSize - 1) / batchSize;
        // Clips are in memory: a batch is made when it is asked for, on the caller's thread.
        return IntStream.range(0, batches).mapToObj(b -> batch(order.subList(b * batchSize,
                Math.min(order.size(), (b + 1) * batchSize)), epoch, shuffle && augment)).iterator();
    }

    @Override
    public int[] truth(List<FrameRecord> rows) {
        return rows.stream().mapToInt(r -> classIndex.get(r.label().sign())).toArray();
    }

    private DataSet batch(List<FrameRecord> rows, int epoch, boolean augmented) {
        int channels = KeypointClips.channels();
        float[] x = new float[rows.size() * channels * length];
        float[] y = new float[rows.size() * classIndex.size()];
        int[] t = truth(rows);
        for (int i = 0; i < rows.size(); i++) {
            FrameRecord take = rows.get(i);
            PoseFile clip = clips.computeIfAbsent(take.sourceVideo(), k -> KeypointClips.read(set, take));
            SplittableRandom random = augmented ? new SplittableRandom(AugmentationPipeline.sampleSeed(seed, epoch,
                    take.sourceVideo().hashCode())) : null;
            System.arraycopy(KeypointClips.features(clip, length, random), 0, x, i * channels * length, channels * length);
            y[i * classIndex.size() + t[i]] = 1f;
        }
        return new DataSet(NdArrays.of(x, rows.size(), channels, 1, length),
                NdArrays.of(y, rows.size(), classIndex.size()));
    }

    @Override
    public void close() {
        clips.clear();
    }
}
