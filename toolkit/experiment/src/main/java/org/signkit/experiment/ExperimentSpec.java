package org.signkit.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.signkit.core.Json;
import org.signkit.core.PathNames;
import org.signkit.core.SignerHoldout;
import org.signkit.core.SplitStrategy;
import org.signkit.hands.HandsMethod;
import org.signkit.hands.SigningSpace;
import org.signkit.stats.Alternative;
import org.signkit.stats.Claim;
import org.signkit.stats.Comparison;
import org.signkit.stats.Corrections;
import org.signkit.stats.TestPlan;
import org.signkit.stats.VarianceRule;
import org.signkit.train.Architecture;
import org.signkit.train.Engine;
import org.signkit.train.LearningRateSchedule;
import org.signkit.train.ModelSpec;
import org.signkit.train.TrainingConfig;

/**
 * An experiment as a researcher writes it (YAML in {@code experiments/}): which data, which conditions,
 * how each trial trains, how often, and which tests decide. A spec may carry {@code profiles} (e.g.
 * {@code quick}, {@code full}) whose keys override the spec's own; {@link #load} applies one.
 *
 * @param file        the spec file
 * @param profile     the applied profile, or {@code default}
 * @param name        experiment name (folder name of its runs)
 * @param question    the question it answers, in words
 * @param dataset     dataset root with {@code videos/<group>/} (and {@code truth/<group>/} for synthetic data)
 * @param validation  group of the external validation set, or null
 * @param signs       use the first N signs only (0: all)
 * @param frames      how frames are extracted: size, signing-space crop and trim, and the hands method they use
 * @param conditions  the compared conditions
 * @param training    how every trial trains
 * @param background  how the background condition's frames are made
 * @param repeats     trials per condition
 * @param seed        base seed; each trial's seed derives from it, the condition and the repeat
 * @param metrics     metrics recorded and summarised
 * @param analysis    the tests run after the trials
 */
public record ExperimentSpec(Path file, String profile, String name, String question, Path dataset, String validation,
                             int signs, FrameSettings frames, List<Condition> conditions, TrainingConfig training,
                             BackgroundSettings background, int repeats, long seed, List<String> metrics,
                             List<PlannedTest> analysis) {

    /** Metrics a trial records. */
    public static final List<String> METRICS = List.of("test_accuracy", "validation_accuracy", "test_macro_f1",
            "validation_macro_f1", "test_take_accuracy", "validation_take_accuracy", "train_seconds");

    /**
     * How every condition's frames are made ({@code frames:} and {@code hands:} in a spec).
     *
     * @param size  short side of extracted frames, pixels (the side of a signer crop)
     * @param crop  {@code none} or {@code signer} (a square per take around the signer, from the face boxes)
     * @param trim  {@code none} or {@code still} (drop the lead-in and lead-out with the hands at rest)
     * @param matte {@code frames.matte: person}: everything outside the signer (selfie person mask) made grey
     * @param hands how faces and hands are found ({@code hands.method}); used by the crop, the trim and the
     *              multi-stream network
     */
    public record FrameSettings(int size, SigningSpace.Crop crop, SigningSpace.Trim trim, boolean matte,
                                HandsMethod hands) {
        /** True when frames go through the hands stage (a crop, a trim, a matte, or hand streams need it). */
        public boolean signingSpace(boolean needsHands) {
            return crop != SigningSpace.Crop.NONE || trim != SigningSpace.Trim.NONE || matte || needsHands;
        }
    }

    /** Short side of extracted frames, pixels. */
    public int frameSize() {
        return frames.size();
    }

    /**
     * One compared condition.
     *
     * @param name         label in tables and tests
     * @param capture      group of videos (e.g. {@code capture60})
     * @param fps          frame rate the capture is resampled to
     * @param augmentation augmentation preset or pipeline file ({@code none}, {@code geometric}, ...)
     * @param background   true: train on the frames plus their background-replaced composites
     * @param training     this condition's training (a condition's {@code training:} read over the spec's, then a
     *                     profile's {@code condition_training: {name: ...}} over that), or null for the spec's
     */
    public record Condition(String name, String capture, String fps, String augmentation, boolean background,
                            TrainingConfig training) {
    }

    /**
     * How the trials of {@code c} train: its own settings, else the spec's ({@link #trialConfig} adds the
     * condition's augmentation and the trial's seed).
     */
    public TrainingConfig training(Condition c) {
        return c.training() != null ? c.training() : training;
    }

    /** True when a condition's model needs the hands stage (its frames and the validation frames then have them). */
    public boolean needsHands(Condition c) {
        return training(c).model().needsHands();
    }

    /** The training configuration of one trial of {@code c}: the condition's training, augmentation and the seed. */
    public TrainingConfig trialConfig(Condition c, long trialSeed) {
        return training(c).withAugmentation(c.augmentation()).withSeed(trialSeed);
    }

    /**
     * How the background condition's composites are made ({@code signkit background}).
     *
     * @param method    segmentation method
     * @param scenes    {@code builtin} or a folder of images
     * @param count     scenes per frame
     * @param size      {@code source} (the frames' own size, so both conditions share the geometry) or WxH
     * @param harmonise colour harmonisation share
     * @param truth     use the dataset's synthetic truth (the empty scene for {@code plate})
     */
    public record BackgroundSettings(String method, String scenes, int count, String size, double harmonise,
                                     boolean truth) {
    }

    /**
     * A test of the analysis plan.
     *
     * @param test        what is compared: {@code anova} (all conditions, then post-hoc pairs), {@code ttest} (two
     *                    conditions) or {@code pairwise} (every pair, corrected); {@link TestPlan} picks the test
     * @param metric      the metric tested
     * @param groups      the conditions compared (empty: all)
     * @param alpha       significance level
     * @param correction  p-value correction of pairwise families
     * @param alternative {@code two-sided}, {@code greater} or {@code less} (t-test: first vs second group)
     * @param variances   {@code welch} (default) or {@code classic}
     * @param claim       the study's claim this test checks, or null
     */
    public record PlannedTest(Comparison test, String metric, List<String> groups, double alpha, Corrections correction,
                              Alternative alternative, VarianceRule variances, Claim claim) {

        /** The plan that runs this test: a no-difference claim brings its margin, so TOST runs beside it. */
        public TestPlan plan() {
            double margin = claim != null && claim.kind() == Claim.Kind.NO_DIFFERENCE ? claim.margin() : Double.NaN;
            return new TestPlan(test, alpha, alternative, correction, variances, margin);
        }
    }

    private static final Set<String> TOP = Set.of("name", "question", "dataset", "validation", "signs", "frames",
            "hands", "defaults", "conditions", "training", "background", "repeats", "seed", "metrics", "analysis",
            "profiles");
    private static final Set<String> PROFILE = Set.of("validation", "signs", "frames", "hands", "defaults", "training",
            "background", "repeats", "seed", "conditions", "condition_training");

    /** Reads and validates a spec, applying {@code profile} (null: none). */
    public static ExperimentSpec load(Path file, String profile) throws IOException {
        SpecNode root = SpecNode.read(file);
        Map<String, SpecNode> top = root.mapping(TOP);
        SpecNode p = null;
        if (profile != null) {
            SpecNode profiles = SpecNode.child(top, root, "profiles");
            if (!profiles.present()) {
                throw root.error("no profiles in this spec, asked for '" + profile + "'", "add 'profiles: {" + profile + ": {...}}' or drop the profile");
            }
            Map<String, SpecNode> all = profiles.mapping(Set.copyOf(profileNames(profiles)));
            p = all.get(profile);
            if (p == null) {
                throw profiles.error("no profile '" + profile + "'", "profiles here: " + all.keySet());
            }
        }
        Map<String, SpecNode> over = p == null ? Map.of() : p.mapping(PROFILE);
        SpecNode profileNode = p == null ? root : p;
        // A profile's key replaces the spec's (a value) or is read over it (a section).
        Function<String, SpecNode> base = k -> SpecNode.child(top, root, k);
        Function<String, SpecNode> overlay = k -> SpecNode.child(over, profileNode, k);
        Function<String, SpecNode> pick = k -> over.containsKey(k) ? over.get(k) : base.apply(k);

        String name = base.apply("name").required();
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw base.apply("name").error("'" + name + "' is not a plain name", "use letters, digits, '-', '_' or '.'");
        }
        String question = base.apply("question").text("");
        SpecNode datasetNode = base.apply("dataset");
        Path dataset = Path.of(datasetNode.required());
        if (!Files.isDirectory(dataset.resolve("videos"))) {
            throw datasetNode.error("no videos/ folder in " + dataset.toAbsolutePath(),
                    "run './signkit synth --quick' for the synthetic dataset, or point at a dataset with videos/<group>/");
        }
        base.apply("validation").text(null);
        String validation = pick.apply("validation").text(null);
        if (validation != null && !Files.isDirectory(dataset.resolve("videos").resolve(validation))) {
            throw pick.apply("validation").error("no videos/" + validation + " in the dataset",
                    "name a group folder of " + dataset.resolve("videos"));
        }
        // A value a profile overrides is still checked: a bad one is a bad spec whatever the profile.
        int signs = pick.apply("signs").integer(base.apply("signs").integer(0, 0, 10_000), 0, 10_000);
        FrameSettings frames = frames(overlay.apply("frames"), overlay.apply("hands"), frames(base.apply("frames"),
                base.apply("hands"), new FrameSettings(224, SigningSpace.Crop.NONE, SigningSpace.Trim.NONE, false, HandsMethod.SKIN)));
        TrainingConfig training = training(overlay.apply("training"), training(base.apply("training"),
                TrainingConfig.DEFAULTS));
        BackgroundSettings background = background(overlay.apply("background"), background(base.apply("background"),
                new BackgroundSettings("plate", "builtin", 5, "source", 0, true)));
        List<Condition> conditions = conditions(base.apply("conditions"), base.apply("defaults"), overlay.apply("defaults"),
                dataset, training, overlay.apply("condition_training"));
        List<Condition> all = conditions;
        SpecNode subset = overlay.apply("conditions");
        if (subset.present()) {
            List<String> keep = groupList(subset, conditions.stream().map(Condition::name).toList());
            if (keep.size() < 2) {
                throw subset.error("a profile keeps at least two conditions", "list two or more condition names");
            }
            conditions = conditions.stream().filter(c -> keep.contains(c.name())).toList();
        }
        int repeats = pick.apply("repeats").integer(base.apply("repeats").integer(3, 1, 100), 1, 100);
        long seed = pick.apply("seed").integer(base.apply("seed").integer(1, 0, Integer.MAX_VALUE), 0, Integer.MAX_VALUE);
        if (signs > 0) {
            for (Condition c : conditions) {
                int available = DerivedData.signFolders(dataset, c.capture()).size();
                if (signs > available) {
                    throw pick.apply("signs").error("asks for the first " + signs + " signs, but videos/" + c.capture() + " has "
                            + available, "use at most " + available + " (or 0 for all)");
                }
            }
        }
        List<String> metrics = new ArrayList<>();
        SpecNode metricsNode = base.apply("metrics");
        if (metricsNode.present()) {
            for (SpecNode m : metricsNode.list()) {
                metrics.add(m.choice(null, METRICS));
            }
        } else {
            metrics.addAll(List.of("test_accuracy", "validation_accuracy"));
        }
        if (metrics.contains("validation_accuracy") && validation == null) {
            metrics.removeIf(m -> m.startsWith("validation_"));
        }
        List<PlannedTest> analysis = analysis(base.apply("analysis"), all, conditions, metrics, subset.present());
        return new ExperimentSpec(file, profile == null ? "default" : profile, name, question, dataset, validation, signs,
                frames, conditions, training, background, repeats, seed, metrics, analysis);
    }

    /**
     * The {@code dataset} a spec names, read without validating the rest (which needs the dataset to
     * exist): lets {@code reproduce} generate the synthetic data first. Null when the key is absent.
     */
    public static Path datasetOf(Path file) throws IOException {
        SpecNode root = SpecNode.read(file);
        String dataset = SpecNode.child(root.mapping(TOP), root, "dataset").text(null);
        return dataset == null ? null : Path.of(dataset);
    }

    /** A hash of everything that decides the trials' results (not the analysis plan). */
    public String trialsHash() {
        return org.signkit.core.Checksums.sha256(Json.write(List.of(dataset.toString(), String.valueOf(validation), signs,
                frames, conditions, training, background, repeats, seed)));
    }

    /** The condition called {@code name}. */
    public Condition condition(String name) {
        return conditions.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> profileNames(SpecNode profiles) {
        if (!(profiles.node() instanceof org.yaml.snakeyaml.nodes.MappingNode m)) {
            throw profiles.error("expected a mapping of profile names", "e.g. 'profiles: {quick: {...}, full: {...}}'");
        }
        return m.getValue().stream().map(t -> ((org.yaml.snakeyaml.nodes.ScalarNode) t.getKeyNode()).getValue()).toList();
    }

    private static FrameSettings frames(SpecNode n, SpecNode hands, FrameSettings d) {
        FrameSettings f = d;
        if (n.present()) {
            Map<String, SpecNode> m = n.mapping(Set.of("size", "crop", "trim", "matte"));
            f = new FrameSettings(SpecNode.child(m, n, "size").integer(d.size(), 16, 4096),
                    SigningSpace.Crop.parse(SpecNode.child(m, n, "crop").choice(d.crop().id(), List.of("none", "signer"))),
                    SigningSpace.Trim.parse(SpecNode.child(m, n, "trim").choice(d.trim().id(), List.of("none", "still"))),
                    SpecNode.child(m, n, "matte").choice(d.matte() ? "person" : "none", List.of("none", "person"))
                            .equals("person"), d.hands());
        }
        if (hands.present()) {
            Map<String, SpecNode> m = hands.mapping(Set.of("method"));
            f = new FrameSettings(f.size(), f.crop(), f.trim(), f.matte(), HandsMethod.parse(SpecNode.child(m, hands, "method")
                    .choice(f.hands().id(), List.of("mediapipe", "skin", "truth"))));
        }
        return f;
    }

    private static TrainingConfig training(SpecNode n, TrainingConfig d) {
        if (!n.present()) {
            return d;
        }
        Map<String, SpecNode> m = n.mapping(Set.of("model", "size", "epochs", "batch", "lr", "schedule", "patience", "split",
                "test", "test_signers", "train_signers", "engine", "motion"));
        SpecNode signersNode = SpecNode.child(m, n, "test_signers");
        List<String> testSigners = d.holdout() == null ? List.of() : d.holdout().test();
        if (signersNode.present()) {
            testSigners = signersNode.list().stream().map(SpecNode::required).toList();
        }
        String split = SpecNode.child(m, n, "split").choice(d.split().id(), List.of("frame", "take", "signer"));
        if (!testSigners.isEmpty() && !split.equals("signer")) {
            throw (signersNode.present() ? signersNode : n).error("held-out test signers need 'split: signer', not " + split,
                    "add 'split: signer' beside 'test_signers'");
        }
        int trainSigners = SpecNode.child(m, n, "train_signers").integer(d.holdout() == null ? 0 : d.holdout().trainSigners(),
                0, 1000);
        ModelSpec model;
        try {
            model = new ModelSpec(Architecture.parse(SpecNode.child(m, n, "model").choice(d.model().architecture().id(),
                    Architecture.ids())), SpecNode.child(m, n, "size").integer(d.model().size(), 16, 1024),
                    d.model().widthMult(), d.model().depthMult(), d.model().dropout(),
                    SpecNode.child(m, n, "motion").number(d.model().motion(), 0, ModelSpec.MAX_MOTION));
        } catch (IllegalArgumentException e) {
            throw n.error(e.getMessage(), "give 'model' and 'size' a network signkit trains at that size, and 'motion' "
                    + "only to a multistream model");
        }
        return d.withModel(model)
                .withOptimisation(SpecNode.child(m, n, "epochs").integer(d.epochs(), 1, 1000),
                        SpecNode.child(m, n, "batch").integer(d.batchSize(), 1, 4096),
                        SpecNode.child(m, n, "lr").number(d.learningRate(), 1e-7, 1),
                        LearningRateSchedule.parse(SpecNode.child(m, n, "schedule").choice(d.schedule().id(),
                                LearningRateSchedule.ids())),
                        SpecNode.child(m, n, "patience").integer(d.patience(), 0, 1000))
                .withSplit(SplitStrategy.parse(split), SpecNode.child(m, n, "test").number(d.testFraction(), 0.01, 0.99),
                        testSigners.isEmpty() ? null : new SignerHoldout(testSigners, trainSigners))
                .withReporting(d.topK(), Engine.parse(SpecNode.child(m, n, "engine").choice(d.engine().id(),
                        Engine.ids())));
    }

    private static BackgroundSettings background(SpecNode n, BackgroundSettings d) {
        if (!n.present()) {
            return d;
        }
        Map<String, SpecNode> m = n.mapping(Set.of("method", "scenes", "count", "size", "harmonise", "truth"));
        String size = SpecNode.child(m, n, "size").text(d.size());
        if (!size.equals("source") && !size.matches("\\d+x\\d+")) {
            throw SpecNode.child(m, n, "size").error("'" + size + "' is not a size", "write source or WxH, e.g. 331x331");
        }
        String scenes = SpecNode.child(m, n, "scenes").text(d.scenes());
        if (!scenes.equals("builtin") && !Files.isDirectory(Path.of(scenes))) {
            throw SpecNode.child(m, n, "scenes").error("no folder " + scenes, "write builtin or a folder of scene images");
        }
        return new BackgroundSettings(SpecNode.child(m, n, "method").text(d.method()), scenes,
                SpecNode.child(m, n, "count").integer(d.count(), 1, 100), size,
                SpecNode.child(m, n, "harmonise").number(d.harmonise(), 0, 1),
                SpecNode.child(m, n, "truth").bool(d.truth()));
    }

    private static final Set<String> CONDITION_KEYS = Set.of("name", "capture", "fps", "augmentation", "background",
            "training");

    /**
     * The compared conditions. A key a condition leaves out comes from the profile's {@code defaults}, else the
     * spec's: a profile can hold, e.g., the augmentation of every condition that does not name its own.
     */
    private static List<Condition> conditions(SpecNode n, SpecNode specDefaults, SpecNode profileDefaults, Path dataset,
                                              TrainingConfig training, SpecNode profileTraining) {
        Map<String, SpecNode> perCondition = Map.of();
        if (profileTraining.present()) {
            Set<String> named = new HashSet<>();
            if (profileTraining.node() instanceof org.yaml.snakeyaml.nodes.MappingNode mn) {
                mn.getValue().forEach(t -> named.add(String.valueOf(
                        ((org.yaml.snakeyaml.nodes.ScalarNode) t.getKeyNode()).getValue())));
            }
            perCondition = profileTraining.mapping(named);
        }
        Map<String, SpecNode> d = new HashMap<>(specDefaults.present() ? specDefaults.mapping(CONDITION_KEYS) : Map.of());
        if (profileDefaults.present()) {
            d.putAll(profileDefaults.mapping(CONDITION_KEYS));
        }
        SpecNode defaultsNode = profileDefaults.present() ? profileDefaults : specDefaults;
        if (!n.present()) {
            throw n.error("missing", "list the compared conditions under 'conditions:'");
        }
        List<Condition> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (SpecNode c : n.list()) {
            Map<String, SpecNode> m = c.mapping(CONDITION_KEYS);
            SpecNode nameNode = SpecNode.child(m, c, "name");
            String name = nameNode.required();
            try {
                PathNames.component(name, "a condition name");
            } catch (IllegalArgumentException e) {
                throw nameNode.error(e.getMessage() + " (it names the trials' folders)", "use letters, digits, '-', '_' or '.'");
            }
            if (!names.add(name)) {
                throw nameNode.error("condition '" + name + "' appears twice", "give every condition its own name");
            }
            SpecNode captureNode = m.containsKey("capture") ? m.get("capture") : SpecNode.child(d, defaultsNode, "capture");
            String capture = captureNode.text("capture60");
            if (!Files.isDirectory(dataset.resolve("videos").resolve(capture))) {
                throw captureNode.error("no videos/" + capture + " in " + dataset, "name a group folder of " + dataset.resolve("videos"));
            }
            SpecNode fpsNode = m.containsKey("fps") ? m.get("fps") : SpecNode.child(d, defaultsNode, "fps");
            String fps = fpsNode.text("30");
            if (!fps.equals("source")) {
                fpsNode.number(0, 0.1, 1000);
            }
            SpecNode augNode = m.containsKey("augmentation") ? m.get("augmentation") : SpecNode.child(d, defaultsNode, "augmentation");
            String augmentation = augNode.text("none");
            try {
                if (!augmentation.equals("none")) {
                    org.signkit.augment.TransformCatalog.resolve(augmentation);
                }
            } catch (RuntimeException | IOException e) {
                throw augNode.error(e.getMessage(), "use none, geometric, intensity, all, a transform name, or a pipeline file");
            }
            SpecNode bgNode = m.containsKey("background") ? m.get("background") : SpecNode.child(d, defaultsNode, "background");
            SpecNode trainingNode = SpecNode.child(m, c, "training");
            SpecNode profileNode = SpecNode.child(perCondition, profileTraining, name);
            TrainingConfig own = trainingNode.present() || profileNode.present()
                    ? training(profileNode, training(trainingNode, training)) : null;
            out.add(new Condition(name, capture, fps, augmentation, bgNode.bool(false), own));
        }
        for (String named : perCondition.keySet()) {
            if (out.stream().noneMatch(c -> c.name().equals(named))) {
                throw perCondition.get(named).error("no condition '" + named + "'", "name one of the spec's conditions");
            }
        }
        if (out.size() < 2) {
            throw n.error("an experiment compares at least two conditions", "add another condition");
        }
        return out;
    }

        /**
     * The analysis plan. Every group is checked against all the spec's conditions (a misspelt one is an error
     * whatever the profile); then, with a profile's condition subset, tests naming a dropped condition are left out.
     */
    private static List<PlannedTest> analysis(SpecNode n, List<Condition> all, List<Condition> conditions, List<String> metrics,
                                              boolean subset) {
        List<PlannedTest> out = new ArrayList<>();
        if (!n.present()) {
            return out;
        }
        List<String> every = all.stream().map(Condition::name).toList();
        List<String> names = conditions.stream().map(Condition::name).toList();
        for (SpecNode t : n.list()) {
            Map<String, SpecNode> m = t.mapping(Set.of("test", "metric", "groups", "alpha", "correction", "alternative", "variances",
                    "claim"));
            Comparison comparison = Comparison.parse(SpecNode.child(m, t, "test").choice("anova", List.of("anova", "ttest", "pairwise")));
            SpecNode metricNode = SpecNode.child(m, t, "metric");
            String metric = metricNode.choice("validation_accuracy", METRICS);
            if (!metrics.contains(metric)) {
                throw metricNode.error("metric '" + metric + "' is not recorded by this spec", "recorded: " + metrics
                        + " (validation metrics need 'validation:')");
            }
            SpecNode groupsNode = SpecNode.child(m, t, "groups");
            groupList(groupsNode, every);
            if (subset && groupsNode.present() && !names.containsAll(groupsNode.list().stream().map(SpecNode::required).toList())) {
                continue;
            }
            List<String> groups = groupList(groupsNode, names);
            if (comparison == Comparison.TWO_GROUPS && groups.size() != 2) {
                throw SpecNode.child(m, t, "groups").error("a t-test compares exactly two groups", "list two condition names");
            }
            Claim claim = null;
            SpecNode claimNode = SpecNode.child(m, t, "claim");
            if (claimNode.present()) {
                Map<String, SpecNode> cm = claimNode.mapping(Set.of("kind", "groups", "statement", "margin"));
                SpecNode claimGroups = SpecNode.child(cm, claimNode, "groups");
                groupList(claimGroups, every);
                if (subset && claimGroups.present()
                        && !names.containsAll(claimGroups.list().stream().map(SpecNode::required).toList())) {
                    continue;
                }
                Claim.Kind kind = Claim.Kind.parse(SpecNode.child(cm, claimNode, "kind").choice("best",
                        List.of("best", "greater", "no-difference")));
                SpecNode marginNode = SpecNode.child(cm, claimNode, "margin");
                if (kind == Claim.Kind.NO_DIFFERENCE && !marginNode.present()) {
                    throw claimNode.error("a no-difference claim needs claim.margin: the largest difference that still counts as"
                            + " none", "add e.g. 'margin: 0.05' (accuracy points); it is tested by TOST");
                }
                claim = new Claim(kind, groupList(claimGroups, names), SpecNode.child(cm, claimNode, "statement").text(""),
                        marginNode.present() ? marginNode.number(Double.NaN, 1e-9, 1) : Double.NaN);
            }
            Alternative alternative = Alternative.parse(SpecNode.child(m, t, "alternative").choice("two-sided",
                    List.of("two-sided", "greater", "less")));
            if (comparison != Comparison.TWO_GROUPS && alternative != Alternative.TWO_SIDED) {
                throw SpecNode.child(m, t, "alternative").error("a one-sided alternative needs 'test: ttest'", "remove it or use ttest");
            }
            out.add(new PlannedTest(comparison, metric, groups, SpecNode.child(m, t, "alpha").number(0.05, 1e-6, 0.5),
                    Corrections.parse(SpecNode.child(m, t, "correction").choice("holm", List.of("holm", "bonferroni", "bh", "none"))),
                    alternative, SpecNode.child(m, t, "variances").choice("welch", List.of("welch", "classic")).equals("classic")
                            ? VarianceRule.CLASSIC : VarianceRule.WELCH, claim));
        }
        return out;
    }

    private static List<String> groupList(SpecNode n, List<String> names) {
        if (!n.present()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (SpecNode g : n.list()) {
            String v = g.required();
            if (!names.contains(v)) {
                throw g.error("no condition '" + v + "'", "conditions: " + names);
            }
            out.add(v);
        }
        return out;
    }
}
