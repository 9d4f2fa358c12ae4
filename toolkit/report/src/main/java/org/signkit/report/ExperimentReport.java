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
import org.signkit.core.SignerHoldout;
import org.signkit.experiment.Analysis;
import org.signkit.experiment.ExperimentSpec;
import org.signkit.experiment.TrialRecord;
import org.signkit.experiment.TrialRecords;
import org.signkit.explain.ExplainJob;
import org.signkit.explain.Gallery;
import org.signkit.stats.GroupSummary;
import org.signkit.stats.TestPlan;
import org.signkit.stats.Verdict;
import org.signkit.train.ModelCard;
import org.signkit.train.ModelSpec;
import org.signkit.train.TrainingConfig;

/**
 * One experiment's report: a single self-contained HTML page (styles inline, plots as PNG data URIs, no
 * scripts, fonts or external links) with what was run, the data, the environment, the results per metric
 * (mean ± SD, 95% CI, n, per-trial values and bootstrap CIs), warnings (near chance, one class predicted,
 * an underpowered design), the planned tests as {@link TestPlan} decided them, the plots with the chance line, and the explanation gallery when the run folder has one ({@code explain/explanations.json});
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
        a.warnings().forEach(w -> h.append(Html.warning(w)));

        h.append("<h2>What was run</h2>");
        List<List<String>> cond = new ArrayList<>();
        boolean ownTraining = s.conditions().stream().anyMatch(c -> c.training() != null);
        for (ExperimentSpec.Condition c : s.conditions()) {
            List<String> row = new ArrayList<>(List.of(c.name(), c.capture(), c.fps(), c.augmentation(), c.background()
                    ? "replaced (" + s.background().method() + ", " + s.background().count() + " scenes)" : "original"));
            if (ownTraining) {
                TrainingConfig ct = s.training(c);
                ModelSpec cm = ct.model();
                SignerHoldout held = ct.holdout();
                row.add(cm.architecture().id() + (cm.keypoints() ? ", clips of " + cm.size() + " frames" : ", " + cm.size()
                        + " px") + ", " + ct.epochs() + " epochs, batch " + ct.batchSize() + ", lr " + ct.learningRate()
                        + " (" + ct.schedule().id() + ")"
                        + (held == null ? "" : "; tested on " + String.join(", ", held.test())
                        + ", trained on " + (held.trainSigners() == 0 ? "the other signers" : "the first " + held.trainSigners()
                        + " other signer" + (held.trainSigners() == 1 ? "" : "s"))));
            }
            cond.add(row);
        }
        List<String> header = new ArrayList<>(List.of("condition", "capture", "fps", "augmentation", "background"));
        if (ownTraining) {
            header.add("model");
        }
        h.append(Html.table(header, cond));
        TrainingConfig t = s.training();
        h.append(ownTraining ? "<p>Training (where a condition names no model of its own): <code>" : "<p>Training: <code>")
                .append(escape(t.model().architecture().id())).append("</code>, ").append(t.model().size()).append(" px, ")
                .append(t.model().motion() > 0 ? "frame stream in motion (grey, " + t.model().motion()
                        + " s before, at and after the frame), " : "")
                .append(t.epochs()).append(" epochs, batch ").append(t.batchSize()).append(", Adam lr ")
                .append(t.learningRate()).append(" (").append(escape(t.schedule().id())).append("), ")
                .append(escape(t.split().id())).append(" split, test share ").append(t.testFraction())
                .append(", engine ").append(t.engine().id()).append(". ").append(s.repeats()).append(" repeats per condition, base seed ").append(s.seed())
                .append("; frames ").append(s.frameSize()).append(" px short side")
                .append(s.signs() > 0 ? ", first " + s.signs() + " signs" : "")
                .append(s.frames().signingSpace(t.model().needsHands())
                        ? "; signing space: crop " + s.frames().crop().id() + ", trim " + s.frames().trim().id()
                        + (s.frames().matte() ? ", background greyed outside the person" : "") + ", hands found by <code>" + escape(s.frames().hands().id()) + "</code>"
                        + (t.model().multiStream()
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
                    .append(Charts.means(e.getKey(), e.getValue(), a.values().get(e.getKey()),
                            e.getKey().endsWith("accuracy") ? a.chance() : Double.NaN)).append("\">");
        }
        h.append(perTrial(a));
        if (!a.missing().isEmpty()) {
            h.append("<p><b>Missing trials</b> (not in the statistics): ").append(escape(String.join(", ", a.missing()))).append("</p>");
            a.failures().forEach((id, err) -> h.append("<p><code>").append(escape(id)).append("</code>: ").append(escape(err)).append("</p>"));
        }

        h.append("<h2>Statistics</h2><p>").append(a.blocked()
                ? "Each repeat shares its seed, split and data order across conditions, so the tests pair trials by repeat."
                : "The trials are independent across conditions (no shared seeds).").append(" Rule: ").append(escape(TestPlan.RULE))
                .append("</p>");
        for (Analysis.TestOutcome o : a.tests()) {
            h.append(test(o));
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
        h.append(Html.table(List.of("condition", "train samples", "test samples", "validation samples", "split",
                "data SHA-256"), rows));
        h.append("<p>A sample is a frame, or for a keypoint model a take.</p>");
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

    /** One planned test as {@link TestPlan} decided it: rendered, never recomputed. */
    private static String test(Analysis.TestOutcome o) {
        Verdict v = o.verdict();
        StringBuilder h = new StringBuilder("<h3>").append(escape(o.test().test().id())).append(" on ").append(escape(o.test().metric()))
                .append(o.test().groups().isEmpty() ? "" : " (" + escape(String.join(" vs ", o.test().groups())) + ")").append("</h3>");
        if (v.statistic() != null) {
            h.append(Html.table(List.of("test", "statistic", "p", "effect size [95% CI]", "alpha", "alternative", "why this test"),
                    List.of(List.of(v.test(), v.statistic().text(), Html.p(v.p()), v.effect() == null ? "–" : v.effect().name() + " = "
                            + Html.num(v.effect().estimate()) + " [" + Html.num(v.effect().ciLow()) + ", " + Html.num(v.effect().ciHigh()) + "]",
                            Double.toString(o.test().alpha()), o.test().alternative().name().toLowerCase(java.util.Locale.ROOT), v.rule()))));
        }
        if (!v.pairs().isEmpty()) {
            List<List<String>> pr = new ArrayList<>();
            v.pairs().forEach(p -> pr.add(List.of(p.first(), p.second(), Html.num(p.difference()), "[" + Html.num(p.ciLow()) + ", "
                    + Html.num(p.ciHigh()) + "]", Html.p(p.p()), Html.p(p.pAdjusted()))));
            h.append(Html.table(List.of("first", "second", "difference", "95% CI", "p", "adjusted p"), pr));
        }
        if (!v.checks().isEmpty()) {
            List<List<String>> cr = new ArrayList<>();
            v.checks().forEach(c -> cr.add(List.of(c.check(), c.group(), Html.num(c.statistic()), Html.p(c.p()), c.finding())));
            h.append("<p>Assumption checks and design:</p>").append(Html.table(List.of("check", "condition", "statistic", "p", "finding"), cr));
        }
        if (v.power() != null) {
            h.append("<p>Power: the design detects differences of ").append(Html.num(v.power().mde()))
                    .append(" or more at 80% power; TOST could show equivalence for margins of ").append(Html.num(v.power().equivalenceMargin()))
                    .append(" or more (").append(escape(v.power().basis())).append(").</p>");
        }
        h.append("<p><b>Verdict:</b> ").append(escape(v.wording())).append("</p>");
        if (o.claim() != null) {
            h.append("<p>The study's claim: <i>").append(escape(o.test().claim().statement())).append("</i> → <span class=\"")
                    .append(Html.agreementClass(o.claim().agreement())).append("\">").append(escape(o.claim().label())).append("</span>: ")
                    .append(escape(o.claim().reason())).append(o.claim().decidable() ? "" : " (the design could not decide it)").append("</p>");
        }
        return h.toString();
    }

    /** Per trial: frame and take (vote) accuracy with bootstrap CIs over takes, and how many classes it predicted. */
    private static String perTrial(Analysis a) {
        List<List<String>> rows = new ArrayList<>();
        for (Analysis.TrialScores t : a.trials()) {
            t.splits().forEach((split, sc) -> rows.add(List.of(t.trial(), split, Html.num(sc.accuracy().estimate()) + " ["
                    + Html.num(sc.accuracy().ciLow()) + ", " + Html.num(sc.accuracy().ciHigh()) + "]", Html.num(sc.takeAccuracy().estimate())
                    + " [" + Html.num(sc.takeAccuracy().ciLow()) + ", " + Html.num(sc.takeAccuracy().ciHigh()) + "]",
                    Integer.toString(sc.takes()), sc.predictedClasses() + " of " + sc.classes())));
        }
        if (rows.isEmpty()) {
            return "";
        }
        return "<h3>Per trial</h3><p>95% CIs from a bootstrap over takes (the frames of one take are not independent)"
                + (Double.isNaN(a.chance()) ? "" : "; chance accuracy " + Html.num(a.chance())) + ".</p>"
                + Html.table(List.of("trial", "split", "frame accuracy [95% CI]", "take (vote) accuracy [95% CI]", "takes",
                "classes predicted"), rows);
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
