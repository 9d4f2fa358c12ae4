package org.signkit.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The signers' metadata ({@code signers.csv}), after the ASL Citizen datasheet: one row per pseudonymous signer with
 * an age band, gender as the signer describes it, hearing status, fluency, dominant hand and region or dialect.
 * Signer ids are pseudonyms ({@link #PSEUDONYM}): a name in an id would end up in every file name of the release.
 */
public final class SignerRecords {

    /** The template's columns. */
    public static final List<String> COLUMNS = List.of("signer_id", "age_band", "gender", "hearing_status", "fluency",
            "dominant_hand", "region_dialect", "years_signing", "recorded_groups", "notes");

    /** A pseudonymous id: up to three letters and a number ({@code s1}, {@code S07}, {@code p12}), or a number. */
    public static final Pattern PSEUDONYM = Pattern.compile("[A-Za-z]{0,3}\\d{1,4}");

    private SignerRecords() {
    }

    /** The rows by signer id (column name to value); none without the file. */
    public static Map<String, Map<String, String>> read(Path signers) throws IOException {
        Map<String, Map<String, String>> out = new TreeMap<>();
        TemplateCsv.read(signers, COLUMNS, "signer_id").forEach(r -> out.put(r.fields().get("signer_id"), r.fields()));
        return out;
    }

    /** True when {@code id} is a pseudonym, not (perhaps) a name. */
    public static boolean pseudonymous(String id) {
        return PSEUDONYM.matcher(id).matches();
    }
}
