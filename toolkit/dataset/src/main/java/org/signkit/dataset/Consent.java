package org.signkit.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.signkit.core.BadInputException;
import org.signkit.core.Csv;

/**
 * The signers' consent records ({@code consent.csv}: one row per signer, {@code #} lines are the template's
 * comments). A release may hold a signer's videos only when that signer's row grants publication; this is checked
 * on every release and {@code --force} does not skip it.
 */
public final class Consent {

    /** The template's columns. */
    public static final List<String> COLUMNS = List.of("signer_id", "consent_version", "recording", "publication", "face_visible",
            "withdrawal_contact", "date");

    private Consent() {
    }

    /** The signers whose row grants publication ({@code publication} yes, y, true or 1). */
    public static Set<String> publishable(Path consent) throws IOException {
        Set<String> out = new TreeSet<>();
        if (!Files.isRegularFile(consent)) {
            return out;
        }
        List<String> lines = Files.readAllLines(consent, StandardCharsets.UTF_8).stream().filter(l -> !l.startsWith("#")).toList();
        if (lines.stream().allMatch(String::isBlank)) {
            return out;
        }
        Csv.File csv = Csv.parse(consent, String.join("\n", lines) + "\n");
        int id = column(csv, consent, "signer_id");
        int publication = column(csv, consent, "publication");
        for (Csv.Row r : csv.rows()) {
            String v = r.fields().get(publication).trim().toLowerCase(Locale.ROOT);
            if (List.of("yes", "y", "true", "1").contains(v)) {
                out.add(r.fields().get(id).trim());
            }
        }
        return out;
    }

    private static int column(Csv.File csv, Path consent, String name) {
        int i = csv.header().indexOf(name);
        if (i < 0) {
            throw new BadInputException(consent, "no column '" + name + "' (columns: " + csv.header() + ")",
                    "keep the template's header: " + String.join(",", COLUMNS));
        }
        return i;
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
