package org.signkit.train;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Float arrays into ND4J arrays by one native copy. {@code Nd4j.create(float[], shape, order)} writes the buffer one
 * element at a time through a bounds-checked {@code put}, which cost the frame loaders more time than decoding the
 * frames (a 32-frame multi-stream batch is 590k elements).
 */
final class NdArrays {

    private NdArrays() {
    }

    /** A C-order float array of {@code shape} holding {@code data} (same values as {@code Nd4j.create(data, shape, 'c')}). */
    static INDArray of(float[] data, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException(data.length + " values for shape " + java.util.Arrays.toString(shape));
        }
        INDArray a = Nd4j.createUninitialized(DataType.FLOAT, shape, 'c');
        new FloatPointer(a.data().addressPointer()).put(data);
        return a;
    }
}
