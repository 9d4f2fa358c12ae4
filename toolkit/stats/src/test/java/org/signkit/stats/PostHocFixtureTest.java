package org.signkit.stats;

import static org.signkit.stats.ScipyFixtureTest.close;
import static org.signkit.stats.ScipyFixtureTest.values;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tukey's HSD, Games–Howell and the studentized range against the scipy fixtures. */
class PostHocFixtureTest {

    @BeforeAll
    static void load() throws Exception {
        ScipyFixtureTest.load();
    }

    /**
     * A bound is difference ± critical value × standard error: when the two nearly cancel, 1e-8 of the
     * bound itself is below the precision of its terms, so the tolerance is 1e-8 of the half-width.
     */
    private static void closeBound(double expected, double actual, PairwiseComparison c, String what) {
        double scale = Math.abs(c.difference()) + Math.abs(c.ciHigh() - c.ciLow()) / 2;
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual, 1e-8 * scale, what);
    }

    @Test
    void studentizedRangeTailAndQuantile() {
        for (JsonNode r : ScipyFixtureTest.fx.path("studentized_range")) {
            double[] v = values(r);
            close(v[3], new StudentizedRange((int) v[1], v[2]).sf(v[0]), "sf(" + v[0] + ", " + v[1] + ", " + v[2] + ")");
        }
        for (JsonNode r : ScipyFixtureTest.fx.path("studentized_range_quantile")) {
            double[] v = values(r);
            close(v[3], new StudentizedRange((int) v[1], v[2]).quantile(v[0]), "ppf(" + v[0] + ", " + v[1] + ", " + v[2] + ")");
        }
    }

    @Test
    void tukeyHsd() {
        for (String ds : new String[] {"study3", "unequal"}) {
            List<PairwiseComparison> got = PostHoc.tukeyHsd(ScipyFixtureTest.data.get(ds), 0.95);
            JsonNode ref = ScipyFixtureTest.fx.path("tukey").path(ds);
            for (int i = 0; i < got.size(); i++) {
                double[] r = values(ref.get(i));
                PairwiseComparison c = got.get(i);
                String what = ds + " " + c.first() + "-" + c.second();
                close(r[0], c.difference(), what + " diff");
                close(r[1], c.pAdjusted(), what + " p");
                closeBound(r[2], c.ciLow(), c, what + " ci low");
                closeBound(r[3], c.ciHigh(), c, what + " ci high");
            }
        }
    }

    @Test
    void gamesHowell() {
        for (String ds : new String[] {"study3", "unequal"}) {
            List<PairwiseComparison> got = PostHoc.gamesHowell(ScipyFixtureTest.data.get(ds), 0.95);
            JsonNode ref = ScipyFixtureTest.fx.path("games_howell").path(ds);
            for (int i = 0; i < got.size(); i++) {
                double[] r = values(ref.get(i));
                PairwiseComparison c = got.get(i);
                String what = ds + " " + c.first() + "-" + c.second();
                close(r[0], c.difference(), what + " diff");
                close(r[1], c.df(), what + " df");
                close(r[2], c.pAdjusted(), what + " p");
                closeBound(r[3], c.ciLow(), c, what + " ci low");
                closeBound(r[4], c.ciHigh(), c, what + " ci high");
            }
        }
    }
}
