package org.signkit.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.signkit.core.Checksums;

/**
 * {@code signkit dataset check}: finds what a team can still fix by re-recording — missing sign ×
 * signer cells, broken files, low capture rates, variable frame rate, rotation, very short or long
 * takes, blurred takes, the same take imported twice, signs missing from the validation set — each
 * with the protocol item it breaks and the fix.
 */
public final class QualityCheck {

    /** Takes shorter than this cannot hold a sign. */
    public static final double MIN_SECONDS = 0.5;
    /** Takes longer than this are probably several signs or idle recording. */
    public static final double MAX_SECONDS = 10;
    /** Mean grey level below this: too dark (recording protocol P7). */
    public static final double DARK = 40;
    /** Mean grey level above this: overexposed (P7). */
    public static final double BRIGHT = 220;
    /** Grey-level SD below this: a flat picture (P7). */
    public static final double FLAT = 12;

    /** A take is flagged as blurred below this share of the median sharpness of its signer's takes in its group. */
    public static final double BLUR_SHARE = 0.5;
    /** Thumbnails at most this many grey levels apart everywhere are the same take. */
    public static final int DUPLICATE_LEVELS = 8;

    private QualityCheck() {
    }

    /**
     * The check's result.
     *
     * @param dataset    the card's name and version
     * @param signs      the vocabulary
     * @param signers    signers seen in the training group
     * @param takes      training takes per sign and signer
     * @param validation validation takes per sign
     * @param videos     every imported video with its probe facts
     * @param sharpness  sharpness per readable video path
     * @param findings   problems, errors first
     */
    public record Report(String dataset, List<String> signs, List<String> signers, Map<String, Map<String, Integer>> takes,
                         Map<String, Integer> validation, List<ImportedVideo> videos, Map<String, Double> sharpness,
                         List<Finding> findings) {

        /** Number of findings of a severity. */
        public long count(String severity) {
            return findings.stream().filter(f -> f.severity().equals(severity)).count();
        }

        /**
         * The findings to show: errors, release needs and warnings one per row; notes of one kind (same protocol item
         * and fix) in one row naming how many videos and which, since a phone folder gives the same note per video.
         */
        public List<Finding> grouped() {
            List<Finding> out = new ArrayList<>();
            Map<String, List<Finding>> notes = new java.util.LinkedHashMap<>();
            for (Finding f : findings) {
                if (f.severity().equals(Finding.INFO)) {
                    notes.computeIfAbsent(f.protocol() + "\u0000" + f.fix(), k -> new ArrayList<>()).add(f);
                } else {
                    out.add(f);
                }
            }
            for (List<Finding> g : notes.values()) {
                if (g.size() == 1) {
                    out.add(g.get(0));
                    continue;
                }
                List<String> problems = g.stream().map(Finding::problem).distinct().toList();
                String subjects = g.stream().limit(3).map(Finding::subject).collect(java.util.stream.Collectors.joining(", "))
                        + (g.size() > 3 ? ", ..." : "");
                out.add(new Finding(Finding.INFO, g.get(0).protocol(), g.size() + " videos: " + subjects,
                        problems.size() <= 3 ? String.join("; ", problems) : problems.get(0) + " (and " + (problems.size() - 1)
                                + " like it)", g.get(0).fix()));
            }
            return out;
        }
    }

    /** Checks a dataset folder. */
    public static Report run(DatasetLayout layout) throws IOException {
        return run(layout, DatasetProgress.NONE);
    }

    /** Checks a dataset folder, telling {@code progress} after each video measured. */
    public static Report run(DatasetLayout layout, DatasetProgress progress) throws IOException {
        DatasetCard card = DatasetCard.read(layout.card());
        List<Finding> findings = new ArrayList<>();
        // The disk is the truth: an indexed video that is gone or changed since its import is an error, and the
        // rest of the check runs on the videos that are there as imported.
        List<ImportedVideo> videos = new ArrayList<>();
        for (ImportedVideo v : ImportIndex.read(layout)) {
            Path file = layout.root().resolve(v.path());
            if (!Files.isRegularFile(file)) {
                findings.add(new Finding(Finding.ERROR, "", v.path(), "missing on disk (listed in import.csv)",
                        "restore the file, or delete its import.csv row"));
            } else if (!Checksums.sha256(file).equals(v.sha256())) {
                findings.add(new Finding(Finding.ERROR, "", v.path(), "changed since its import (SHA-256 differs)",
                        "restore the imported file, or delete it and its import.csv row and import it again"));
            } else {
                videos.add(v);
            }
        }
        TreeSet<String> signers = new TreeSet<>();
        Map<String, Map<String, Integer>> takes = new TreeMap<>();
        Map<String, Integer> validation = new TreeMap<>();
        for (String s : card.signs()) {
            takes.put(s, new TreeMap<>());
            validation.put(s, 0);
        }
        for (ImportedVideo v : videos) {
            if ("train".equals(v.group())) {
                signers.add(v.signer());
            }
        }
        for (ImportedVideo v : videos) {
            if (!v.readable()) {
                findings.add(new Finding(Finding.ERROR, "", v.path(), "unreadable video: " + v.error(),
                        "re-export or re-record this take, then delete it and its import.csv row and import again"));
                continue;
            }
            if ("train".equals(v.group())) {
                takes.computeIfAbsent(v.sign(), k -> new TreeMap<>()).merge(v.signer(), 1, Integer::sum);
            } else {
                validation.merge(v.sign(), 1, Integer::sum);
            }
            perVideo(v, findings);
        }
        coverage(card, signers, takes, validation, findings);
        Map<String, Double> sharpness = sharpnessAndDuplicates(layout, videos, findings, progress);
        releaseReadiness(layout, card, videos, findings);
        annotationChecks(layout, videos, findings);
        findings.sort((a, b) -> rank(a.severity()) - rank(b.severity()));
        return new Report(card.name() + " " + card.version(), card.signs(), List.copyOf(signers), takes, validation,
                videos, sharpness, findings);
    }

    private static void perVideo(ImportedVideo v, List<Finding> findings) {
        if (v.fps() < 29) {
            findings.add(new Finding(Finding.WARNING, RecordingProtocol.CAPTURE_60.id(), v.path(),
                    String.format(Locale.ROOT, "captured at %.1f FPS", v.fps()),
                    "record at 60 FPS (or at least 30) in the phone's camera settings"));
        } else if (v.fps() < 50 && "train".equals(v.group())) {
            findings.add(new Finding(Finding.INFO, RecordingProtocol.CAPTURE_60.id(), v.path(),
                    String.format(Locale.ROOT, "captured at %.1f FPS", v.fps()),
                    "fine in controlled light and slow signing; otherwise record at 60 FPS and extract at 30"));
        }
        if (v.vfr()) {
            findings.add(new Finding(Finding.WARNING, RecordingProtocol.CAPTURE_60.id(), v.path(),
                    "variable frame rate (the phone changed the rate, usually in low light)",
                    "add light or lock the frame rate; 'signkit frames' resamples by timestamp, so the frames are usable"));
        }
        if (v.rotation() != 0) {
            findings.add(new Finding(Finding.INFO, "", v.path(), "stored rotated by " + v.rotation()
                    + " degrees (phone orientation)", "nothing to do: 'signkit frames' turns frames upright"));
        }
        if (v.seconds() < MIN_SECONDS) {
            findings.add(new Finding(Finding.ERROR, RecordingProtocol.TAKES.id(), v.path(),
                    String.format(Locale.ROOT, "only %.2f s long", v.seconds()), "re-record the whole sign"));
        } else if (v.seconds() > MAX_SECONDS) {
            findings.add(new Finding(Finding.WARNING, RecordingProtocol.TAKES.id(), v.path(),
                    String.format(Locale.ROOT, "%.1f s long: several signs or idle time?", v.seconds()),
                    "trim it to one sign, one take per file"));
        }
    }

    private static void coverage(DatasetCard card, TreeSet<String> signers, Map<String, Map<String, Integer>> takes,
                                 Map<String, Integer> validation, List<Finding> findings) {
        if (signers.size() < 2) {
            findings.add(new Finding(Finding.ERROR, RecordingProtocol.TWO_SIGNERS.id(), "signers",
                    "training videos by " + signers.size() + " signer(s) " + signers,
                    "record every sign with at least one more interpreter"));
        }
        for (String sign : card.signs()) {
            Map<String, Integer> bySigner = takes.get(sign);
            for (String signer : signers) {
                int n = bySigner.getOrDefault(signer, 0);
                if (n == 0) {
                    findings.add(new Finding(Finding.ERROR, RecordingProtocol.TWO_SIGNERS.id(), sign + " / " + signer,
                            "no training take of " + sign + " by " + signer, "record " + sign + " with " + signer));
                } else if (n < 2) {
                    findings.add(new Finding(Finding.WARNING, RecordingProtocol.TAKES.id(), sign + " / " + signer,
                            "one take of " + sign + " by " + signer, "record at least one more take"));
                }
            }
            if (validation.getOrDefault(sign, 0) == 0) {
                findings.add(new Finding(Finding.WARNING, RecordingProtocol.SEPARATE_VALIDATION.id(), sign,
                        "no validation take of " + sign, "record " + sign + " in the validation setting (other place, "
                        + "light, position) and import it with --group validation"));
            }
        }
    }

    private static Map<String, Double> sharpnessAndDuplicates(DatasetLayout layout, List<ImportedVideo> videos,
                                                              List<Finding> findings, DatasetProgress progress) {
        Map<String, Double> sharpness = new TreeMap<>();
        Map<String, VideoQuality> quality = new HashMap<>();
        java.util.Set<String> shas = new java.util.HashSet<>();
        for (int i = 0; i < videos.size(); i++) {
            ImportedVideo v = videos.get(i);
            progress.step("check", i + 1, videos.size(), v.path());
            if (!shas.add(v.sha256()) || !v.readable()) {
                continue;
            }
            VideoQuality q = VideoQuality.measure(layout.root().resolve(v.path()), v.frames());
            quality.put(v.path(), q);
            sharpness.put(v.path(), q.sharpness());
            if (q.brightness() < DARK || q.brightness() > BRIGHT || q.contrast() < FLAT) {
                String what = q.brightness() < DARK ? "too dark" : q.brightness() > BRIGHT ? "overexposed" : "flat";
                findings.add(new Finding(Finding.WARNING, RecordingProtocol.LIGHT.id(), v.path(), String.format(Locale.ROOT,
                        "%s: mean brightness %.0f, contrast %.0f (protocol: brightness %.0f-%.0f, contrast at least %.0f)", what,
                        q.brightness(), q.contrast(), DARK, BRIGHT, FLAT), "re-record with even light on the signer"));
            }
        }
        for (Duplicates.Pair p : Duplicates.pairs(videos, quality)) {
            findings.add(p.exact()
                    ? new Finding(Finding.ERROR, RecordingProtocol.TAKES.id(), p.second(), "the same file as " + p.first(),
                            "delete one of them with 'signkit dataset remove'")
                    : new Finding(Finding.WARNING, RecordingProtocol.TAKES.id(), p.second(), "looks like the same take as "
                            + p.first() + " (near-identical frames)", "check both; remove the copy or re-record one take "
                            + "(splits keep the two on one side meanwhile)"));
        }
        // Sharpness depends on content (clothes, background, light): compare a take with the same signer's
        // takes in the same recording group, where only focus and motion blur should differ.
        // A signer with fewer than 3 takes in a group is compared with all of that group's takes instead.
        Map<String, List<String>> bySigner = new TreeMap<>();
        Map<String, List<String>> byGroup = new TreeMap<>();
        for (ImportedVideo v : videos) {
            if (sharpness.containsKey(v.path())) {
                bySigner.computeIfAbsent(v.group() + " takes of " + v.signer(), k -> new ArrayList<>()).add(v.path());
                byGroup.computeIfAbsent("all " + v.group() + " takes", k -> new ArrayList<>()).add(v.path());
            }
        }
        for (ImportedVideo v : videos) {
            Double s = sharpness.get(v.path());
            if (s == null) {
                continue;
            }
            String signer = v.group() + " takes of " + v.signer();
            String group = bySigner.get(signer).size() >= 3 ? signer : "all " + v.group() + " takes";
            List<String> peers = group.equals(signer) ? bySigner.get(signer) : byGroup.get(group);
            if (peers.size() < 3) {
                continue;
            }
            double median = peers.stream().mapToDouble(sharpness::get).sorted().toArray()[peers.size() / 2];
            if (s < BLUR_SHARE * median) {
                findings.add(new Finding(Finding.WARNING, RecordingProtocol.SIGN_SLOWLY.id(), v.path(),
                        String.format(Locale.ROOT, "blurred: sharpness %.0f, under half the %s median %.0f", s, group, median),
                        "re-record with more light, at 60 FPS, signing more slowly"));
            }
        }
        return sharpness;
    }

    /**
     * What a release needs besides good recordings, as {@link Finding#RELEASE} findings: publication consent for every
     * signer not withdrawn, pseudonymous signer ids (they become file names), a signer record for each, and a written
     * datasheet. A withdrawn signer is a note: their videos leave the next release.
     */
    private static void releaseReadiness(DatasetLayout layout, DatasetCard card, List<ImportedVideo> videos,
                                         List<Finding> findings) throws IOException {
        Map<String, Consent.Record> consent = Consent.read(layout.consent());
        Map<String, Map<String, String>> records = SignerRecords.read(layout.signers());
        TreeSet<String> signers = new TreeSet<>();
        videos.forEach(v -> signers.add(v.signer()));
        for (String s : signers) {
            Consent.Record c = consent.get(s);
            if (c != null && !c.withdrawn().isEmpty()) {
                findings.add(new Finding(Finding.INFO, "", s, "withdrew (" + c.withdrawn() + "): " + videos.stream()
                        .filter(v -> v.signer().equals(s)).count() + " videos leave the next release",
                        "nothing to do; 'signkit dataset remove' deletes the videos for good"));
                continue;
            }
            if (c == null || !c.grants("publication")) {
                findings.add(new Finding(Finding.RELEASE, "", s, c == null ? "no consent record in consent.csv"
                        : "consent does not grant publication", "record the signed consent's scope in consent.csv "
                        + "(publication=yes), or remove the signer's videos; a release refuses it even with --force"));
            }
            if (!SignerRecords.pseudonymous(s)) {
                findings.add(new Finding(Finding.RELEASE, "", s, "signer id '" + s + "' looks like a name, and it is in every"
                        + " file name of theirs", "relabel the videos with a pseudonym (s1, s2, ...): 'signkit dataset relabel'"));
            }
            if (!records.containsKey(s)) {
                findings.add(new Finding(Finding.RELEASE, "", s, "no row in signers.csv", "add the signer's row: "
                        + String.join(",", SignerRecords.COLUMNS)));
            }
        }
        List<String> unwritten = DatasetCard.SECTIONS.keySet().stream()
                .filter(k -> card.sections().getOrDefault(k, "").isBlank()).toList();
        if (!unwritten.isEmpty()) {
            findings.add(new Finding(Finding.RELEASE, "", "datasheet", unwritten.size() + " datasheet sections unwritten: "
                    + String.join(", ", unwritten), "write them under 'datasheet:' in dataset.yaml"));
        }
    }

    /** Annotations that disagree with the index: a gloss of another sign, a video not imported. */
    private static void annotationChecks(DatasetLayout layout, List<ImportedVideo> videos, List<Finding> findings)
            throws IOException {
        Map<String, Glosses.Gloss> glosses = Glosses.read(layout);
        Map<String, ImportedVideo> byPath = new HashMap<>();
        videos.forEach(v -> byPath.put(v.path(), v));
        for (Map.Entry<String, List<Annotation>> e : Annotations.byVideo(Annotations.read(layout)).entrySet()) {
            ImportedVideo v = byPath.get(e.getKey());
            if (v == null) {
                findings.add(new Finding(Finding.WARNING, "", e.getKey(), "annotated but not an imported video on disk",
                        "delete its rows from annotations.csv, or import the video"));
                continue;
            }
            for (Annotation a : e.getValue()) {
                Glosses.Gloss g = glosses.get(a.value());
                if (a.isGloss() && (g == null || !g.sign().equals(v.sign()))) {
                    findings.add(new Finding(Finding.WARNING, "", v.path(), "gloss '" + a.value() + "' at " + a.startMs() + "-"
                            + a.endMs() + " ms is " + (g == null ? "not in glosses.csv" : "a gloss of " + g.sign())
                            + ", but the video is labelled " + v.sign(), "correct the annotation or relabel the video"));
                }
                if (v.seconds() > 0 && a.endMs() > Math.round(v.seconds() * 1000) + 100) {
                    findings.add(new Finding(Finding.WARNING, "", v.path(), "annotation on tier " + a.tier() + " ends at "
                            + a.endMs() + " ms, after the video's end", "correct its times"));
                }
            }
        }
    }

    private static int rank(String severity) {
        return Arrays.asList(Finding.ERROR, Finding.RELEASE, Finding.WARNING, Finding.INFO).indexOf(severity);
    }
}
