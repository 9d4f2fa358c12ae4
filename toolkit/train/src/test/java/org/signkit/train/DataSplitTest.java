package org.signkit.train;

import org.signkit.core.SplitStrategy;
import org.signkit.core.DataSplit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signkit.core.FrameRecord;

class DataSplitTest {

    private static List<FrameRecord> frames;

    @BeforeAll
    static void load() throws Exception {
        frames = FrameSet.load(TinyFrameSet.frames()).frames();
    }

    /** Rows of signers s1..s3, one take of one sign each, for the hand-chosen signer split. */
    private static List<FrameRecord> threeSigners() {
        List<FrameRecord> rows = new java.util.ArrayList<>();
        for (String signer : List.of("s3", "s1", "s2")) {
            for (int f = 0; f < 2; f++) {
                rows.add(new FrameRecord("A/" + signer + "_1/" + f + ".jpg", new org.signkit.core.SampleLabel("A", signer, "1"),
                        "A/" + signer + "_1.mp4", f, f / 30.0, 30, "30", false));
            }
        }
        return rows;
    }

    @Test
    void aHeldOutSignerIsTheTestAndTheFirstOthersTrain() {
        DataSplit one = DataSplit.heldOut(threeSigners(), new org.signkit.core.SignerHoldout(List.of("s3"), 1));
        assertEquals(Set.of("s3"), one.test().stream().map(r -> r.label().signer()).collect(Collectors.toSet()));
        assertEquals(Set.of("s1"), one.train().stream().map(r -> r.label().signer()).collect(Collectors.toSet()));
        assertTrue(one.warnings().get(0).contains("[s2] left out"), one.warnings().toString());
        DataSplit two = DataSplit.heldOut(threeSigners(), new org.signkit.core.SignerHoldout(List.of("s3"), 0));
        assertEquals(Set.of("s1", "s2"), two.train().stream().map(r -> r.label().signer()).collect(Collectors.toSet()));
        assertEquals(one.test(), two.test());
        assertThrows(IllegalArgumentException.class,
                () -> DataSplit.heldOut(threeSigners(), new org.signkit.core.SignerHoldout(List.of("s9"), 1)));
        assertThrows(IllegalArgumentException.class,
                () -> DataSplit.heldOut(threeSigners(), new org.signkit.core.SignerHoldout(List.of("s3"), 3)));
    }

    @Test
    void aTakeSplitKeepsEveryTakeOnOneSideAndEverySignOnBoth() {
        DataSplit s = DataSplit.of(frames, SplitStrategy.TAKE, 0.25, 3);
        Function<FrameRecord, String> take = r -> r.sourceVideo();
        assertDisjoint(s, take);
        assertEquals(frames.size(), s.train().size() + s.test().size());
        Set<String> signs = frames.stream().map(r -> r.label().sign()).collect(Collectors.toSet());
        assertEquals(signs, s.test().stream().map(r -> r.label().sign()).collect(Collectors.toSet()));
        assertEquals(signs, s.train().stream().map(r -> r.label().sign()).collect(Collectors.toSet()));
        // 4 takes per sign, a quarter to test: one take of each sign.
        assertEquals(3, s.test().stream().map(take).distinct().count());
        assertTrue(s.warnings().isEmpty(), s.warnings().toString());
    }

    @Test
    void aSignerSplitKeepsEachSignerOnOneSide() {
        DataSplit s = DataSplit.of(frames, SplitStrategy.SIGNER, 0.5, 3);
        assertDisjoint(s, r -> r.label().signer());
        assertEquals(1, s.test().stream().map(r -> r.label().signer()).distinct().count());
    }

    @Test
    void aFrameSplitWarnsOfLeakageAndIsStratified() {
        DataSplit s = DataSplit.of(frames, SplitStrategy.FRAME, 0.2, 3);
        assertTrue(s.warnings().get(0).startsWith("frame-level split"));
        long takesOnBothSides = s.test().stream().map(FrameRecord::sourceVideo).distinct()
                .filter(v -> s.train().stream().anyMatch(r -> r.sourceVideo().equals(v))).count();
        assertTrue(takesOnBothSides > 0, "near-duplicate frames of one take on both sides: the leak it warns of");
        assertEquals(frames.size() * 0.2, s.test().size(), 3);
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        DataSplit a = DataSplit.of(frames, SplitStrategy.TAKE, 0.25, 3);
        assertEquals(a, DataSplit.of(frames, SplitStrategy.TAKE, 0.25, 3));
        boolean differs = false;
        for (long seed = 4; seed < 10 && !differs; seed++) {
            differs = !DataSplit.of(frames, SplitStrategy.TAKE, 0.25, seed).test().equals(a.test());
        }
        assertTrue(differs);
    }

    @Test
    void aSignerSplitOfOneSignerIsRefused() {
        List<FrameRecord> one = frames.stream().filter(r -> r.label().signer().equals(frames.get(0).label().signer()))
                .toList();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataSplit.of(one, SplitStrategy.SIGNER, 0.2, 1));
        assertTrue(e.getMessage().contains("--split take"), e.getMessage());
    }

    private static void assertDisjoint(DataSplit s, Function<FrameRecord, String> group) {
        Set<String> train = s.train().stream().map(group).collect(Collectors.toSet());
        Set<String> test = new HashSet<>(s.test().stream().map(group).toList());
        test.retainAll(train);
        assertTrue(test.isEmpty(), "on both sides: " + test);
    }
}
