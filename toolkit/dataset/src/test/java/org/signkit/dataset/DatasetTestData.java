package org.signkit.dataset;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the tests' datasets fill in by hand in a real project. */
final class DatasetTestData {

    private DatasetTestData() {
    }

    /** Writes every datasheet section of the card. */
    static void fillDatasheet(DatasetLayout layout) throws IOException {
        DatasetCard card = DatasetCard.read(layout.card());
        Map<String, String> sections = new LinkedHashMap<>();
        DatasetCard.SECTIONS.keySet().forEach(k -> sections.put(k, k.equals("licence") ? "CC-BY-4.0 for videos and frames."
                : "Written for the test: " + k + "."));
        new DatasetCard(card.name(), card.language(), card.country(), card.version(), card.signs(), sections).write(layout);
    }
}
