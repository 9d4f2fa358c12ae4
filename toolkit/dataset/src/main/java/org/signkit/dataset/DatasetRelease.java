package org.signkit.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.signkit.core.AtomicFiles;
import org.signkit.core.Checksums;

/**
 * {@code signkit dataset release}: a versioned folder {@code releases/v<X.Y>/} with the card at that
 * version, datasheet, protocol, video index, splits, QA report, optionally the frames, and
 * the videos themselves and {@code SHA256SUMS} over every file, with paths relative to the release root (so
 * {@code sha256sum -c SHA256SUMS} verifies it there); plus a changelog entry. Refused without publication consent for
 * every signer in it ({@link Consent}, whatever {@code force} says), and while the QA check has errors unless forced.
 */
public final class DatasetRelease {

    private DatasetRelease() {
    }

    /**
     * Makes a release.
     *
     * @param frames a frames folder to include, or null
     * @param force  release even when the QA check has errors
     * @return the release folder
     */
    public static Path release(DatasetLayout layout, String version, Path frames, boolean force) throws IOException {
        if (!version.matches("\\d+\\.\\d+")) {
            throw new IllegalArgumentException("version must look like 1.0, got '" + version + "'");
        }
        Path target = layout.releases().resolve("v" + version);
        if (Files.exists(target)) {
            throw new IllegalArgumentException(target + " exists: releases are immutable; choose a new version");
        }
        List<ImportedVideo> videos = ImportIndex.read(layout);
        Consent.requireFor(videos.stream().map(ImportedVideo::signer).distinct().toList(), layout.consent());
        QualityCheck.Report qa = QualityCheck.run(layout);
        QaReportWriter.write(layout, qa);
        if (qa.count(Finding.ERROR) > 0 && !force) {
            throw new IllegalStateException("the QA check has " + qa.count(Finding.ERROR) + " errors (see "
                    + layout.qa().resolve("report.md") + "): fix them, or release anyway with --force");
        }
        DatasetCard card = DatasetCard.read(layout.card()).withVersion(version);
        card.write(layout);
        Path partial = AtomicFiles.partialSibling(target);
        AtomicFiles.deleteRecursively(partial);
        Files.createDirectories(partial);
        for (Path p : List.of(layout.card(), layout.datasheet(), layout.protocol(), layout.importIndex(),
                layout.signers(), layout.consent())) {
            if (Files.isRegularFile(p)) {
                Files.copy(p, partial.resolve(p.getFileName()));
            }
        }
        copyTree(layout.splits(), partial.resolve("splits"));
        copyTree(layout.qa(), partial.resolve("qa"));
        if (frames != null) {
            copyTree(frames, partial.resolve("frames"));
        }
        // The videos go into the release (hard links where the file system allows), so that it is whole and
        // `sha256sum -c SHA256SUMS` verifies every file from the release root.
        for (ImportedVideo v : videos) {
            Path from = layout.root().resolve(v.path());
            Path to = partial.resolve(v.path());
            Files.createDirectories(to.getParent());
            try {
                Files.createLink(to, from);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(from, to);
            }
        }
        StringBuilder sums = new StringBuilder();
        try (Stream<Path> walk = Files.walk(partial)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                sums.append(Checksums.sha256(p)).append("  ").append(partial.relativize(p).toString().replace('\\', '/')).append('\n');
            }
        }
        Files.writeString(partial.resolve("SHA256SUMS"), sums.toString());
        AtomicFiles.publishDirectory(partial, target);
        String entry = String.format(Locale.ROOT, "## v%s (%s)%n%n%d videos (%d train, %d validation), %d signs, "
                        + "%d signers; QA: %d errors, %d warnings%s.%n%n", version, LocalDate.now(ZoneOffset.UTC),
                videos.size(), videos.stream().filter(v -> v.group().equals("train")).count(),
                videos.stream().filter(v -> v.group().equals("validation")).count(), card.signs().size(),
                qa.signers().size(), qa.count(Finding.ERROR), qa.count(Finding.WARNING),
                qa.count(Finding.ERROR) > 0 ? " (released with --force)" : "");
        String old = Files.isRegularFile(layout.changelog()) ? Files.readString(layout.changelog()) : "# Changelog\n\n";
        int at = old.indexOf("## ");
        AtomicFiles.writeString(layout.changelog(), at < 0 ? old + entry : old.substring(0, at) + entry + old.substring(at));
        return target;
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
