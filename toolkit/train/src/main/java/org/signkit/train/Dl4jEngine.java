package org.signkit.train;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * DL4J's own layers: {@code ComputationGraph.fit} and {@code outputSingle}. Runs every graph, on CPU (with
 * DL4J's oneDNN layer helpers, {@link Backend#useOneDnnHelpers}) and on CUDA (cuDNN).
 */
public final class Dl4jEngine implements TrainingEngine {

    @Override
    public Engine id() {
        return Engine.DL4J;
    }

    @Override
    public String unsupported(ComputationGraph net) {
        return null;
    }

    @Override
    public BoundNetwork bind(ComputationGraph net) {
        StepPredictions predictions = new StepPredictions(net);
        net.setListeners(predictions);
        return new BoundNetwork() {
            @Override
            public Step fit(INDArray features, INDArray labels) {
                net.fit(new DataSet(features, labels));
                return new Step(net.score(), predictions.last());
            }

            @Override
            public INDArray output(INDArray features) {
                return net.outputSingle(false, features);
            }

            @Override
            public void close() {
                net.setListeners();
            }
        };
    }
}
