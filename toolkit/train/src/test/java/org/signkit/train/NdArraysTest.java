package org.signkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The one-copy array holds what ND4J's element-wise create holds, in the same shape and order. */
class NdArraysTest {

    @Test
    void holdsTheSameValuesAsNd4jCreate() {
        SplittableRandom rng = new SplittableRandom(5);
        for (long[] shape : new long[][] {{32, 3, 64, 112}, {7, 6}, {3, 13, 1, 32}}) {
            int n = 1;
            for (long d : shape) {
                n *= (int) d;
            }
            float[] x = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = (float) rng.nextGaussian();
            }
            INDArray expected = Nd4j.create(x, shape, 'c');
            INDArray actual = NdArrays.of(x, shape);
            assertArrayEquals(expected.shape(), actual.shape());
            assertEquals('c', actual.ordering());
            assertArrayEquals(expected.data().asFloat(), actual.data().asFloat());
            assertEquals(expected, actual);
        }
    }

    @Test
    void refusesAShapeThatDoesNotFitTheValues() {
        assertThrows(IllegalArgumentException.class, () -> NdArrays.of(new float[5], 2, 3));
    }
}
