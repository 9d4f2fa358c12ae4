package org.signkit.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class StatsTablesTest {

    @Test
    void recordsBecomeTablesWithTheSameNumbers() {
        Map<String, double[]> g = new LinkedHashMap<>();
        g.put("none", new double[] {0.912, 0.897, 0.905});
        g.put("geometric", new double[] {0.951, 0.963, 0.958});
        g.put("intensity", new double[] {0.921, 0.934, 0.915});
        Table groups = StatsTables.groups(GroupSummary.of(g, 0.95));
        assertEquals(3, groups.rowCount());
        assertEquals("geometric", groups.stringColumn("group").get(1));
        assertEquals(0.9573333333333333, groups.doubleColumn("mean").get(1), 1e-15);
        List<AnovaResult> a = List.of(OneWayAnova.classic(g), OneWayAnova.welch(g));
        Table anova = StatsTables.anova(a);
        assertEquals(a.get(1).p(), anova.doubleColumn("p").get(1));
        Table pairs = StatsTables.pairwise(PostHoc.tukeyHsd(g, 0.95));
        assertEquals(3, pairs.rowCount());
        assertEquals(List.of("first", "second", "difference", "q", "df", "p_adjusted", "ci_low", "ci_high"), pairs.columnNames());
    }
}
