package org.signkit.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * Finite differences against back-propagation on a tiny EfficientNet built from the real stem, MBConv
 * and head builders: one block of each kind (no expansion with an identity skip; expansion 6 with a
 * 5×5 stride-2 depthwise; expansion 6, 3×3, identity skip), all with squeeze-and-excitation, in double
 * precision.
 */
class EfficientNetGradientTest {

    private static DataType defaultType;

    @BeforeAll
    static void doublePrecision() {
        defaultType = Nd4j.dataType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @AfterAll
    static void restore() {
        Nd4j.setDefaultDataTypes(defaultType, defaultType);
    }

    @Test
    void backPropagationMatchesFiniteDifferences() {
        ComputationGraphConfiguration.GraphBuilder g = NetworkArchitecture.imageGraph(12, DataType.DOUBLE, new NoOp(), 8,
                8);
        String x0 = EfficientNetB0.convBnAct(g, "stem", "input", 8, 3, 1, true);
        String x1 = EfficientNetB0.mbConv(g, "b0", x0, 8, 8, 1, 3, 1);
        String x2 = EfficientNetB0.mbConv(g, "b1", x1, 8, 16, 6, 5, 2);
        String x3 = EfficientNetB0.mbConv(g, "b2", x2, 16, 16, 6, 3, 1);
        g.addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), x3);
        NetworkArchitecture.softmaxOutput(g, "pool", 3, 0);
        ComputationGraph net = new ComputationGraph(g.build());
        net.init();
        Nd4j.getRandom().setSeed(12);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 4, 3, 8, 8);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 4, 3);
        for (int i = 0; i < 4; i++) {
            y.putScalar(i, i % 3, 1.0);
        }
        DataSet ds = new DataSet(x, y);
        net.setInputs(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        Map<String, INDArray> analytic = net.gradient().gradientForVariable();
        SplittableRandom rng = new SplittableRandom(5);
        double eps = 1e-6;
        int checked = 0;
        double worst = 0;
        String worstAt = "";
        for (Map.Entry<String, INDArray> p : net.paramTable().entrySet()) {
            String k = p.getKey();
            // Running statistics are updated, not learned: they have no gradient to check.
            if (k.endsWith("_mean") || k.endsWith("_var") || k.endsWith("_log10stdev")) {
                continue;
            }
            INDArray w = p.getValue();
            for (int t = 0; t < 3; t++) {
                // Parameters are views into one flat buffer, often in 'f' order: index them by subscripts.
                long[] i = Shape.ind2subC(w, rng.nextLong(w.length()));
                double orig = w.getDouble(i);
                w.putScalar(i, orig + eps);
                double plus = net.score(ds, true);
                w.putScalar(i, orig - eps);
                double minus = net.score(ds, true);
                w.putScalar(i, orig);
                // The score is the minibatch mean; DL4J's raw gradients are minibatch sums (its updater divides).
                double numeric = (plus - minus) / (2 * eps) * x.size(0);
                double back = analytic.get(k).getDouble(i);
                double err = Math.abs(numeric - back) / Math.max(1e-6, Math.abs(numeric) + Math.abs(back));
                if (Math.abs(numeric - back) > 1e-7 && err > worst) {
                    worst = err;
                    worstAt = k + java.util.Arrays.toString(i) + ": numeric " + numeric + ", backprop " + back;
                }
                checked++;
            }
        }
        assertTrue(checked > 100, "checked " + checked);
        assertTrue(worst < 1e-4, "largest relative error " + worst + " at " + worstAt);
    }
}
