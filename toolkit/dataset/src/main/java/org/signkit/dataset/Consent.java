package org.signkit.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.signkit.core.BadInputException;

/**
 * The signers' consent records ({@code consent.csv}: one row per signer, {@code #} lines are the template's
 * comments): the scope each signer agreed to (research use, publication, images in papers, face visible) and
 * withdrawal. A release may hold a signer's videos only when that signer's row grants publication and is not
 * withdrawn; this is checked on every release and {@code --force} does not skip it. A withdrawn signer's videos leave
 * the next release.
 */
public final class Consent {

    /**
     * The template's columns. The first seven are those of the first template, so a file from it reads the same.
     */
    public static final List<String> COLUMNS = List.of("signer_id", "consent_version", "research", "publication", "face_visible",
            "withdrawal_contact", "date", "images_in_papers", "withdrawn");

    /** The columns a release carries: the scope, without the contact. */
    public static final List<String> RELEASED_COLUMNS = List.of("signer_id", "consent_version", "research", "publication",
            "face_visible", "images_in_papers", "date");

    /**
     * One signer's consent.
     *
     * @param signer         pseudonymous signer id
     * @param fields         the row by column name
     */
    public record Record(String signer, Map<String, String> fields) {

        /** True when the column holds yes, y, true or 1. */
        public boolean grants(String column) {
            return List.of("yes", "y", "true", "1").contains(fields.getOrDefault(column, "").trim().toLowerCase(Locale.ROOT));
        }

        /** The withdrawal date (or any note), empty when not withdrawn. */
        public String withdrawn() {
            String w = fields.getOrDefault("withdrawn", "").trim();
            return List.of("no", "n", "false", "0").contains(w.toLowerCase(Locale.ROOT)) ? "" : w;
        }

        /** Publication granted and not withdrawn. */
        public boolean publishable() {
            return grants("publication") && withdrawn().isEmpty();
        }
    }

    private Consent() {
    }

    /** The records by signer id; none without the file. */
    public static Map<String, Record> read(Path consent) throws IOException {
        Map<String, Record> out = new TreeMap<>();
        for (TemplateCsv.Row r : TemplateCsv.read(consent, COLUMNS, "signer_id", "publication")) {
            String signer = r.fields().get("signer_id");
            if (out.put(signer, new Record(signer, r.fields())) != null) {
                throw new BadInputException(consent, "line " + r.line() + ": a second row for signer '" + signer + "'",
                        "keep one row per signer (record a withdrawal in the withdrawn column)");
            }
        }
        return out;
    }

    /** The signers whose row grants publication and who have not withdrawn. */
    public static Set<String> publishable(Path consent) throws IOException {
        Set<String> out = new TreeSet<>();
        read(consent).values().stream().filter(Record::publishable).forEach(r -> out.add(r.signer()));
        return out;
    }

    /** The signers who have withdrawn. */
    public static Set<String> withdrawn(Path consent) throws IOException {
        Set<String> out = new TreeSet<>();
        read(consent).values().stream().filter(r -> !r.withdrawn().isEmpty()).forEach(r -> out.add(r.signer()));
        return out;
    }

    /** Refuses a release of {@code signers} unless every one of them has publication consent in {@code consent}. */
    public static void requireFor(Collection<String> signers, Path consent) throws IOException {
        Set<String> missing = new TreeSet<>(signers);
        missing.removeAll(publishable(consent));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no publication consent for " + missing + " in " + consent + ": add one row per signer ("
                    + String.join(",", COLUMNS) + ") with publication=yes, or remove their videos; --force does not skip consent");
        }
    }
}
