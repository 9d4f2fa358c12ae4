package org.signkit.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.signkit.core.AtomicFiles;

/**
 * {@code signkit dataset init}: a new dataset folder with its card, datasheet, protocol, gloss list (one ID gloss per
 * sign) and the signer and consent templates.
 */
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
        AtomicFiles.writeString(layout.signers(), String.join(",", SignerRecords.COLUMNS) + "\n"
                + "# one row per interpreter; pseudonymous ids (s1, s2, ...) as in the video names, no names. age_band: e.g."
                + " 18-29; gender: as the signer describes it; hearing_status: deaf, hard of hearing, hearing, CODA; fluency:"
                + " native, early, late learner, interpreter; dominant_hand: right or left; region_dialect: where they learnt"
                + " to sign\n");
        AtomicFiles.writeString(layout.consent(), String.join(",", Consent.COLUMNS) + "\n# one row per signer; keep signed "
                + "forms outside this folder. research, publication, face_visible, images_in_papers: yes or no, as signed;"
                + " withdrawn: the date a signer withdrew (their videos leave the next release)\n");
        Glosses.write(layout, Glosses.initial(signs));
        AtomicFiles.writeString(layout.changelog(), "# Changelog\n\n");
        return layout;
    }
}
