package org.signkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsCommandTest {

    @TempDir
    Path dir;

    private static String run(int expectedExit, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(buf, true);
        System.setOut(p);
        System.setErr(p);
        try {
            assertEquals(expectedExit, SignkitCommand.execute(args));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return buf.toString();
    }

    private Path trials() throws Exception {
        return Files.writeString(dir.resolve("trials.csv"), "seed,augmentation,val_accuracy\n"
                + "1,none,0.912\n2,none,0.897\n3,none,0.905\n1,geometric,0.951\n2,geometric,0.963\n3,geometric,0.958\n"
                + "1,intensity,0.921\n2,intensity,0.934\n3,intensity,0.915\n");
    }

    @Test
    void anovaPrintsTheTableAndEndsWithTheVerdict() throws Exception {
        String out = run(0, "stats", "anova", "--csv", trials().toString(), "--value", "val_accuracy", "--group", "augmentation");
        assertTrue(out.contains("welch") && out.contains("brown-forsythe"), out);
        String last = out.strip().lines().reduce((a, b) -> b).orElse("");
        // The verdict is the planned-test rule's: Welch's F by default (the classic F stays in the table).
        assertEquals("val_accuracy differs between conditions (Welch's ANOVA F(2, 3.866) = 40.25, p = 0.0026 < 0.05); highest mean:"
                + " geometric; pairs that differ (Games-Howell): geometric > none (adjusted p = 0.0019), geometric > intensity"
                + " (adjusted p = 0.0225)", last);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("classic ") && l.contains(" 34.32 ")), out);
    }

    @Test
    void tukeyPrintsThePairsAndTheVerdict() throws Exception {
        String out = run(0, "stats", "tukey", "--csv", trials().toString(), "--value", "val_accuracy", "--group", "augmentation");
        assertTrue(out.contains("none - geometric") && out.contains("geometric - intensity"), out);
        String last = out.strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("augmentation on val_accuracy (tukey, 3 pairs): significant, differing pairs: none - geometric"), last);
    }

    @Test
    void pairedTTestPairsBySeed() throws Exception {
        Path two = Files.writeString(dir.resolve("two.csv"), String.join("\n", Files.readAllLines(trials()).stream()
                .filter(l -> !l.contains("intensity")).toList()) + "\n");
        String out = run(0, "stats", "ttest", "--csv", two.toString(), "--value", "val_accuracy", "--group", "augmentation",
                "--kind", "paired", "--paired-by", "seed");
        assertTrue(out.strip().endsWith("none vs geometric on val_accuracy: significant, Paired t(2) = -6.756, p = 0.0212, Hedges' g = -2.201"), out);
    }

    @Test
    void everyOtherTestRunsFromTheCommandLine() throws Exception {
        StringBuilder fps = new StringBuilder("capture,subsample,val_accuracy\n");
        double[] y = {0.951, 0.948, 0.955, 0.962, 0.958, 0.965, 0.944, 0.940, 0.949, 0.930, 0.937, 0.933, 0.952, 0.949, 0.957, 0.938, 0.935, 0.941};
        for (int i = 0; i < y.length; i++) {
            fps.append(i < 9 ? "60" : "30").append(',').append(new String[] {"60", "30", "20"}[(i % 9) / 3]).append(',').append(y[i]).append('\n');
        }
        Path two = Files.writeString(dir.resolve("fps.csv"), fps.toString());
        String out = run(0, "stats", "twoway", "--csv", two.toString(), "--value", "val_accuracy", "--group", "capture", "--group2", "subsample");
        assertTrue(out.contains("capture x subsample  0.0001121  2   4.069  0.04478"), out);
        out = run(0, "stats", "pairwise", "--csv", trials().toString(), "--value", "val_accuracy", "--group", "augmentation", "--correction", "holm");
        assertTrue(out.strip().endsWith("differing pairs: none - geometric (p = 0.0026); geometric - intensity (p = 0.0216)"), out);
        out = run(0, "stats", "shapiro", "--csv", trials().toString(), "--value", "val_accuracy", "--group", "augmentation");
        assertTrue(out.contains("not significant"), out);
        out = run(0, "stats", "kruskal", "--csv", trials().toString(), "--value", "val_accuracy", "--group", "augmentation");
        assertTrue(out.contains("Kruskal-Wallis H(2)"), out);
        Path splits = Files.writeString(dir.resolve("splits.csv"), "split,model,acc\n1,A,0.91\n2,A,0.93\n3,A,0.92\n4,A,0.94\n"
                + "1,B,0.90\n2,B,0.91\n3,B,0.915\n4,B,0.92\n");
        out = run(0, "stats", "resampled-t", "--csv", splits.toString(), "--value", "acc", "--group", "model",
                "--paired-by", "split", "--n-train", "800", "--n-test", "200");
        assertTrue(out.strip().endsWith("A vs B on acc: not significant at alpha = 0.05, corrected resampled t(3) = 2.593, p = 0.0809, mean difference 0.01375"), out);
        StringBuilder items = new StringBuilder("item,a_right,b_right\n");
        for (int i = 0; i < 40; i++) {
            items.append(i).append(',').append(i < 30 ? 1 : 0).append(',').append(i < 18 || i >= 38 ? 1 : 0).append('\n');
        }
        Path mc = Files.writeString(dir.resolve("items.csv"), items.toString());
        out = run(0, "stats", "mcnemar", "--csv", mc.toString(), "--a", "a_right", "--b", "b_right");
        assertTrue(out.contains("only a_right right: 12, only b_right right: 2"), out);
    }

    /** Excel writes a BOM and, in many locales, semicolons; older exports are Latin-1. */
    @Test
    void spreadsheetExportsRead() throws Exception {
        String expected = run(0, "stats", "kruskal", "--csv", trials().toString(), "--value", "val_accuracy", "--group", "augmentation");
        String excel = "\uFEFF" + Files.readString(trials()).replace(",", ";").replace("\n", "\r\n");
        Path semi = Files.write(dir.resolve("excel.csv"), excel.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(expected, run(0, "stats", "kruskal", "--csv", semi.toString(), "--value", "val_accuracy", "--group", "augmentation"));
        Path latin = Files.write(dir.resolve("latin.csv"), Files.readString(trials()).replace("none", "sem-aç")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertTrue(run(2, "stats", "kruskal", "--csv", latin.toString(), "--value", "val_accuracy", "--group", "augmentation")
                .contains("--encoding ISO-8859-1"));
        assertTrue(run(0, "stats", "kruskal", "--csv", latin.toString(), "--value", "val_accuracy", "--group", "augmentation",
                "--encoding", "ISO-8859-1").contains("sem-aç"));
    }

    @Test
    void badInputNamesTheRowOrColumn() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "seed,augmentation,val_accuracy\n1,none,0.9\n2,none,NaN\n3,geometric,0.95\n4,geometric,0.96\n");
        String out = run(2, "stats", "anova", "--csv", bad.toString(), "--value", "val_accuracy", "--group", "augmentation");
        assertTrue(out.contains("bad.csv: row 3: val_accuracy is NaN"), out);
        out = run(2, "stats", "anova", "--csv", trials().toString(), "--value", "acc", "--group", "augmentation");
        assertTrue(out.contains("no column 'acc'"), out);
        out = run(2, "stats", "ttest", "--csv", trials().toString(), "--value", "val_accuracy", "--group", "augmentation");
        assertTrue(out.contains("exactly 2 groups"), out);
        // A level that would flip verdicts, a header naming a column twice, values whose squares overflow.
        out = run(2, "stats", "anova", "--csv", trials().toString(), "--value", "val_accuracy", "--group", "augmentation", "--alpha", "2");
        assertTrue(out.contains("--alpha must be between 0 and 0.5"), out);
        Path twice = Files.writeString(dir.resolve("twice.csv"), "seed,augmentation,val_accuracy,val_accuracy\n1,none,0.9,0.1\n");
        out = run(2, "stats", "anova", "--csv", twice.toString(), "--value", "val_accuracy", "--group", "augmentation");
        assertTrue(out.contains("twice.csv: the header names column 'val_accuracy' twice (columns 3 and 4)"), out);
        Path huge = Files.writeString(dir.resolve("huge.csv"), "g,v\na,1e308\na,-1e308\na,5e307\nb,1\nb,2\nb,3\n");
        out = run(2, "stats", "anova", "--csv", huge.toString(), "--value", "v", "--group", "g");
        assertTrue(out.contains("too large for sums of squares"), out);
    }

    /** Every number a subcommand prints as text is among the numbers of its --json output (labels like eta^2 or 95% aside). */
    @Test
    void everyNumberTheTextShowsIsInTheJson() throws Exception {
        Path t = trials().toAbsolutePath();
        Path two = Files.writeString(dir.resolve("two.csv"), String.join("\n", Files.readAllLines(t).stream()
                .filter(l -> !l.contains("intensity")).toList()) + "\n");
        StringBuilder fps = new StringBuilder("Arch,Batch,val_accuracy\n");
        double[] y = {0.951, 0.948, 0.955, 0.962, 0.958, 0.965, 0.944, 0.940, 0.949, 0.930, 0.937, 0.933, 0.952, 0.949, 0.957, 0.938, 0.935, 0.941};
        for (int i = 0; i < y.length; i++) {
            fps.append(i < 9 ? "big" : "small").append(',').append(new String[] {"x", "y", "z"}[(i % 9) / 3]).append(',').append(y[i]).append('\n');
        }
        Path fac = Files.writeString(dir.resolve("factors.csv"), fps.toString());
        StringBuilder items = new StringBuilder("item,a_right,b_right\n");
        for (int i = 0; i < 40; i++) {
            items.append(i).append(',').append(i < 30 ? 1 : 0).append(',').append(i < 18 || i >= 38 ? 1 : 0).append('\n');
        }
        Path mc = Files.writeString(dir.resolve("items.csv"), items.toString());
        String[] common = {"--csv", t.toString(), "--value", "val_accuracy", "--group", "augmentation"};
        String[] pair = {"--csv", two.toString(), "--value", "val_accuracy", "--group", "augmentation"};
        List<String[]> commands = List.of(
                concat(new String[] {"stats", "anova"}, common),
                concat(new String[] {"stats", "compare"}, common),
                concat(new String[] {"stats", "compare", "--block", "seed", "--test", "ttest", "--margin", "0.05"}, pair),
                concat(new String[] {"stats", "tukey", "--method", "games-howell"}, common),
                concat(new String[] {"stats", "tukey"}, common),
                concat(new String[] {"stats", "pairwise"}, common),
                concat(new String[] {"stats", "ttest"}, pair),
                concat(new String[] {"stats", "ttest", "--kind", "paired", "--paired-by", "seed", "--alternative", "greater"}, pair),
                concat(new String[] {"stats", "shapiro"}, common),
                concat(new String[] {"stats", "kruskal"}, common),
                concat(new String[] {"stats", "mannwhitney"}, pair),
                concat(new String[] {"stats", "resampled-t", "--paired-by", "seed", "--n-train", "80", "--n-test", "20"}, pair),
                new String[] {"stats", "twoway", "--csv", fac.toString(), "--value", "val_accuracy", "--group", "Arch", "--group2", "Batch"},
                new String[] {"stats", "mcnemar", "--csv", mc.toString(), "--a", "a_right", "--b", "b_right", "--chi2"});
        for (String[] c : commands) {
            String text = run(0, c);
            List<Double> numbers = new java.util.ArrayList<>();
            collect(org.signkit.core.Json.mapper().readTree(run(0, concat(c, new String[] {"--json"}))), numbers);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![\\w^.])[-+]?\\d+(?:\\.\\d+)?(?:e[-+]?\\d+)?(?![\\w%.])")
                    .matcher(text.replace(dir.toString(), ""));
            int checked = 0;
            while (m.find()) {
                String token = m.group();
                double x = Double.parseDouble(token);
                String mantissa = token.contains("e") ? token.substring(0, token.indexOf('e')) : token;
                int decimals = mantissa.contains(".") ? mantissa.length() - mantissa.indexOf('.') - 1 : 0;
                double half = 0.5 * Math.pow(10, -decimals) * (token.contains("e") ? Math.pow(10, Math.floor(Math.log10(Math.abs(x)))) : 1);
                boolean found = numbers.stream().anyMatch(v -> Math.abs(v - x) <= half * (1 + 1e-9) + 1e-15
                        || Math.abs(Math.abs(v) - Math.abs(x)) <= half * (1 + 1e-9) + 1e-15);
                assertTrue(found, String.join(" ", c) + ": '" + token + "' is printed but not in the JSON\n" + text);
                checked++;
            }
            assertTrue(checked > 3, String.join(" ", c) + " printed too few numbers to check:\n" + text);
        }
        String twoway = run(0, commands.get(12));
        assertTrue(twoway.contains("Arch x Batch") && twoway.lines().anyMatch(l -> l.startsWith("Arch ")) && !twoway.contains("rchrch"), twoway);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void collect(com.fasterxml.jackson.databind.JsonNode n, List<Double> out) {
        if (n.isNumber()) {
            out.add(n.asDouble());
        }
        n.elements().forEachRemaining(e -> collect(e, out));
    }
}
