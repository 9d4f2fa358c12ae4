package org.signkit.train;

/** {@link TrainerTest} on DL4J's layers. */
class TrainerOnDl4jTest extends TrainerTest {

    @Override
    Engine engine() {
        return Engine.DL4J;
    }
}
