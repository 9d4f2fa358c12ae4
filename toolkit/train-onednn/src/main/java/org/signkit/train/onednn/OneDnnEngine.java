package org.signkit.train.onednn;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.signkit.train.Backend;
import org.signkit.train.Engine;
import org.signkit.train.TrainingEngine;

/**
 * signkit's oneDNN executor as a {@link TrainingEngine}: {@link OneDnnNetwork} on the CPU backend, for the graphs
 * {@link OneDnnNetwork#unsupported} accepts. Registered for {@link java.util.ServiceLoader} in
 * {@code META-INF/services}.
 */
public final class OneDnnEngine implements TrainingEngine {

    @Override
    public Engine id() {
        return Engine.ONEDNN;
    }

    @Override
    public String unsupported(ComputationGraph net) {
        return Backend.cuda() ? "it runs on ND4J's CPU backend, not CUDA" : OneDnnNetwork.unsupported(net);
    }

    @Override
    public BoundNetwork bind(ComputationGraph net) {
        String why = unsupported(net);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        return new OneDnnNetwork(net);
    }
}
