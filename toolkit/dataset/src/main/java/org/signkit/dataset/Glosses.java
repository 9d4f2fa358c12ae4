package org.signkit.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.signkit.core.CsvTable;

/**
 * The dataset's gloss list ({@code glosses.csv}, after ASL-LEX and SignBank): one ID gloss per lexical sign, the
 * vocabulary folder it is recorded under, and a description. The gloss tier of the annotations holds these IDs.
 */
public final class Glosses {

    /** Column names. */
    public static final List<String> COLUMNS = List.of("gloss_id", "sign", "description");

    /**
     * One gloss.
     *
     * @param id          the ID gloss, unique in the dataset (e.g. {@code AGUA})
     * @param sign        the vocabulary sign (folder) its videos are under
     * @param description free text: meaning, variants, a SignBank or ASL-LEX reference
     */
    public record Gloss(String id, String sign, String description) {
    }

    private Glosses() {
    }

    /** One gloss per sign, its ID the sign's name: what {@code dataset init} writes. */
    public static List<Gloss> initial(List<String> signs) {
        return signs.stream().map(s -> new Gloss(s, s, "")).toList();
    }

    /** The glosses by ID, in file order; none when there is no gloss list. */
    public static Map<String, Gloss> read(DatasetLayout layout) throws IOException {
        Map<String, Gloss> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(layout.glosses())) {
            return out;
        }
        for (Gloss g : CsvTable.read(layout.glosses(), COLUMNS, f -> new Gloss(f.get(0).trim(), f.get(1).trim(), f.get(2)),
                "a signkit gloss list", "keep the header " + String.join(",", COLUMNS), "give gloss_id,sign,description")) {
            if (out.put(g.id(), g) != null) {
                throw new org.signkit.core.BadInputException(layout.glosses(), "gloss ID '" + g.id() + "' is listed twice",
                        "give every gloss its own ID");
            }
        }
        return out;
    }

    /** Writes the list atomically. */
    public static void write(DatasetLayout layout, List<Gloss> glosses) throws IOException {
        CsvTable.write(layout.glosses(), COLUMNS, new ArrayList<>(glosses), g -> List.of(g.id(), g.sign(), g.description()));
    }
}
