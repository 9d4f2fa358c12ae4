package org.signkit.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signkit.core.Json;

/**
 * Every statistic, degree of freedom and p-value equals the committed scipy reference
 * ({@code fixtures/scipy-fixtures.json}, made by {@code fixtures/make_fixtures.py}) to 1e-8 relative.
 */
class ScipyFixtureTest {

    private static final double REL = 1e-8;
    static JsonNode fx;
    static Map<String, Map<String, double[]>> data = new LinkedHashMap<>();

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = ScipyFixtureTest.class.getResourceAsStream("/fixtures/scipy-fixtures.json")) {
            fx = Json.mapper().readTree(in);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = fx.path("datasets").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Map<String, double[]> groups = new LinkedHashMap<>();
            e.getValue().fields().forEachRemaining(g -> groups.put(g.getKey(), values(g.getValue())));
            data.put(e.getKey(), groups);
        }
    }

    static double[] values(JsonNode arr) {
        double[] v = new double[arr.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = arr.get(i).asDouble();
        }
        return v;
    }

    static void close(double expected, double actual, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected NaN, got " + actual);
            return;
        }
        double tol = REL * Math.max(Math.abs(expected), 1e-300);
        assertEquals(expected, actual, tol, what);
    }

    private static List<double[]> groups(String dataset) {
        return new ArrayList<>(data.get(dataset).values());
    }

    @Test
    void oneWayAnovaClassicWelchLeveneBrownForsythe() {
        for (String ds : data.keySet()) {
            JsonNode ref = fx.path("anova").path(ds);
            AnovaResult c = OneWayAnova.classic(data.get(ds));
            double[] r = values(ref.path("classic"));
            close(r[0], c.f(), ds + " F");
            close(r[1], c.df1(), ds + " df1");
            close(r[2], c.df2(), ds + " df2");
            close(r[3], c.p(), ds + " p");
            close(r[4], c.etaSquared(), ds + " eta2");
            close(r[5], c.omegaSquared(), ds + " omega2");
            AnovaResult w = OneWayAnova.welch(data.get(ds));
            double[] wr = values(ref.path("welch"));
            close(wr[0], w.f(), ds + " Welch F");
            close(wr[2], w.df2(), ds + " Welch df2");
            close(wr[3], w.p(), ds + " Welch p");
            AnovaResult l = OneWayAnova.levene(data.get(ds));
            close(ref.path("levene").get(0).asDouble(), l.f(), ds + " Levene W");
            close(ref.path("levene").get(1).asDouble(), l.p(), ds + " Levene p");
            AnovaResult bf = OneWayAnova.brownForsythe(data.get(ds));
            close(ref.path("brown_forsythe").get(0).asDouble(), bf.f(), ds + " BF W");
            close(ref.path("brown_forsythe").get(1).asDouble(), bf.p(), ds + " BF p");
        }
    }

    @Test
    void tTestsWithIntervalsAndEffectSizes() {
        int n = 0;
        for (JsonNode t : fx.path("ttest")) {
            String ds = t.path("dataset").asText();
            List<double[]> g = groups(ds);
            double[] a = g.get(0);
            double[] b = g.get(1);
            Alternative alt = Alternative.parse(t.path("alternative").asText());
            String kind = t.path("kind").asText();
            TTestResult r;
            if (kind.equals("paired")) {
                int m = t.path("n").asInt();
                r = TTests.paired(java.util.Arrays.copyOf(a, m), java.util.Arrays.copyOf(b, m), alt, 0.95);
            } else {
                r = kind.equals("student") ? TTests.student(a, b, alt, 0.95) : TTests.welch(a, b, alt, 0.95);
            }
            String what = ds + " " + kind + " " + alt;
            close(t.path("t").asDouble(), r.t(), what + " t");
            close(t.path("df").asDouble(), r.df(), what + " df");
            close(t.path("p").asDouble(), r.p(), what + " p");
            close(t.path("d").asDouble(), r.cohensD(), what + " d");
            close(t.path("g").asDouble(), r.hedgesG(), what + " g");
            JsonNode ci = t.path("ci");
            close(ci.get(0).isNull() ? Double.NEGATIVE_INFINITY : ci.get(0).asDouble(), r.ciLow(), what + " ci low");
            close(ci.get(1).isNull() ? Double.POSITIVE_INFINITY : ci.get(1).asDouble(), r.ciHigh(), what + " ci high");
            n++;
        }
        assertTrue(n >= 30, "t-test cases: " + n);
    }

    @Test
    void rankTests() {
        for (String ds : data.keySet()) {
            RankTests.Result kw = RankTests.kruskalWallis(data.get(ds));
            close(fx.path("rank").path(ds).get(0).asDouble(), kw.statistic(), ds + " H");
            close(fx.path("rank").path(ds).get(1).asDouble(), kw.p(), ds + " KW p");
        }
        int n = 0;
        for (JsonNode m : fx.path("mannwhitney")) {
            String ds = m.path("dataset").asText();
            List<double[]> g = groups(ds);
            RankTests.Result r = RankTests.mannWhitney(g.get(0), g.get(1), Alternative.parse(m.path("alternative").asText()));
            boolean exact = r.kind().equals("mann-whitney-exact");
            if (exact != m.path("method").asText().equals("exact")) {
                continue; // the reference for the method scipy's 'auto' would not choose
            }
            close(m.path("u").asDouble(), r.statistic(), ds + " U");
            close(m.path("p").asDouble(), r.p(), ds + " " + m.path("alternative").asText() + " " + r.kind() + " p");
            n++;
        }
        assertTrue(n >= 9, "Mann-Whitney cases compared: " + n);
    }

    @Test
    void mcNemarCorrectionsAndNadeauBengio() {
        for (JsonNode m : fx.path("mcnemar")) {
            long b = m.path("b").asLong();
            long c = m.path("c").asLong();
            close(m.path("exact_p").asDouble(), McNemar.exact(b, c).p(), "McNemar exact " + b + "," + c);
            close(m.path("chi2").asDouble(), McNemar.chiSquare(b, c).statistic(), "McNemar chi2 " + b + "," + c);
            close(m.path("chi2_p").asDouble(), McNemar.chiSquare(b, c).p(), "McNemar chi2 p " + b + "," + c);
        }
        for (JsonNode c : fx.path("corrections")) {
            double[] p = values(c.path("p"));
            for (String method : new String[] {"bonferroni", "holm", "bh"}) {
                double[] got = Corrections.parse(method).adjust(p);
                double[] exp = values(c.path(method));
                for (int i = 0; i < p.length; i++) {
                    close(exp[i], got[i], method + " " + i);
                }
            }
        }
        for (JsonNode nb : fx.path("nadeau_bengio")) {
            TTestResult r = TTests.correctedResampled(values(nb.path("diffs")), nb.path("n_train").asInt(),
                    nb.path("n_test").asInt(), Alternative.TWO_SIDED, 0.95);
            close(nb.path("t").asDouble(), r.t(), "NB t");
            close(nb.path("df").asDouble(), r.df(), "NB df");
            close(nb.path("p").asDouble(), r.p(), "NB p");
        }
    }

    @Test
    void groupMeansWithConfidenceIntervals() {
        for (String ds : data.keySet()) {
            List<GroupSummary> s = GroupSummary.of(data.get(ds), 0.95);
            JsonNode ref = fx.path("summary").path(ds);
            for (int i = 0; i < s.size(); i++) {
                double[] r = values(ref.get(i));
                close(r[0], s.get(i).n(), ds + " n");
                close(r[1], s.get(i).mean(), ds + " mean");
                close(r[2], s.get(i).sd(), ds + " sd");
                close(r[3], s.get(i).ciLow(), ds + " ci low");
                close(r[4], s.get(i).ciHigh(), ds + " ci high");
            }
        }
    }
}
