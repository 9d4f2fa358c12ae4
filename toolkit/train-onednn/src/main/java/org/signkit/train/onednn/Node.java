package org.signkit.train.onednn;

/** One step of a compiled network: a primitive (or a few) with fixed buffers. */
interface Node {

    /** The activation this node produces. */
    Tensor output();

    /** Computes {@link #output()} from the inputs; {@code training} selects batch statistics. */
    void forward(boolean training);

    /**
     * Builds the backward primitives and claims the inputs' gradient slots; called once, in reverse
     * order of the forward pass, after every forward node exists.
     */
    void planBackward();

    /** From the output's gradient, the inputs' gradients and the parameters' gradients. */
    void backward();
}
