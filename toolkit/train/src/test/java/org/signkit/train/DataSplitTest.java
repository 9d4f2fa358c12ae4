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
