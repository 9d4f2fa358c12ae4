package org.signkit.dataset;

import java.nio.file.Path;

/**
 * Where things live in a dataset folder made by {@code signkit dataset init}.
 *
 * @param root the dataset folder
 */
public record DatasetLayout(Path root) {

    /** The groups videos are recorded in: the main recording, and the separate validation recording. */
    public static final java.util.List<String> GROUPS = java.util.List.of("train", "validation");

    /** The card (YAML), the source of the datasheet. */
    public Path card() {
        return root.resolve("dataset.yaml");
    }

    /** The rendered datasheet. */
    public Path datasheet() {
        return root.resolve("DATASHEET.md");
    }

    /** The recording protocol as a checklist. */
    public Path protocol() {
        return root.resolve("PROTOCOL.md");
    }

    /** Signer metadata template (pseudonymous ids only). */
    public Path signers() {
        return root.resolve("signers.csv");
    }

    /** Consent record template. */
    public Path consent() {
        return root.resolve("consent.csv");
    }

    /** Videos: {@code videos/<group>/<sign>/<signer>_<take>.<ext>}. */
    public Path videos() {
        return root.resolve("videos");
    }

    /** The gloss list: one ID gloss per lexical sign ({@link Glosses}). */
    public Path glosses() {
        return root.resolve("glosses.csv");
    }

    /** Time-aligned annotations of the videos ({@link Annotations}). */
    public Path annotations() {
        return root.resolve("annotations.csv");
    }

    /** One row per imported video: labels, checksum and probe facts. */
    public Path importIndex() {
        return root.resolve("import.csv");
    }

    /** QA reports. */
    public Path qa() {
        return root.resolve("qa");
    }

    /** Frozen splits. */
    public Path splits() {
        return root.resolve("splits");
    }

    /** Versioned releases. */
    public Path releases() {
        return root.resolve("releases");
    }

    /** The changelog. */
    public Path changelog() {
        return root.resolve("CHANGELOG.md");
    }
}
