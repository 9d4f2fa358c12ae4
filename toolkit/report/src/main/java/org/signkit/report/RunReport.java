package org.signkit.report;

import static org.signkit.core.HtmlText.escape;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.signkit.core.AtomicFiles;
import org.signkit.core.BadInputException;
import org.signkit.experiment.Analysis;
import org.signkit.experiment.Reproduction;

/**
 * {@code signkit report}: the report of one experiment run, or of a reproduction (a folder of runs): one
 * page per experiment and an index that sets each of the study's claims beside this run's verdict
 * (agree / disagree / inconclusive), with {@code summary.md} beside it.
 */
public final class RunReport {

    private RunReport() {
    }

    /** Writes the report of {@code run} into {@code out}; returns the page to open. */
    public static Path write(Path run, Path out) throws IOException {
        if (Files.isRegularFile(run.resolve("spec.json"))) {
            new ExperimentReport(run).write(out);
            return out.resolve("index.html");
        }
        List<Path> runs;
        try (Stream<Path> list = Files.list(run)) {
            runs = list.filter(p -> Files.isRegularFile(p.resolve("spec.json"))).sorted(RunReport::studyOrder).toList();
        } catch (IOException e) {
            throw new BadInputException(run, "not a readable folder", "give a run folder of 'signkit experiment run' or 'signkit reproduce'", e);
        }
        if (runs.isEmpty()) {
            throw new BadInputException(run, "no experiment runs here (no spec.json)", "give a folder written by 'signkit experiment run' or 'signkit reproduce'");
        }
        List<Reproduction.Outcome> outcomes = new ArrayList<>();
        for (Path r : runs) {
            ExperimentReport.Loaded l = new ExperimentReport(r).write(out.resolve(r.getFileName()));
            outcomes.add(new Reproduction.Outcome(l.spec(), r, l.analysis()));
        }
        double seconds = outcomes.stream().mapToDouble(o -> trialSeconds(o.runDir())).sum();
        AtomicFiles.writeString(out.resolve("summary.md"), Reproduction.summary(outcomes, seconds));
        AtomicFiles.writeString(out.resolve("index.html"), Html.page("signkit reproduction", index(outcomes)));
        return out.resolve("index.html");
    }

    private static int studyOrder(Path a, Path b) {
        int ia = Reproduction.ALL.indexOf(a.getFileName().toString());
        int ib = Reproduction.ALL.indexOf(b.getFileName().toString());
        return ia >= 0 && ib >= 0 ? Integer.compare(ia, ib) : a.compareTo(b);
    }

    private static double trialSeconds(Path run) {
        try {
            return new org.signkit.experiment.TrialRecords(run.resolve(org.signkit.experiment.TrialRecords.FILE_NAME)).latest()
                    .stream().mapToDouble(org.signkit.experiment.TrialRecord::seconds).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String index(List<Reproduction.Outcome> outcomes) {
        StringBuilder h = new StringBuilder("<h1>Reproduction of Carneiro et al. (2021)</h1>");
        h.append("<p>Profile <code>").append(escape(outcomes.get(0).spec().profile())).append("</code>. ")
                .append(escape(Reproduction.CLAIMS_KEY.replace("*", ""))).append("</p>");
        for (Reproduction.Outcome o : outcomes) {
            o.analysis().warnings().forEach(w -> h.append(Html.warning(o.spec().name() + ": " + w)));
        }
        h.append("<table><tr><th>experiment</th><th>the study's claim</th><th>this run's verdict</th><th>claim</th></tr>");
        for (Reproduction.Outcome o : outcomes) {
            for (Analysis.TestOutcome t : o.analysis().tests()) {
                if (t.claim() != null) {
                    h.append("<tr><td><a href=\"").append(escape(o.spec().name())).append("/index.html\">")
                            .append(escape(o.spec().name())).append("</a></td><td>")
                            .append(Reproduction.beyond(o) ? "(beyond the study) " : "").append(escape(t.test().claim().statement()))
                            .append("</td><td>").append(escape(t.verdict().wording())).append("</td><td class=\"")
                            .append(Html.agreementClass(t.claim().agreement())).append("\">").append(escape(t.claim().label()))
                            .append("</td></tr>");
                }
            }
        }
        h.append("</table><h2>Experiments</h2><ul>");
        for (Reproduction.Outcome o : outcomes) {
            h.append("<li><a href=\"").append(escape(o.spec().name())).append("/index.html\">").append(escape(o.spec().name()))
                    .append("</a>: ").append(escape(o.spec().question())).append("</li>");
        }
        return h.append("</ul>").toString();
    }
}
