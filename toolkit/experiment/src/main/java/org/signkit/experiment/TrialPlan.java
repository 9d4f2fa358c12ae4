package org.signkit.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.signkit.core.BadInputException;
import org.signkit.core.Json;

/**
 * A run's frozen trial plan ({@code RUN/plan.json}): the resolved spec and its numbered trials — condition, repeat,
 * seed and configuration hash — plus the derived data (frames, composites) they need. A cluster task runs one trial by
 * its number ({@code experiment trial RUN --index I}, the index of a Slurm array or a Kubernetes Indexed Job); the
 * same numbers name the records ({@code RUN/records/<index>.json}).
 *
 * @param experiment the spec's name
 * @param profile    its profile
 * @param spec       the resolved spec
 * @param trials     the trials, numbered from 0 in run order
 * @param derived    the derived data the trials need, one line each
 */
public record TrialPlan(String experiment, String profile, ExperimentSpec spec, List<PlannedTrial> trials, List<String> derived) {

    /** The plan's file name in a run folder. */
    public static final String FILE_NAME = "plan.json";

    /**
     * One numbered trial.
     *
     * @param index      its number, from 0
     * @param trial      its id ({@code <condition>-r<repeat>})
     * @param condition  the condition
     * @param repeat     the repeat, from 1
     * @param seed       the repeat's seed, shared by every condition
     * @param configHash the hash of its training configuration
     */
    public record PlannedTrial(int index, String trial, String condition, int repeat, long seed, String configHash) {
    }

    public TrialPlan {
        trials = List.copyOf(trials);
        derived = List.copyOf(derived);
    }

    /** The plan of a spec. */
    public static TrialPlan of(ExperimentSpec spec) {
        List<PlannedTrial> trials = new ArrayList<>();
        LinkedHashSet<String> derived = new LinkedHashSet<>();
        List<ExperimentRunner.Trial> planned = ExperimentRunner.plan(spec);
        for (int i = 0; i < planned.size(); i++) {
            ExperimentRunner.Trial t = planned.get(i);
            trials.add(new PlannedTrial(i, t.id(), t.condition().name(), t.repeat(), t.seed(),
                    spec.trialConfig(t.condition(), t.seed()).hash()));
            ExperimentSpec.Condition c = t.condition();
            derived.add("frames of " + c.capture() + " at " + c.fps() + " FPS, " + spec.frames().size() + " px (crop "
                    + spec.frames().crop().id() + ", trim " + spec.frames().trim().id() + ")");
            if (c.background()) {
                derived.add("background composites of " + c.capture() + " at " + c.fps() + " FPS");
            }
        }
        if (spec.validation() != null) {
            derived.add("frames of " + spec.validation() + " at " + ExperimentRunner.VALIDATION_FPS + " FPS (validation)");
        }
        return new TrialPlan(spec.name(), spec.profile(), spec, trials, new ArrayList<>(derived));
    }

    /** Writes {@code RUN/plan.json} atomically. */
    public void write(Path run) throws IOException {
        Files.createDirectories(run);
        Json.write(run.resolve(FILE_NAME), this);
    }

    /** Reads {@code RUN/plan.json}. */
    public static TrialPlan read(Path run) throws IOException {
        Path file = run.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(run, "no " + FILE_NAME + " here", "freeze the plan first: signkit experiment plan SPEC -o " + run);
        }
        return Json.read(file, TrialPlan.class);
    }

    /** The trial numbered {@code index}. */
    public PlannedTrial trial(int index) {
        if (index < 0 || index >= trials.size()) {
            throw new IllegalArgumentException("no trial " + index + ": the plan numbers its " + trials.size() + " trials 0-"
                    + (trials.size() - 1));
        }
        return trials.get(index);
    }
}
