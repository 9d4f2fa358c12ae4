package org.signkit.hands;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import org.signkit.vision.ModelStore;

/**
 * The model store with the selfie model, for the tests that run {@code skin}: they are skipped without it, unless
 * SIGNKIT_REQUIRE_TOOLS=1 (CI, which fetches it), where its absence fails them.
 */
final class SelfieModel {

    static ModelStore store() {
        ModelStore store = ModelStore.fromEnvironment();
        boolean present = Files.isRegularFile(store.path(ModelStore.SELFIE));
        assertTrue(present || !"1".equals(System.getenv("SIGNKIT_REQUIRE_TOOLS")),
                "the selfie model is missing: run './signkit models fetch selfie'");
        assumeTrue(present, "selfie model not installed");
        return store;
    }

    private SelfieModel() {
    }
}
