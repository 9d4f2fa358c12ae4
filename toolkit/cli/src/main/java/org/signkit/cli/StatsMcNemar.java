package org.signkit.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.signkit.core.BadInputException;
import org.signkit.core.Csv;
import org.signkit.core.Json;
import org.signkit.stats.McNemar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code signkit stats mcnemar}: two classifiers on the same test items. */
@Command(name = "mcnemar", mixinStandardHelpOptions = true,
        description = {"McNemar's test (exact or chi-square) of two classifiers on the same test items.",
                "--csv with one row per item and two 0/1 correctness columns (--a COL --b COL)."})
final class StatsMcNemar implements Callable<Integer> {

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "One row per test item.")
    Path csv;

    @Option(names = "--a", required = true, paramLabel = "COL", description = "1 when model A is right on the item, else 0.")
    String a;

    @Option(names = "--b", required = true, paramLabel = "COL", description = "1 when model B is right on the item, else 0.")
    String b;

    @Option(names = "--chi2", description = "Chi-square with continuity correction instead of the exact binomial test.")
    boolean chi2;

    @Option(names = "--alpha", defaultValue = "0.05", description = "Significance level. Default: ${DEFAULT-VALUE}.")
    double alpha;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        StatsCommand.checkAlpha(alpha);
        long onlyA = 0;
        long onlyB = 0;
        Csv.File file = Csv.read(csv);
        int ia = file.column(a, "--a");
        int ib = file.column(b, "--b");
        for (Csv.Row row : file.rows()) {
            boolean ra = bit(row.fields().get(ia), row.line(), a);
            boolean rb = bit(row.fields().get(ib), row.line(), b);
            onlyA += ra && !rb ? 1 : 0;
            onlyB += rb && !ra ? 1 : 0;
        }
        McNemar.Result r = chi2 ? McNemar.chiSquare(onlyA, onlyB) : McNemar.exact(onlyA, onlyB);
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("only_a", onlyA);
            out.put("only_b", onlyB);
            out.put("df", chi2 ? 1.0 : Double.NaN);
            out.put("test", r);
            System.out.print(Json.write(out));
            return 0;
        }
        System.out.printf(Locale.ROOT, "only %s right: %d, only %s right: %d%n", a, onlyA, b, onlyB);
        System.out.println(String.format(Locale.ROOT, "%s vs %s: %s, McNemar %s, %s", a, b,
                r.p() < alpha ? "significant" : "not significant at alpha = " + StatsCommand.num(alpha),
                chi2 ? "chi2(1) = " + StatsCommand.num(r.statistic()) : "exact", StatsCommand.pValue(r.p())));
        return 0;
    }

    private boolean bit(String v, long row, String col) {
        return switch (v.trim()) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new BadInputException(csv, "row " + row + ": " + col + " is '" + v + "', not 0 or 1", "fix that row");
        };
    }
}
