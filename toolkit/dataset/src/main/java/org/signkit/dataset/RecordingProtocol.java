package org.signkit.dataset;

import java.util.List;

/**
 * The study's findings as a recording protocol (Carneiro et al. 2021): each item has an id the QA
 * check cites when a recording breaks it.
 */
public final class RecordingProtocol {

    /**
     * One protocol item.
     *
     * @param id   short id, cited by QA findings
     * @param rule what to do
     * @param why  the study's reason
     */
    public record Item(String id, String rule, String why) {
    }

    /** Capture rate. */
    public static final Item CAPTURE_60 = new Item("P1", "Capture at 60 FPS and resample to 30 FPS for training when "
            + "light and signing speed are not controlled; 30 FPS capture suffices in a controlled setting.",
            "60 FPS capture has less motion blur; 30 FPS was the best training subsample.");
    /** Signing speed. */
    public static final Item SIGN_SLOWLY = new Item("P2", "Ask interpreters to sign slowly and keep the hands in frame.",
            "Fast hands blur and leave the frame at phone frame rates.");
    /** Background. */
    public static final Item PLAIN_BACKGROUND = new Item("P3", "A plain background is fine; artificial backgrounds "
            + "were no help.", "Background replacement did not improve validation accuracy.");
    /** Signers. */
    public static final Item TWO_SIGNERS = new Item("P4", "Record at least two interpreters, every sign by each.",
            "One signer's style is otherwise learned as the sign.");
    /** Validation set. */
    public static final Item SEPARATE_VALIDATION = new Item("P5", "Record a separate validation set elsewhere (other "
            + "background, light and position), covering every sign.", "Test accuracy on the recording wall "
            + "overstates accuracy in the wild (96% test vs 81% validation).");
    /** Takes. */
    public static final Item TAKES = new Item("P6", "Record several takes per sign and signer, each a separate video.",
            "Frame-level splits leak; take- and signer-level splits need several takes.");

    /** Exposure: the thresholds {@code dataset check} applies. */
    public static final Item LIGHT = new Item("P7", "Light the signer evenly: mean brightness between "
            + (int) QualityCheck.DARK + " and " + (int) QualityCheck.BRIGHT + " of 255 and contrast (SD of the grey levels) of at"
            + " least " + (int) QualityCheck.FLAT + ".", "Hands are found and told apart by their edges and skin tone, which a"
            + " dark, washed-out or flat picture loses.");

    /** Every item, in order. */
    public static final List<Item> ITEMS = List.of(CAPTURE_60, SIGN_SLOWLY, PLAIN_BACKGROUND, TWO_SIGNERS,
            SEPARATE_VALIDATION, TAKES, LIGHT);

    private RecordingProtocol() {
    }

    /** The protocol as a Markdown checklist. */
    public static String checklist() {
        StringBuilder md = new StringBuilder("# Recording protocol\n\nFrom the study's findings (Carneiro, de Brito "
                + "Silva, Salvadeo 2021). `signkit dataset check` cites these ids.\n\n");
        for (Item i : ITEMS) {
            md.append("- [ ] **").append(i.id()).append("** ").append(i.rule()).append(" _Why: ").append(i.why())
                    .append("_\n");
        }
        md.append("\nFile names: `videos/<train|validation>/<SIGN>/<signer>_<take>.mp4`, e.g. "
                + "`videos/train/OBRIGADO/s1_2.mp4`; or import a phone folder with a mapping CSV "
                + "(`signkit dataset import --mapping`).\n");
        return md.toString();
    }
}
