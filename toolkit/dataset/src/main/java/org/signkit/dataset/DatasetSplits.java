package org.signkit.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.signkit.core.AtomicFiles;
import org.signkit.core.BadInputException;
import org.signkit.core.Csv;
import org.signkit.core.DataSplit;
import org.signkit.core.FrameManifest;
import org.signkit.core.FrameRecord;
import org.signkit.core.SampleLabel;
import org.signkit.core.SplitStrategy;

/**
 * Frozen train/test splits of a dataset: {@code splits/<by>-test<share>-seed<N>.csv}, one row per
 * training-group video (signer and take splits) or per frame (frame splits, from a frames folder),
 * stratified by sign. A split file, once written, is not rewritten: it is what results cite.
 */
public final class DatasetSplits {

    /**
     * A split made or found.
     *
     * @param file     the split file
     * @param created  false when it was already frozen
     * @param train    rows on the training side
     * @param test     rows on the test side
     * @param warnings the split's warnings (leakage, signs on one side only)
     */
    public record Result(Path file, boolean created, int train, int test, List<String> warnings) {

        /** The test share the split achieved (whole signers or takes move together, so it can differ from the target). */
        public double achievedShare() {
            return train + test == 0 ? 0 : (double) test / (train + test);
        }
    }

    /** An achieved test share further than this from the target is warned about. */
    public static final double SHARE_TOLERANCE = 0.1;

    private DatasetSplits() {
    }

    /**
     * Splits the dataset.
     *
     * @param frames a frames folder or manifest (required for a frame split), or null
     */
    public static Result split(DatasetLayout layout, SplitStrategy by, double testShare, long seed, Path frames)
            throws IOException {
        List<FrameRecord> items = new ArrayList<>();
        if (by == SplitStrategy.FRAME) {
            if (frames == null) {
                throw new IllegalArgumentException("a frame split needs --frames (a folder written by 'signkit frames' "
                        + "from this dataset's videos)");
            }
            Path manifest = Files.isDirectory(frames) ? frames.resolve(FrameManifest.FILE_NAME) : frames;
            if (!Files.isRegularFile(manifest)) {
                throw new BadInputException(frames, "no frame manifest", "run 'signkit frames' on the dataset's videos");
            }
            items.addAll(FrameManifest.read(manifest));
        } else {
            for (ImportedVideo v : ImportIndex.read(layout)) {
                if ("train".equals(v.group()) && v.readable() && Files.isRegularFile(layout.root().resolve(v.path()))) {
                    items.add(new FrameRecord(v.path(), new SampleLabel(v.sign(), v.signer(), v.take()), v.path(), 0, 0,
                            v.fps(), "source", false));
                }
            }
            if (items.isEmpty()) {
                throw new BadInputException(layout.importIndex(), "no readable training video to split",
                        "import videos with 'signkit dataset import' first");
            }
        }
        DataSplit split = DataSplit.of(items, by, testShare, seed);
        List<String> moved = new ArrayList<>();
        if (by != SplitStrategy.FRAME) {
            split = keepDuplicatesTogether(layout, split, moved);
        }
        Path file = layout.splits().resolve(String.format(Locale.ROOT, "%s-test%.2f-seed%d.csv", by.id(), testShare, seed));
        boolean created = !Files.exists(file);
        if (created) {
            StringBuilder sb = new StringBuilder(Csv.line(List.of("path", "sign", "signer", "take", "split"))).append('\n');
            split.train().forEach(r -> sb.append(row(r, "train")));
            split.test().forEach(r -> sb.append(row(r, "test")));
            AtomicFiles.writeString(file, sb.toString());
        }
        List<String> warnings = new ArrayList<>(split.warnings());
        warnings.addAll(moved);
        int total = split.train().size() + split.test().size();
        double achieved = total == 0 ? 0 : (double) split.test().size() / total;
        if (Math.abs(achieved - testShare) > SHARE_TOLERANCE) {
            warnings.add(String.format(Locale.ROOT, "the test share is %.2f, not the %.2f asked: a %s split moves whole %ss, and"
                    + " there are too few of them for the share (record more, or choose another share or split)", achieved, testShare,
                    by.id(), by == SplitStrategy.SIGNER ? "signer" : by == SplitStrategy.TAKE ? "take" : "frame"));
        }
        return new Result(file, created, split.train().size(), split.test().size(), List.copyOf(warnings));
    }

    /**
     * Moves every known duplicate (same file, or near-identical frames: {@link Duplicates}) to the side of the first of
     * its group, so no take is on both sides under two names; says which moved.
     */
    private static DataSplit keepDuplicatesTogether(DatasetLayout layout, DataSplit split, List<String> moved)
            throws IOException {
        List<FrameRecord> all = new ArrayList<>(split.train());
        all.addAll(split.test());
        java.util.Map<String, ImportedVideo> byPath = new java.util.HashMap<>();
        ImportIndex.read(layout).forEach(v -> byPath.put(v.path(), v));
        List<ImportedVideo> videos = all.stream().map(r -> byPath.get(r.framePath())).toList();
        java.util.Map<String, VideoQuality> quality = new java.util.HashMap<>();
        videos.forEach(v -> quality.put(v.path(), VideoQuality.measure(layout.root().resolve(v.path()), v.frames())));
        java.util.Map<String, String> group = Duplicates.groups(Duplicates.pairs(videos, quality));
        java.util.Set<String> testPaths = new java.util.HashSet<>();
        split.test().forEach(r -> testPaths.add(r.framePath()));
        List<FrameRecord> train = new ArrayList<>();
        List<FrameRecord> test = new ArrayList<>();
        for (FrameRecord r : all) {
            String first = group.getOrDefault(r.framePath(), r.framePath());
            boolean inTest = testPaths.contains(first);
            if (inTest != testPaths.contains(r.framePath())) {
                moved.add(r.framePath() + " moved to " + (inTest ? "test" : "train") + " with " + first + ", of which it is a "
                        + "duplicate (remove one of them: 'signkit dataset remove')");
            }
            (inTest ? test : train).add(r);
        }
        return new DataSplit(split.strategy(), split.testFraction(), split.seed(), train, test, split.warnings());
    }

    private static String row(FrameRecord r, String side) {
        return Csv.line(List.of(r.framePath(), r.label().sign(), r.label().signer(), r.label().take(), side)) + "\n";
    }
}
