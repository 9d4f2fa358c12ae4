package org.signkit.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A seeded train/test split of a frame set, stratified by sign where the strategy allows.
 *
 * @param strategy     what stays together
 * @param testFraction requested share of groups in the test split
 * @param seed         the seed that chose the groups
 * @param train        training frames, in manifest order
 * @param test         test frames, in manifest order
 * @param warnings     what a user should know (leakage, signs missing from one side)
 */
public record DataSplit(SplitStrategy strategy, double testFraction, long seed, List<FrameRecord> train,
                        List<FrameRecord> test, List<String> warnings) {

    public DataSplit {
        train = List.copyOf(train);
        test = List.copyOf(test);
        warnings = List.copyOf(warnings);
    }

    /**
     * Splits {@code frames}: for frame and take splits, each sign's groups are shuffled and
     * {@code round(n * testFraction)} of them (at least one, leaving one) go to test; for a signer split,
     * that share of the signers does, with all their frames.
     */
    public static DataSplit of(List<FrameRecord> frames, SplitStrategy strategy, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be in (0, 1), got " + testFraction);
        }
        List<String> warnings = new ArrayList<>();
        if (strategy == SplitStrategy.FRAME) {
            warnings.add("frame-level split: neighbouring frames of one take are near-duplicates and fall on both "
                    + "sides, so test accuracy overstates accuracy on new takes; use --split take or signer");
        }
        Map<String, List<Integer>> groups = new TreeMap<>();
        Map<String, String> signOfGroup = new TreeMap<>();
        for (int i = 0; i < frames.size(); i++) {
            String g = strategy.groupOf(frames.get(i), i);
            groups.computeIfAbsent(g, k -> new ArrayList<>()).add(i);
            signOfGroup.putIfAbsent(g, frames.get(i).label().sign());
        }
        TreeSet<String> testGroups = new TreeSet<>();
        if (strategy == SplitStrategy.SIGNER) {
            List<String> signers = new ArrayList<>(groups.keySet());
            if (signers.size() < 2) {
                throw new IllegalArgumentException("a signer split needs at least two signers; this set has "
                        + signers + " (use --split take)");
            }
            pick(signers, testFraction, new SplittableRandom(seed), testGroups);
        } else {
            Map<String, List<String>> bySign = new LinkedHashMap<>();
            signOfGroup.forEach((g, sign) -> bySign.computeIfAbsent(sign, k -> new ArrayList<>()).add(g));
            new TreeMap<>(bySign).forEach((sign, gs) -> {
                if (gs.size() < 2) {
                    warnings.add("sign '" + sign + "' has one " + strategy.id() + " only: it is in train, not in test");
                    return;
                }
                pick(gs, testFraction, new SplittableRandom(seed ^ sign.hashCode() * 0x9E3779B97F4A7C15L), testGroups);
            });
        }
        boolean[] inTest = new boolean[frames.size()];
        for (String g : testGroups) {
            for (int i : groups.get(g)) {
                inTest[i] = true;
            }
        }
        List<FrameRecord> train = new ArrayList<>();
        List<FrameRecord> test = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            (inTest[i] ? test : train).add(frames.get(i));
        }
        return new DataSplit(strategy, testFraction, seed, train, test, warnings);
    }

    /**
     * The split of {@code holdout}: its test signers' rows to test, the first {@code trainSigners} other signers' rows
     * (by id) to train, the rest of the signers left out (and said so).
     */
    public static DataSplit heldOut(List<FrameRecord> frames, SignerHoldout holdout) {
        TreeSet<String> others = new TreeSet<>();
        TreeSet<String> present = new TreeSet<>();
        for (FrameRecord r : frames) {
            present.add(r.label().signer());
            if (!holdout.test().contains(r.label().signer())) {
                others.add(r.label().signer());
            }
        }
        List<String> missing = holdout.test().stream().filter(s -> !present.contains(s)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("held-out signers " + missing + " have no frames here; the signers are "
                    + present);
        }
        int n = holdout.trainSigners() == 0 ? others.size() : holdout.trainSigners();
        if (n > others.size() || others.isEmpty()) {
            throw new IllegalArgumentException("training on " + n + " signers needs that many besides the held-out "
                    + holdout.test() + "; there are " + others);
        }
        List<String> train = new ArrayList<>(others).subList(0, n);
        List<String> warnings = new ArrayList<>();
        if (n < others.size()) {
            List<String> left = new ArrayList<>(others).subList(n, others.size());
            warnings.add("signer hold-out: training on " + train + " only; " + left + " left out");
        }
        List<FrameRecord> trainRows = new ArrayList<>();
        List<FrameRecord> testRows = new ArrayList<>();
        for (FrameRecord r : frames) {
            if (holdout.test().contains(r.label().signer())) {
                testRows.add(r);
            } else if (train.contains(r.label().signer())) {
                trainRows.add(r);
            }
        }
        double share = (double) testRows.size() / Math.max(1, trainRows.size() + testRows.size());
        return new DataSplit(SplitStrategy.SIGNER, share, 0, trainRows, testRows, warnings);
    }

    private static void pick(List<String> sortedGroups, double fraction, SplittableRandom rng, TreeSet<String> into) {
        List<String> shuffled = new ArrayList<>(sortedGroups);
        Collections.shuffle(shuffled, new java.util.Random(rng.nextLong()));
        int n = shuffled.size();
        int k = Math.min(n - 1, Math.max(1, (int) Math.round(n * fraction)));
        into.addAll(shuffled.subList(0, k));
    }
}
