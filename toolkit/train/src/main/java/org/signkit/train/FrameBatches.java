package org.signkit.train;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.nd4j.linalg.dataset.DataSet;
import org.signkit.augment.AugmentationPipeline;
import org.signkit.core.FrameRecord;

/**
 * Turns frame records into network batches: decode, resize to the input size, augment (training only)
 * and normalise, on background threads that work a few batches ahead so the network does not wait. A
 * batch's content depends only on the seed, the epoch and the rows, never on thread timing.
 *
 * <p>A frame's input without augmentation is the same in every epoch (the test and validation frames always,
 * the training frames when nothing augments them), so it is rendered once and its pixels kept, when the whole
 * set's inputs fit {@link #KEPT_BYTES}: decoding and cutting a frame costs about as much as the small networks'
 * forward pass over it.
 */
public final class FrameBatches implements SampleBatches {

    /** The most pixel bytes of unaugmented inputs one set keeps (a 64 px multi-stream input is 18 KB). */
    static final long KEPT_BYTES = 256L << 20;

    private final FrameSet set;
    private final Map<String, Integer> classIndex;
    private final InputLayout layout;
    private final int height;
    private final int width;
    private final Normalization normalization;
    private final AugmentationPipeline augmentation;
    private final long seed;
    private final int workers;
    private final ExecutorService pool;
    /** Unaugmented inputs' BGR pixels by frame path, or null when the set's inputs would exceed {@link #KEPT_BYTES}. */
    private final Map<String, byte[]> kept;

    /**
     * @param augmentation applied to training batches, or null for none
     * @param workers      background threads (batches prepared ahead)
     */
    public FrameBatches(FrameSet set, List<String> classes, int height, int width, Normalization normalization,
                        AugmentationPipeline augmentation, long seed, int workers) {
        this(set, classes, new WholeFrame(height, width), normalization, augmentation, seed, workers);
    }

    /**
     * @param layout       how a frame becomes the network's input
     * @param augmentation applied to training batches, or null for none
     * @param workers      background threads (batches prepared ahead)
     */
    public FrameBatches(FrameSet set, List<String> classes, InputLayout layout, Normalization normalization,
                        AugmentationPipeline augmentation, long seed, int workers) {
        this.set = set;
        this.layout = layout;
        int height = layout.height();
        int width = layout.width();
        this.classIndex = IntStream.range(0, classes.size()).boxed()
                .collect(Collectors.toMap(classes::get, Function.identity()));
        this.height = height;
        this.width = width;
        this.normalization = normalization;
        this.augmentation = augmentation;
        this.seed = seed;
        this.workers = Math.max(1, workers);
        this.pool = org.signkit.core.Parallel.daemonPool(this.workers, "signkit-batches");
        this.kept = (long) set.frames().size() * height * width * 3 <= KEPT_BYTES ? new ConcurrentHashMap<>() : null;
    }

    @Override
    public Iterator<DataSet> epoch(List<FrameRecord> rows, int epoch, int batchSize, boolean shuffle) {
        List<FrameRecord> order = SampleBatches.order(rows, seed, epoch, shuffle);
        int batches = (order.size() + batchSize - 1) / batchSize;
        return new Iterator<>() {
            private final Deque<Future<DataSet>> ahead = new ArrayDeque<>();
            private int submitted;
            private int taken;

            @Override
            public boolean hasNext() {
                return taken < batches;
            }

            @Override
            public DataSet next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                while (submitted < batches && ahead.size() <= workers) {
                    List<FrameRecord> part = order.subList(submitted * batchSize,
                            Math.min(order.size(), (submitted + 1) * batchSize));
                    ahead.add(pool.submit(() -> batch(part, epoch, shuffle && augmentation != null)));
                    submitted++;
                }
                taken++;
                return await(ahead.poll());
            }
        };
    }

    @Override
    public int[] truth(List<FrameRecord> rows) {
        return rows.stream().mapToInt(r -> classIndex.get(r.label().sign())).toArray();
    }

    /** The network's input image of one frame (BGR, input size), not augmented. */
    public Mat read(FrameRecord r) {
        return input(r, 0, false);
    }

    private Mat input(FrameRecord r, int epoch, boolean augment) {
        if (augment || kept == null) {
            return render(r, epoch, augment);
        }
        byte[] px = kept.computeIfAbsent(r.framePath(), k -> {
            // The layouts render continuous images; a copy only for a view into a larger one.
            try (Mat m = render(r, epoch, false); Mat c = m.isContinuous() ? null : m.clone()) {
                byte[] b = new byte[height * width * 3];
                (c == null ? m : c).data().get(b);
                return b;
            }
        });
        Mat m = new Mat(height, width, opencv_core.CV_8UC3);
        m.data().put(px);
        return m;
    }

    private Mat render(FrameRecord r, int epoch, boolean augment) {
        try (Mat img = set.image(r)) {
            return layout.render(r, img, augment ? augmentation : null, seed, epoch);
        }
    }

    private DataSet batch(List<FrameRecord> rows, int epoch, boolean augment) {
        List<Mat> images = new ArrayList<>(rows.size());
        try {
            for (FrameRecord r : rows) {
                images.add(input(r, epoch, augment));
            }
            float[] x = normalization.tensor(images, height, width);
            float[] y = new float[rows.size() * classIndex.size()];
            int[] t = truth(rows);
            for (int i = 0; i < t.length; i++) {
                y[i * classIndex.size() + t[i]] = 1f;
            }
            return new DataSet(NdArrays.of(x, rows.size(), 3, height, width),
                    NdArrays.of(y, rows.size(), classIndex.size()));
        } finally {
            images.forEach(Mat::close);
        }
    }

    private static DataSet await(Future<DataSet> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading frames", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("loading frames failed", e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
