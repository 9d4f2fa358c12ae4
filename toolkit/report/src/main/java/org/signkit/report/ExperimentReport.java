package org.signkit.report;

import static org.signkit.core.HtmlText.escape;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.signkit.core.AtomicFiles;
import org.signkit.core.BadInputException;
import org.signkit.core.FrameManifest;
import org.signkit.core.FrameRecord;
import org.signkit.core.Json;
import org.signkit.experiment.Analysis;
import org.signkit.experiment.ExperimentSpec;
import org.signkit.experiment.TrialRecord;
import org.signkit.experiment.TrialRecords;
import org.signkit.explain.ExplainJob;
import org.signkit.explain.Gallery;
import org.signkit.stats.GroupSummary;
import org.signkit.stats.OneWayAnova;
import org.signkit.stats.ShapiroWilk;
import org.signkit.train.ModelCard;

/**
 * One experiment's report: a single self-contained HTML page (styles inline, plots as PNG data URIs, no
 * scripts, fonts or external links) with what was run, the data, the environment, the results per metric
 * (mean ± SD, 95% CI, n, per-trial values), the planned tests with assumption checks and verdicts, the
 * plots, and the explanation gallery when the run folder has one ({@code explain/explanations.json});
 * {@code results.csv} and {@code summary.md} are written beside it.
 *
 * @param run the run folder ({@code spec.json}, {@code records.jsonl}, {@code trials/})
 */
public record ExperimentReport(Path run) {

    /** Loads the run's spec and records and analyses them. */
    public Loaded load() throws IOException {
        Path specJson = run.resolve("spec.json");
        if (!Files.isRegularFile(specJson)) {
            throw new BadInputException(run, "no spec.json: not a run folder", "give a folder written by 'signkit experiment run' or 'signkit reproduce'");
        }
        ExperimentSpec spec = Json.read(specJson, ExperimentSpec.class);
        List<TrialRecord> records = new TrialRecords(run.resolve(TrialRecords.FILE_NAME)).latest();
        return new Loaded(spec, records, Analysis.of(spec, records));
    }

    /** A run's spec, records and analysis. */
    public record Loaded(ExperimentSpec spec, List<TrialRecord> records, Analysis analysis) {
    }

    /** Writes {@code index.html}, {@code results.csv} and {@code summary.md} into {@code out}. */
    public Loaded write(Path out) throws IOException {
        Loaded l = load();
        Files.createDirectories(out);
        l.analysis().write(out);
        AtomicFiles.writeString(out.resolve("summary.md"), l.analysis().markdown());
        AtomicFiles.writeString(out.resolve("index.html"), Html.page(l.spec().name() + " — signkit report", body(l)));
        return l;
    }

    private String body(Loaded l) throws IOException {
        ExperimentSpec s = l.spec();
        Analysis a = l.analysis();
        StringBuilder h = new StringBuilder();
        h.append("<h1>").append(escape(s.name())).append(" <small>(").append(escape(s.profile())).append(")</small></h1>");
        h.append("<p>").append(escape(s.question())).append("</p>");

        h.append("<h2>What was run</h2>");
        List<List<String>> cond = new ArrayList<>();
        for (ExperimentSpec.Condition c : s.conditions()) {
            cond.add(List.of(c.name(), c.capture(), c.fps(), c.augmentation(), c.background() ? "replaced (" + s.background().method()
                    + ", " + s.background().count() + " scenes)" : "original"));
        }
        h.append(Html.table(List.of("condition", "capture", "fps", "augmentation", "background"), cond));
        ExperimentSpec.TrainingSettings t = s.training();
        h.append("<p>Training: <code>").append(escape(t.model())).append("</code>, ").append(t.size()).append(" px, ")
                .append(t.epochs()).append(" epochs, batch ").append(t.batch()).append(", Adam lr ").append(t.lr()).append(" (")
                .append(escape(t.schedule())).append("), ").append(escape(t.split())).append(" split, test share ")
                .append(t.test()).append(". ").append(s.repeats()).append(" repeats per condition, base seed ").append(s.seed())
                .append("; frames ").append(s.frameSize()).append(" px short side")
                .append(s.signs() > 0 ? ", first " + s.signs() + " signs" : "")
                .append(s.frames().signingSpace(t.handStreams())
                        ? "; signing space: crop " + s.frames().crop().id() + ", trim " + s.frames().trim().id()
                        + (s.frames().matte() ? ", background greyed outside the person" : "") + ", hands found by <code>" + escape(s.frames().hands().id()) + "</code>"
                        + (t.handStreams()
                        ? " (the network's input packs the frame and both hand crops: see the explanations' images)" : "")
                        : "").append(". Spec: <code>")
                .append(escape(s.file())).append("</code>.</p>");

        Map<String, ModelCard> cards = cards(l.records());
        h.append("<h2>Data</h2>").append(data(l, cards));
        h.append("<h2>Environment</h2>").append(environment(l.records()));

        h.append("<h2>Results</h2>");
        for (Map.Entry<String, List<GroupSummary>> e : a.summaries().entrySet()) {
            List<List<String>> rows = new ArrayList<>();
            for (GroupSummary g : e.getValue()) {
                StringBuilder v = new StringBuilder();
                for (double x : a.values().get(e.getKey()).get(g.group())) {
                    v.append(v.length() == 0 ? "" : ", ").append(Html.num(x));
                }
                rows.add(List.of(g.group(), Integer.toString(g.n()), Html.num(g.mean()) + " ± " + Html.num(g.sd()),
                        "[" + Html.num(g.ciLow()) + ", " + Html.num(g.ciHigh()) + "]", v.toString()));
            }
            h.append("<h3>").append(escape(e.getKey())).append("</h3>")
                    .append(Html.table(List.of("condition", "n", "mean ± SD", "95% CI", "trials"), rows))
                    .append("<img alt=\"").append(escape(e.getKey())).append(" by condition\" src=\"")
                    .append(Charts.means(e.getKey(), e.getValue(), a.values().get(e.getKey()))).append("\">");
        }
        if (!a.missing().isEmpty()) {
            h.append("<p><b>Missing trials</b> (not in the statistics): ").append(escape(String.join(", ", a.missing()))).append("</p>");
            a.failures().forEach((id, err) -> h.append("<p><code>").append(escape(id)).append("</code>: ").append(escape(err)).append("</p>"));
        }

        h.append("<h2>Statistics</h2>");
        for (Analysis.TestOutcome o : a.tests()) {
            h.append("<h3>").append(escape(o.test().test())).append(" on ").append(escape(o.test().metric()))
                    .append(o.test().groups().isEmpty() ? "" : " (" + escape(String.join(" vs ", o.test().groups())) + ")")
                    .append("</h3>");
            h.append(Html.table(List.of("statistic", "p", "effect size", "alpha", "alternative"), List.of(List.of(o.statistic(),
                    Html.p(o.p()), o.effect(), Double.toString(o.test().alpha()), o.test().alternative()))));
            if (!o.pairs().isEmpty()) {
                List<List<String>> pr = new ArrayList<>();
                o.pairs().forEach(p -> pr.add(List.of(p.first(), p.second(), Html.num(p.difference()), Html.p(p.pAdjusted()))));
                h.append(Html.table(List.of("first", "second", "difference", o.test().test().equals("ttest") ? "p" : "adjusted p"), pr));
            }
            h.append(assumptions(o, a.values().get(o.test().metric())));
            h.append("<p><b>Verdict:</b> ").append(escape(o.verdict())).append("</p>");
            if (o.claim() != null) {
                h.append("<p>The study's claim: <i>").append(escape(o.claim())).append("</i> → <span class=\"")
                        .append(o.agreement()).append("\">").append(o.agreement()).append("</span></p>");
            }
        }

        h.append("<h2>Training curves</h2>");
        Map<String, double[][]> curves = new LinkedHashMap<>();
        for (TrialRecord r : l.records()) {
            if (r.ok() && !r.epochs().isEmpty()) {
                double[] x = r.epochs().stream().mapToDouble(e -> e.epoch()).toArray();
                curves.put(r.trial() + " test", new double[][] {x, r.epochs().stream().mapToDouble(e -> e.testAccuracy()).toArray()});
            }
        }
        if (!curves.isEmpty()) {
            h.append("<img alt=\"test accuracy by epoch\" src=\"").append(Charts.curves("test accuracy by epoch", curves)).append("\">");
        }
        h.append("<h2>Confusion matrices (test split, summed over repeats)</h2>").append(confusions(l, cards));
        h.append(gallery());
        return h.toString();
    }

    private String data(Loaded l, Map<String, ModelCard> cards) {
        StringBuilder h = new StringBuilder();
        Map<String, ModelCard> firstCard = new LinkedHashMap<>();
        for (TrialRecord r : l.records()) {
            ModelCard c = cards.get(r.trial());
            if (c != null) {
                firstCard.putIfAbsent(r.condition(), c);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, ModelCard> e : firstCard.entrySet()) {
            ModelCard.DataSummary d = e.getValue().data();
            rows.add(List.of(e.getKey(), Integer.toString(d.trainFrames()), Integer.toString(d.testFrames()),
                    Integer.toString(e.getValue().validation() == null ? 0 : e.getValue().validation().frames()), d.split(),
                    d.manifestSha256().substring(0, 12)));
        }
        h.append(Html.table(List.of("condition", "train frames", "test frames", "validation frames", "split", "data SHA-256"), rows));
        if (!firstCard.isEmpty()) {
            ModelCard c = firstCard.values().iterator().next();
            Path manifest = Path.of(c.data().manifest());
            if (Files.isRegularFile(manifest)) {
                try {
                    Map<String, Map<String, Integer>> counts = new TreeMap<>();
                    TreeMap<String, Integer> signers = new TreeMap<>();
                    for (FrameRecord f : FrameManifest.read(manifest)) {
                        if (c.classes().contains(f.label().sign())) {
                            counts.computeIfAbsent(f.label().sign(), k -> new TreeMap<>()).merge(f.label().signer(), 1, Integer::sum);
                            signers.put(f.label().signer(), 0);
                        }
                    }
                    List<String> header = new ArrayList<>(List.of("sign"));
                    header.addAll(signers.keySet());
                    List<List<String>> cr = new ArrayList<>();
                    counts.forEach((sign, bySigner) -> {
                        List<String> row = new ArrayList<>(List.of(sign));
                        signers.keySet().forEach(sg -> row.add(Integer.toString(bySigner.getOrDefault(sg, 0))));
                        cr.add(row);
                    });
                    h.append("<p>Frames per sign and signer of the first condition (<code>").append(escape(manifest))
                            .append("</code>):</p>").append(Html.table(header, cr));
                } catch (IOException e) {
                    h.append("<p>(manifest unreadable: ").append(escape(e.getMessage())).append(")</p>");
                }
            }
        }
        return h.toString();
    }

    private static String environment(List<TrialRecord> records) {
        TrialRecord r = records.stream().filter(TrialRecord::ok).findFirst().orElse(records.isEmpty() ? null : records.get(0));
        if (r == null || r.provenance() == null) {
            return "<p>No trials recorded.</p>";
        }
        var p = r.provenance();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("signkit", p.signkit()));
        rows.add(List.of("git commit", p.gitCommit() + (p.gitDirty() ? " (uncommitted changes)" : "")));
        rows.add(List.of("Java", p.java()));
        rows.add(List.of("OS", p.os()));
        rows.add(List.of("cores", Integer.toString(p.cpus())));
        if (r.versions() != null) {
            r.versions().forEach((k, v) -> rows.add(List.of(k, v)));
        }
        return Html.table(List.of("", ""), rows);
    }

    private static String assumptions(Analysis.TestOutcome o, Map<String, double[]> values) {
        if (Double.isNaN(o.p())) {
            return "";
        }
        Map<String, double[]> groups = new LinkedHashMap<>();
        (o.test().groups().isEmpty() ? List.copyOf(values.keySet()) : o.test().groups()).forEach(g -> groups.put(g, values.get(g)));
        StringBuilder h = new StringBuilder("<p>Assumption checks: ");
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, double[]> e : groups.entrySet()) {
            double[] v = e.getValue();
            if (v.length >= 3 && java.util.Arrays.stream(v).distinct().count() > 1) {
                notes.add("Shapiro–Wilk " + e.getKey() + " p = " + Html.p(ShapiroWilk.test(v).p()));
            }
        }
        if (notes.isEmpty()) {
            notes.add("normality not testable with fewer than 3 trials per condition");
        }
        try {
            notes.add("Levene (variances) p = " + Html.p(OneWayAnova.levene(groups).p()));
        } catch (RuntimeException e) {
            notes.add("Levene not computable (" + e.getMessage() + ")");
        }
        return h.append(escape(String.join("; ", notes))).append(".</p>").toString();
    }

    private String confusions(Loaded l, Map<String, ModelCard> cards) throws IOException {
        StringBuilder h = new StringBuilder();
        for (ExperimentSpec.Condition c : l.spec().conditions()) {
            List<String> classes = null;
            int[][] sum = null;
            for (TrialRecord r : l.records()) {
                ModelCard card = r.ok() && r.condition().equals(c.name()) ? cards.get(r.trial()) : null;
                if (card == null || card.test() == null) {
                    continue;
                }
                classes = card.test().classes();
                List<List<Integer>> m = card.test().confusion();
                if (sum == null) {
                    sum = new int[m.size()][m.size()];
                }
                for (int i = 0; i < m.size(); i++) {
                    for (int j = 0; j < m.size(); j++) {
                        sum[i][j] += m.get(i).get(j);
                    }
                }
            }
            if (sum != null) {
                List<List<Integer>> counts = new ArrayList<>();
                for (int[] row : sum) {
                    counts.add(java.util.Arrays.stream(row).boxed().toList());
                }
                h.append("<figure><img alt=\"confusion matrix of ").append(escape(c.name())).append("\" src=\"")
                        .append(Charts.confusion(c.name(), classes, counts)).append("\"><figcaption>").append(escape(c.name()))
                        .append("</figcaption></figure>");
            }
        }
        return h.toString();
    }

    /** The model cards of the ok trials that have one, by trial id (read once per report). */
    private Map<String, ModelCard> cards(List<TrialRecord> records) {
        Map<String, ModelCard> out = new LinkedHashMap<>();
        for (TrialRecord r : records) {
            Path f = run.resolve("trials").resolve(r.trial()).resolve("model.json");
            if (r.ok() && Files.isRegularFile(f)) {
                try {
                    out.put(r.trial(), Json.read(f, ModelCard.class));
                } catch (IOException e) {
                    // A card that cannot be read leaves its trial out of the data and confusion sections.
                }
            }
        }
        return out;
    }

    /** The explanation gallery of {@code run/explain}, images inlined, or nothing. */
    private String gallery() throws IOException {
        Path dir = run.resolve("explain");
        Path json = dir.resolve("explanations.json");
        if (!Files.isRegularFile(json)) {
            return "";
        }
        ExplainJob.Result r = Json.read(json, ExplainJob.Result.class);
        StringBuilder h = new StringBuilder("<h2>Explanations (LIME)</h2>").append(Gallery.means(r));
        for (ExplainJob.Entry e : r.entries()) {
            Path img = dir.resolve(e.image());
            if (Files.isRegularFile(img)) {
                h.append(Gallery.figure(e, "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(img))));
            }
        }
        return h.toString();
    }
}
