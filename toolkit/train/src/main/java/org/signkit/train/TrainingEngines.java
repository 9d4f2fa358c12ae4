package org.signkit.train;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.deeplearning4j.nn.graph.ComputationGraph;

/** The engines on the class path, and the one decision of which trains a given network. */
public final class TrainingEngines {

    private static final List<TrainingEngine> INSTALLED = installed();

    private TrainingEngines() {
    }

    /**
     * The engine that runs a network, and why {@link Engine#AUTO} did not take the oneDNN executor (null when it
     * did or when the engine was named).
     */
    public record Choice(TrainingEngine engine, String fallback) {
    }

    /**
     * The engine for {@code net}: the named one, or for {@link Engine#AUTO} the oneDNN executor where it is on the
     * class path and runs the graph on this backend, else DL4J's layers.
     *
     * @throws IllegalArgumentException when {@link Engine#ONEDNN} is named and cannot run {@code net}
     */
    public static Choice choose(Engine requested, ComputationGraph net) {
        if (requested == Engine.DL4J) {
            return new Choice(engine(Engine.DL4J), null);
        }
        TrainingEngine oneDnn = INSTALLED.stream().filter(e -> e.id() == Engine.ONEDNN).findFirst().orElse(null);
        String why = oneDnn == null ? "the oneDNN engine (module signkit-train-onednn) is not on the class path"
                : oneDnn.unsupported(net);
        if (why == null) {
            return new Choice(oneDnn, null);
        }
        if (requested == Engine.ONEDNN) {
            throw new IllegalArgumentException("engine onednn cannot run this network: " + why
                    + "; choose engine auto or dl4j");
        }
        return new Choice(engine(Engine.DL4J), "training on DL4J's layers, not the oneDNN engine: " + why);
    }

    /** The installed engine {@code id} (not {@link Engine#AUTO}). */
    public static TrainingEngine engine(Engine id) {
        return INSTALLED.stream().filter(e -> e.id() == id).findFirst().orElseThrow(
                () -> new IllegalArgumentException("engine " + id.id() + " is not on the class path"));
    }

    /**
     * What must hold before DL4J layers are created: its oneDNN layer helpers allowed. Called by
     * {@link TrainingEngine#build} and {@link TrainingEngine#restore}.
     */
    static void prepare() {
        Backend.useOneDnnHelpers();
    }

    private static List<TrainingEngine> installed() {
        List<TrainingEngine> engines = new ArrayList<>();
        engines.add(new Dl4jEngine());
        ServiceLoader.load(TrainingEngine.class, TrainingEngines.class.getClassLoader()).forEach(engines::add);
        return List.copyOf(engines);
    }
}
