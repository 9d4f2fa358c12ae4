package org.signkit.train;

import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The classes each DL4J training step predicts, from the forward pass the step makes anyway (no extra
 * inference): DL4J hands listeners every activation but the output layer's, so the prediction is the argmax
 * of the dense output layer applied to its input (softmax keeps the argmax).
 */
final class StepPredictions extends BaseTrainingListener {

    private final String outputInput;
    private int[] last = new int[0];

    StepPredictions(ComputationGraph net) {
        this.outputInput = net.getConfiguration().getVertexInputs().get("output").get(0);
    }

    /** The predicted classes of the last step. */
    int[] last() {
        return last;
    }

    @Override
    public void onForwardPass(Model model, Map<String, INDArray> activations) {
        INDArray in = activations.get(outputInput);
        if (in == null) {
            return;
        }
        ComputationGraph net = (ComputationGraph) model;
        INDArray logits = in.mmul(net.getParam("output_W")).addiRowVector(net.getParam("output_b"));
        last = Nd4j.argMax(logits, 1).toIntVector();
    }
}
