package org.signkit.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * An ordered list of transforms with the seeding that makes augmentation reproducible regardless of
 * order and threads: a sample's parameters depend only on (run seed, epoch, sample id) and each
 * transform draws from its own stream, so the same sample gets the same augmentation in any batch, on
 * any thread, and adding a transform does not change what the others draw.
 */
public final class AugmentationPipeline {

    private final String name;
    private final List<Transform> transforms;

    public AugmentationPipeline(String name, List<Transform> transforms) {
        this.name = name;
        this.transforms = List.copyOf(transforms);
    }

    /** The pipeline's name (a preset's name, or the file's). */
    public String name() {
        return name;
    }

    /** Its transforms, in order. */
    public List<Transform> transforms() {
        return transforms;
    }

    /** The seed of one sample's augmentation: a hash of the run seed, the epoch and the sample id. */
    public static long sampleSeed(long runSeed, int epoch, long sampleId) {
        return mix(mix(mix(runSeed) ^ epoch) ^ sampleId);
    }

    /** Draws what this pipeline does to one sample of {@code width x height}. */
    public AugmentationRecord draw(long runSeed, int epoch, long sampleId, int width, int height) {
        long seed = sampleSeed(runSeed, epoch, sampleId);
        List<AppliedTransform> applied = new ArrayList<>();
        for (int i = 0; i < transforms.size(); i++) {
            Transform t = transforms.get(i);
            SplittableRandom rng = new SplittableRandom(mix(seed ^ mix(t.name().hashCode() + 31L * i)));
            if (rng.nextDouble() < t.probability()) {
                applied.add(new AppliedTransform(i, t.name(), new TreeMap<>(t.draw(rng, width, height))));
            }
        }
        return new AugmentationRecord(name, seed, applied);
    }

    /** Applies a record (drawn now or read back from JSON); the input sample is not modified. */
    public Sample apply(Sample sample, AugmentationRecord record) {
        Sample s = sample;
        for (AppliedTransform a : record.applied()) {
            if (a.index() < 0 || a.index() >= transforms.size() || !transforms.get(a.index()).name().equals(a.name())) {
                throw new IllegalArgumentException("record of pipeline '" + record.pipeline() + "' does not match '" + name
                        + "' at transform " + a.index() + " (" + a.name() + ")");
            }
            Sample next = transforms.get(a.index()).apply(s, a.params());
            if (s != sample) {
                release(s, next);
            }
            s = next;
        }
        return s == sample ? copy(sample) : s;
    }

    /** Draws and applies in one step. */
    public Sample augment(Sample sample, long runSeed, int epoch, long sampleId) {
        return apply(sample, draw(runSeed, epoch, sampleId, sample.image().cols(), sample.image().rows()));
    }

    /**
     * Augments a batch on {@code threads} threads; the result is identical for any thread count.
     *
     * @param ids the samples' ids (their seeds), one per sample
     */
    public List<Sample> augmentBatch(List<Sample> batch, List<Long> ids, long runSeed, int epoch, int threads) {
        if (ids.size() != batch.size()) {
            throw new IllegalArgumentException("one id per sample: " + ids.size() + " ids for " + batch.size());
        }
        if (threads <= 1) {
            List<Sample> out = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                out.add(augment(batch.get(i), runSeed, epoch, ids.get(i)));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Sample>> futures = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                int k = i;
                futures.add(pool.submit(() -> augment(batch.get(k), runSeed, epoch, ids.get(k))));
            }
            List<Sample> out = new ArrayList<>();
            for (Future<Sample> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("augmentation failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Sample copy(Sample s) {
        return new Sample(s.image().clone(), s.mask() == null ? null : s.mask().clone(), s.boxes(), s.keypoints(),
                s.dominant());
    }

    /** Frees an intermediate sample's native images that the next one does not share. */
    private static void release(Sample old, Sample next) {
        if (old.image() != next.image()) {
            old.image().close();
        }
        Mat m = old.mask();
        if (m != null && m != next.mask()) {
            m.close();
        }
    }

    /** SplitMix64's finaliser: a well-mixed 64-bit hash. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
