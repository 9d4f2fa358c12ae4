package org.signkit.train;

import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Counts how many frames each training step classifies correctly, from the forward pass the step makes
 * anyway (no extra inference): DL4J hands listeners every activation but the output layer's, so the
 * prediction is the argmax of the dense output layer applied to its input (softmax keeps the argmax).
 */
final class StepAccuracy extends BaseTrainingListener {

    private final String outputInput;
    private int[] truth = new int[0];
    private int correct;

    StepAccuracy(ComputationGraph net) {
        this.outputInput = net.getConfiguration().getVertexInputs().get("output").get(0);
    }

    /** The true classes of the step about to run. */
    void expect(int[] classes) {
        truth = classes;
        correct = 0;
    }

    /** Correct predictions of the last step. */
    int correct() {
        return correct;
    }

    @Override
    public void onForwardPass(Model model, Map<String, INDArray> activations) {
        INDArray in = activations.get(outputInput);
        if (in == null) {
            return;
        }
        ComputationGraph net = (ComputationGraph) model;
        INDArray logits = in.mmul(net.getParam("output_W")).addiRowVector(net.getParam("output_b"));
        INDArray predicted = Nd4j.argMax(logits, 1);
        int c = 0;
        for (int i = 0; i < truth.length; i++) {
            if (predicted.getInt(i) == truth[i]) {
                c++;
            }
        }
        correct = c;
    }
}
