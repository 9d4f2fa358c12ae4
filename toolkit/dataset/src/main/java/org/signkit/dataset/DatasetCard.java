package org.signkit.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.signkit.core.AtomicFiles;
import org.signkit.core.BadInputException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A dataset's card ({@code dataset.yaml}), after "Datasheets for Datasets" (Gebru et al.): what a
 * reader needs to judge and reuse the data. The team fills the free-text fields; signkit keeps the
 * signs and the version.
 *
 * @param name        dataset name
 * @param language    sign language, e.g. "Libras"
 * @param country     ISO 3166 country code
 * @param version     current version ("0.0" until the first release)
 * @param signs       the vocabulary, in order
 * @param sections    datasheet sections: motivation, composition, collection, signers, consent, licence,
 *                    splits, known limits; free text
 */
public record DatasetCard(String name, String language, String country, String version, List<String> signs,
                          Map<String, String> sections) {

    /** The datasheet's sections, in order, with the question each answers. */
    public static final Map<String, String> SECTIONS = sectionQuestions();

    public DatasetCard {
        signs = List.copyOf(signs);
        sections = new LinkedHashMap<>(sections);
    }

    private static Map<String, String> sectionQuestions() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("motivation", "Why was the dataset made, by whom, for which task?");
        s.put("composition", "Which signs, how many signers and takes, which recording groups?");
        s.put("collection", "Devices, frame rates, places, light, backgrounds; who recorded, when?");
        s.put("signers", "How were interpreters recruited; fluency; dominant hands (no names)?");
        s.put("consent", "What did signers consent to (recording, publication, face visible, withdrawal)?");
        s.put("licence", "Licence of the videos and of derived frames.");
        s.put("splits", "How were train/test split (signer- or take-level; why)?");
        s.put("known limits", "What the data does not cover; known problems.");
        return java.util.Collections.unmodifiableMap(s);
    }

    /** A new card with empty sections. */
    public static DatasetCard create(String name, String language, String country, List<String> signs) {
        Map<String, String> empty = new LinkedHashMap<>();
        SECTIONS.keySet().forEach(k -> empty.put(k, ""));
        return new DatasetCard(name, language, country, "0.0", signs, empty);
    }

    /** This card at another version. */
    public DatasetCard withVersion(String v) {
        return new DatasetCard(name, language, country, v, signs, sections);
    }

    /** Reads {@code dataset.yaml}. */
    @SuppressWarnings("unchecked")
    public static DatasetCard read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, "no dataset card", "create the dataset with 'signkit dataset init'");
        }
        Object doc = new Yaml().load(Files.readString(file));
        if (!(doc instanceof Map<?, ?> m) || !(m.get("signs") instanceof List<?>)) {
            throw new BadInputException(file, "not a dataset card (needs name, language, country, version, signs)",
                    "restore it from 'signkit dataset init' or version control");
        }
        Map<String, Object> map = (Map<String, Object>) m;
        Map<String, String> sections = new LinkedHashMap<>();
        Object secs = map.get("datasheet");
        if (secs instanceof Map<?, ?> sm) {
            sm.forEach((k, v) -> sections.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        }
        List<String> signs = new ArrayList<>();
        ((List<Object>) map.get("signs")).forEach(s -> signs.add(String.valueOf(s)));
        return new DatasetCard(String.valueOf(map.get("name")), String.valueOf(map.get("language")),
                String.valueOf(map.get("country")), String.valueOf(map.get("version")), signs, sections);
    }

    /** Writes {@code dataset.yaml} and renders the datasheet beside it. */
    public void write(DatasetLayout layout) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", name);
        doc.put("language", language);
        doc.put("country", country);
        doc.put("version", version);
        doc.put("signs", signs);
        doc.put("datasheet", sections);
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        AtomicFiles.writeString(layout.card(), "# Dataset card: fill the datasheet sections; 'signkit dataset init' "
                + "renders DATASHEET.md from it.\n" + new Yaml(o).dump(doc));
        AtomicFiles.writeString(layout.datasheet(), datasheet());
    }

    /** The datasheet in Markdown. */
    public String datasheet() {
        StringBuilder md = new StringBuilder("# Datasheet: " + name + " (" + language + ", " + country + "), version "
                + version + "\n\n");
        SECTIONS.forEach((key, question) -> {
            String text = sections.getOrDefault(key, "");
            md.append("## ").append(Character.toUpperCase(key.charAt(0))).append(key.substring(1)).append("\n\n_")
                    .append(question).append("_\n\n").append(text.isBlank() ? "(to be written)" : text.strip())
                    .append("\n\n");
        });
        md.append("## Signs (").append(signs.size()).append(")\n\n");
        signs.forEach(s -> md.append("- ").append(s).append('\n'));
        return md.toString();
    }
}
