package org.signkit.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.signkit.core.AtomicFiles;

/** {@code signkit dataset init}: a new dataset folder with its card, datasheet, protocol and templates. */
public final class DatasetKit {

    private DatasetKit() {
    }

    /**
     * Creates the layout; refuses a folder that already holds a dataset card.
     *
     * @param signs the vocabulary (e.g. read from signs.txt, one per line)
     */
    public static DatasetLayout init(DatasetLayout layout, String name, String language, String country,
                                     List<String> signs) throws IOException {
        if (Files.exists(layout.card())) {
            throw new IllegalArgumentException(layout.card() + " exists: this folder is already a dataset");
        }
        if (signs.isEmpty() || signs.stream().anyMatch(s -> !s.matches("[\\p{L}\\p{N}_-]+"))) {
            throw new IllegalArgumentException("signs must be non-empty names of letters, digits, '_' or '-' (they "
                    + "become folder names): " + signs);
        }
        for (String g : DatasetLayout.GROUPS) {
            for (String s : signs) {
                Files.createDirectories(layout.videos().resolve(g).resolve(s));
            }
        }
        DatasetCard.create(name, language, country, signs).write(layout);
        AtomicFiles.writeString(layout.protocol(), RecordingProtocol.checklist());
        AtomicFiles.writeString(layout.signers(), "signer_id,dominant_hand,fluency,recorded_groups,notes\n"
                + "# one row per interpreter; use pseudonymous ids (s1, s2, ...) as in the video names, no names\n");
        AtomicFiles.writeString(layout.consent(), "signer_id,consent_version,recording,publication,face_visible,"
                + "withdrawal_contact,date\n# one row per signer; keep signed forms outside this folder\n");
        AtomicFiles.writeString(layout.changelog(), "# Changelog\n\n");
        return layout;
    }
}
