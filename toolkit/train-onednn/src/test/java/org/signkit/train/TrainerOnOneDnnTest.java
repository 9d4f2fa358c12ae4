package org.signkit.train;

/** {@link TrainerTest} on the oneDNN engine. */
class TrainerOnOneDnnTest extends TrainerTest {

    @Override
    Engine engine() {
        return Engine.ONEDNN;
    }
}
