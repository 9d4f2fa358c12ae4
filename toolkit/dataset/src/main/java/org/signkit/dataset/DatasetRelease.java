package org.signkit.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.signkit.core.AtomicFiles;
import org.signkit.core.Checksums;
import org.signkit.core.Csv;
import org.signkit.core.CsvTable;
import org.signkit.core.Json;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code signkit dataset release}: a versioned folder {@code releases/v<X.Y>/} holding the card at that version, the
 * datasheet, protocol, gloss list, video index, annotations, signer records and consent scope of the signers in it,
 * the splits, the QA report, optionally the frames, the videos themselves, a {@code README.md} dataset card with a
 * Hugging Face-style YAML header, a {@code manifest.json} with the counts, and {@code SHA256SUMS} over every file with
 * paths relative to the release root (so {@code sha256sum -c SHA256SUMS} verifies it there); plus a changelog entry.
 *
 * <p>Refused without publication consent for every signer in it ({@link Consent}) and while a signer id looks like a
 * name, whatever {@code force} says; refused while the QA check has errors or release needs (signer records, the
 * datasheet) unless forced. A withdrawn signer's videos are left out, and the release says so. What is released
 * leaves out what could identify people beyond their consent: the phone-side source paths of the index and the
 * withdrawal contacts of the consent file.
 */
public final class DatasetRelease {

    /**
     * A release made.
     *
     * @param folder    the release folder
     * @param videos    videos in it
     * @param withdrawn signers whose videos were left out
     * @param left      videos left out with them
     * @param forced    released with --force over QA errors or release needs
     */
    public record Result(Path folder, int videos, Set<String> withdrawn, int left, boolean forced) {
    }

    /** The columns of the released index: {@code source} (a phone-side path, which may hold names) is left out. */
    static final List<String> RELEASED_INDEX = ImportedVideo.COLUMNS.stream().filter(c -> !c.equals("source")).toList();

    private DatasetRelease() {
    }

    /** As {@link #release(DatasetLayout, String, Path, boolean, DatasetProgress)}, silently. */
    public static Path release(DatasetLayout layout, String version, Path frames, boolean force) throws IOException {
        return release(layout, version, frames, force, DatasetProgress.NONE).folder();
    }

    /**
     * Makes a release.
     *
     * @param frames a frames folder to include, or null
     * @param force  release even when the QA check has errors or release needs (never without consent)
     */
    public static Result release(DatasetLayout layout, String version, Path frames, boolean force, DatasetProgress progress)
            throws IOException {
        if (!version.matches("\\d+\\.\\d+")) {
            throw new IllegalArgumentException("version must look like 1.0, got '" + version + "'");
        }
        Path target = layout.releases().resolve("v" + version);
        if (Files.exists(target)) {
            throw new IllegalArgumentException(target + " exists: releases are immutable; choose a new version");
        }
        Set<String> withdrawn = Consent.withdrawn(layout.consent());
        List<ImportedVideo> all = ImportIndex.read(layout);
        List<ImportedVideo> videos = all.stream().filter(v -> !withdrawn.contains(v.signer())).toList();
        Set<String> signers = new TreeSet<>();
        videos.forEach(v -> signers.add(v.signer()));
        Consent.requireFor(signers, layout.consent());
        List<String> names = signers.stream().filter(s -> !SignerRecords.pseudonymous(s)).toList();
        if (!names.isEmpty()) {
            throw new IllegalStateException("signer ids " + names + " look like names, and they are in the released file names: "
                    + "relabel their videos with pseudonyms (s1, s2, ...) with 'signkit dataset relabel'; --force does not skip this");
        }
        if (frames != null && all.size() != videos.size()) {
            throw new IllegalStateException("--frames with withdrawn signers " + withdrawn + ": the frames hold their videos; "
                    + "extract the frames again without them ('signkit dataset remove' their videos first)");
        }
        QualityCheck.Report qa = QualityCheck.run(layout, progress);
        QaReportWriter.write(layout, qa);
        long blocking = qa.count(Finding.ERROR) + qa.count(Finding.RELEASE);
        if (blocking > 0 && !force) {
            throw new IllegalStateException("the QA check has " + qa.count(Finding.ERROR) + " errors and " + qa.count(Finding.RELEASE)
                    + " release needs (see " + layout.qa().resolve("report.md") + "): fix them, or release anyway with --force");
        }
        DatasetCard card = DatasetCard.read(layout.card()).withVersion(version);
        card.write(layout);
        Path partial = AtomicFiles.partialSibling(target);
        AtomicFiles.deleteRecursively(partial);
        Files.createDirectories(partial);
        for (Path p : List.of(layout.card(), layout.datasheet(), layout.protocol(), layout.glosses())) {
            if (Files.isRegularFile(p)) {
                Files.copy(p, partial.resolve(p.getFileName()));
            }
        }
        Set<String> released = new TreeSet<>();
        videos.forEach(v -> released.add(v.path()));
        CsvTable.write(partial.resolve(layout.importIndex().getFileName()), RELEASED_INDEX, videos, v -> {
            List<String> f = new ArrayList<>(v.fields());
            f.remove(ImportedVideo.COLUMNS.indexOf("source"));
            return f;
        });
        List<Annotation> annotations = Annotations.read(layout).stream().filter(a -> released.contains(a.video())).toList();
        CsvTable.write(partial.resolve(layout.annotations().getFileName()), Annotation.COLUMNS, annotations, Annotation::fields);
        writeSigners(layout, signers, partial);
        Map<String, int[]> splitCounts = copySplits(layout, released, withdrawn, partial.resolve("splits"));
        copyTree(layout.qa(), partial.resolve("qa"));
        if (frames != null) {
            copyTree(frames, partial.resolve("frames"));
        }
        // The videos go into the release (hard links where the file system allows), so that it is whole and
        // `sha256sum -c SHA256SUMS` verifies every file from the release root.
        for (int i = 0; i < videos.size(); i++) {
            ImportedVideo v = videos.get(i);
            Path from = layout.root().resolve(v.path());
            Path to = partial.resolve(v.path());
            Files.createDirectories(to.getParent());
            try {
                Files.createLink(to, from);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(from, to);
            }
            progress.step("release", i + 1, videos.size(), v.path());
        }
        Map<String, Object> manifest = manifest(card, videos, signers, withdrawn, all.size() - videos.size(), annotations,
                splitCounts, qa, blocking > 0);
        Json.write(partial.resolve("manifest.json"), manifest);
        AtomicFiles.writeString(partial.resolve("README.md"), huggingFaceCard(card, videos, signers, withdrawn, qa) + card.datasheet());
        StringBuilder sums = new StringBuilder();
        try (Stream<Path> walk = Files.walk(partial)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                sums.append(Checksums.sha256(p)).append("  ").append(partial.relativize(p).toString().replace('\\', '/')).append('\n');
            }
        }
        Files.writeString(partial.resolve("SHA256SUMS"), sums.toString());
        AtomicFiles.publishDirectory(partial, target);
        String entry = String.format(Locale.ROOT, "## v%s (%s)%n%n%d videos (%d train, %d validation), %d signs, "
                        + "%d signers; QA: %d errors, %d release needs, %d warnings%s.%s%n%n", version, LocalDate.now(ZoneOffset.UTC),
                videos.size(), count(videos, "train"), count(videos, "validation"), card.signs().size(), signers.size(),
                qa.count(Finding.ERROR), qa.count(Finding.RELEASE), qa.count(Finding.WARNING),
                blocking > 0 ? " (released with --force)" : "", withdrawn.isEmpty() ? "" : String.format(Locale.ROOT,
                        " Withdrawn: %s (%d videos left out).", String.join(", ", withdrawn), all.size() - videos.size()));
        String old = Files.isRegularFile(layout.changelog()) ? Files.readString(layout.changelog()) : "# Changelog\n\n";
        int at = old.indexOf("## ");
        AtomicFiles.writeString(layout.changelog(), at < 0 ? old + entry : old.substring(0, at) + entry + old.substring(at));
        return new Result(target, videos.size(), withdrawn, all.size() - videos.size(), blocking > 0);
    }

    private static long count(List<ImportedVideo> videos, String group) {
        return videos.stream().filter(v -> v.group().equals(group)).count();
    }

    /** signers.csv and the consent scope (without contacts) of the released signers. */
    private static void writeSigners(DatasetLayout layout, Set<String> signers, Path partial) throws IOException {
        Map<String, Map<String, String>> records = SignerRecords.read(layout.signers());
        CsvTable.write(partial.resolve(layout.signers().getFileName()), SignerRecords.COLUMNS,
                signers.stream().map(s -> records.getOrDefault(s, Map.of("signer_id", s))).toList(),
                r -> SignerRecords.COLUMNS.stream().map(c -> r.getOrDefault(c, "")).toList());
        Map<String, Consent.Record> consent = Consent.read(layout.consent());
        CsvTable.write(partial.resolve(layout.consent().getFileName()), Consent.RELEASED_COLUMNS,
                signers.stream().map(consent::get).toList(),
                r -> Consent.RELEASED_COLUMNS.stream().map(c -> r.fields().getOrDefault(c, "")).toList());
    }

    /**
     * The frozen splits, less the rows of videos not released (withdrawn, removed); returns train and test rows per
     * split file.
     */
    private static Map<String, int[]> copySplits(DatasetLayout layout, Set<String> released, Set<String> withdrawn, Path to)
            throws IOException {
        Map<String, int[]> counts = new TreeMap<>();
        if (!Files.isDirectory(layout.splits())) {
            return counts;
        }
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(layout.splits())) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList()) {
                Csv.File csv = Csv.read(f);
                String fix = "the split file: signkit dataset split writes path,sign,signer,take,split";
                int path = csv.column("path", fix);
                int signer = csv.column("signer", fix);
                int side = csv.column("split", fix);
                StringBuilder out = new StringBuilder(Csv.line(csv.header())).append('\n');
                int[] c = new int[2];
                for (Csv.Row r : csv.rows()) {
                    String p = r.fields().get(path);
                    boolean keep = !withdrawn.contains(r.fields().get(signer)) && (!p.startsWith("videos/") || released.contains(p));
                    if (keep) {
                        out.append(Csv.line(r.fields())).append('\n');
                        c["test".equals(r.fields().get(side)) ? 1 : 0]++;
                    }
                }
                Files.writeString(to.resolve(f.getFileName()), out.toString());
                counts.put(f.getFileName().toString(), c);
            }
        }
        return counts;
    }

    private static Map<String, Object> manifest(DatasetCard card, List<ImportedVideo> videos, Set<String> signers,
                                                Set<String> withdrawn, int left, List<Annotation> annotations,
                                                Map<String, int[]> splits, QualityCheck.Report qa, boolean forced) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", card.name());
        m.put("version", card.version());
        m.put("sign_language", card.language());
        m.put("country", card.country());
        m.put("signs", card.signs().size());
        m.put("signers", signers.size());
        Map<String, Long> groups = new LinkedHashMap<>();
        DatasetLayout.GROUPS.forEach(g -> groups.put(g, count(videos, g)));
        m.put("videos", ordered("total", videos.size(), "by_group", groups));
        Map<String, Long> bySign = new TreeMap<>();
        Map<String, Long> bySigner = new TreeMap<>();
        videos.forEach(v -> {
            bySign.merge(v.sign(), 1L, Long::sum);
            bySigner.merge(v.signer(), 1L, Long::sum);
        });
        m.put("videos_per_sign", bySign);
        m.put("videos_per_signer", bySigner);
        m.put("seconds", Math.round(videos.stream().mapToDouble(ImportedVideo::seconds).sum() * 10) / 10.0);
        m.put("annotations", ordered("total", annotations.size(), "videos_with_gloss",
                annotations.stream().filter(Annotation::isGloss).map(Annotation::video).distinct().count()));
        Map<String, Object> s = new TreeMap<>();
        splits.forEach((f, c) -> s.put(f, ordered("train", c[0], "test", c[1])));
        m.put("splits", s);
        m.put("withdrawn_signers", withdrawn.size());
        m.put("videos_left_out_for_withdrawal", left);
        m.put("qa", ordered("errors", qa.count(Finding.ERROR), "release_needs", qa.count(Finding.RELEASE),
                "warnings", qa.count(Finding.WARNING), "forced", forced));
        return m;
    }

    /** A map in the order given (keys and values alternating), so the files written are the same on every run. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** The YAML header of a Hugging Face dataset card, with signkit's counts under {@code signkit:}. */
    static String huggingFaceCard(DatasetCard card, List<ImportedVideo> videos, Set<String> signers, Set<String> withdrawn,
                                  QualityCheck.Report qa) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("pretty_name", card.name());
        h.put("language", List.of("sgn"));
        String licence = card.sections().getOrDefault("licence", "").strip();
        String first = licence.isEmpty() ? "" : licence.split("\\s+")[0].toLowerCase(Locale.ROOT).replaceAll("[.,;:]$", "");
        h.put("license", first.matches("(cc|cc0|mit|apache|odc|odbl|pddl|gpl|lgpl|bsd|openrail)[a-z0-9.-]*") ? first : "other");
        h.put("tags", List.of("sign-language", card.language(), card.country()));
        h.put("task_categories", List.of("video-classification"));
        int n = videos.size();
        h.put("size_categories", List.of(n < 1000 ? "n<1K" : n < 10000 ? "1K<n<10K" : n < 100000 ? "10K<n<100K" : "100K<n<1M"));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("version", card.version());
        s.put("sign_language", card.language());
        s.put("country", card.country());
        s.put("signs", card.signs());
        s.put("signers", signers.size());
        s.put("videos", ordered("train", count(videos, "train"), "validation", count(videos, "validation")));
        s.put("withdrawn_signers", withdrawn.size());
        s.put("datasheet_sections_unwritten", DatasetCard.SECTIONS.keySet().stream()
                .filter(k -> card.sections().getOrDefault(k, "").isBlank()).toList());
        s.put("qa_errors", qa.count(Finding.ERROR));
        h.put("signkit", s);
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return "---\n" + new Yaml(o).dump(h) + "---\n\n";
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
