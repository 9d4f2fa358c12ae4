package org.signkit.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.signkit.core.AtomicFiles;
import org.signkit.core.BadInputException;
import org.signkit.core.Checksums;
import org.signkit.video.LabeledVideo;
import org.signkit.video.VideoCatalog;
import org.signkit.video.VideoProbe;
import org.signkit.video.VideoProber;

/**
 * Brings phone videos into a dataset's layout: labels from the folder tree ({@code <sign>/<signer>_<take>})
 * or a mapping CSV, copied (or hard-linked) to {@code videos/<group>/<sign>/<signer>_<take>.<ext>}, each
 * checksummed and probed. Unreadable videos are imported and recorded with their error, so the QA check
 * can ask for a re-recording; unlabelled files are reported and skipped.
 */
public final class DatasetImporter {

    /**
     * What an import did.
     *
     * @param imported  videos copied or linked now
     * @param unchanged videos already in the dataset with the same checksum
     * @param problems  files not imported, each with the file and the fix
     */
    public record Result(List<ImportedVideo> imported, int unchanged, List<BadInputException> problems) {
    }

    private DatasetImporter() {
    }

    /**
     * Imports every video under {@code from}.
     *
     * @param group   {@code train} or {@code validation}
     * @param mapping CSV (video,sign,signer,take) labelling files, or null to read labels from the folder tree
     * @param link    hard-link instead of copying (same file system only; falls back to a copy)
     */
    public static Result importVideos(DatasetLayout layout, Path from, Path mapping, String group, boolean link)
            throws IOException {
        return importVideos(layout, from, mapping, group, link, DatasetProgress.NONE);
    }

    /** As {@link #importVideos(DatasetLayout, Path, Path, String, boolean)}, telling {@code progress} after each video. */
    public static Result importVideos(DatasetLayout layout, Path from, Path mapping, String group, boolean link,
                                      DatasetProgress progress) throws IOException {
        if (!DatasetLayout.GROUPS.contains(group)) {
            throw new IllegalArgumentException("unknown group '" + group + "'; use one of " + DatasetLayout.GROUPS);
        }
        DatasetCard card = DatasetCard.read(layout.card());
        VideoCatalog.Listing listing = VideoCatalog.list(from, mapping);
        List<BadInputException> problems = new ArrayList<>(listing.problems());
        Map<String, ImportedVideo> index = new LinkedHashMap<>();
        ImportIndex.read(layout).forEach(r -> index.put(r.path(), r));
        List<ImportedVideo> imported = new ArrayList<>();
        int unchanged = 0;
        int done = 0;
        for (LabeledVideo v : listing.videos()) {
            progress.step("import", ++done, listing.videos().size(), v.file().getFileName().toString());
            String sign = v.label().sign();
            if (!card.signs().contains(sign)) {
                problems.add(new BadInputException(v.file(), "sign '" + sign + "' is not in the card's vocabulary "
                        + card.signs(), "rename the folder or file, or add the sign to dataset.yaml"));
                continue;
            }
            String name = v.file().getFileName().toString();
            String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            String rel = "videos/" + group + "/" + sign + "/" + v.label().signer() + "_" + v.label().take() + "." + ext;
            Path target = layout.root().resolve(rel);
            String sha = Checksums.sha256(v.file());
            ImportedVideo known = index.get(rel);
            if (known != null && known.sha256().equals(sha) && Files.isRegularFile(target)) {
                unchanged++;
                continue;
            }
            if (known != null || Files.exists(target)) {
                problems.add(new BadInputException(v.file(), "another recording is already imported as " + rel,
                        "give this take another number, or delete " + rel + " and its import.csv row to replace it"));
                continue;
            }
            place(v.file(), target, link);
            ImportedVideo row = describe(rel, group, v, sha, target);
            index.put(rel, row);
            imported.add(row);
        }
        ImportIndex.write(layout, new ArrayList<>(index.values()));
        return new Result(imported, unchanged, problems);
    }

    private static void place(Path source, Path target, boolean link) throws IOException {
        Files.createDirectories(target.getParent());
        if (link) {
            try {
                Files.createLink(target, source);
                return;
            } catch (IOException | UnsupportedOperationException e) {
                // another file system: copy instead
            }
        }
        AtomicFiles.write(target, out -> Files.copy(source, out));
    }

    private static ImportedVideo describe(String rel, String group, LabeledVideo v, String sha, Path target)
            throws IOException {
        long bytes = Files.size(target);
        try {
            VideoProbe p = VideoProber.probe(target);
            if (p.decodedFrames() == 0) {
                return failed(rel, group, v, sha, bytes, "no frame could be decoded");
            }
            return new ImportedVideo(rel, group, v.label().sign(), v.label().signer(), v.label().take(),
                    v.file().toString(), sha, bytes, p.stream().avgFrameRate().toDouble(), p.variableFrameRate(),
                    p.stream().rotation(), p.stream().width(), p.stream().height(), p.durationSeconds(),
                    p.decodedFrames(), p.decodeErrors() > 0 ? p.decodeErrors() + " packets failed to decode" : "");
        } catch (BadInputException e) {
            return failed(rel, group, v, sha, bytes, e.reason());
        }
    }

    private static ImportedVideo failed(String rel, String group, LabeledVideo v, String sha, long bytes, String why) {
        return new ImportedVideo(rel, group, v.label().sign(), v.label().signer(), v.label().take(), v.file().toString(),
                sha, bytes, 0, false, 0, 0, 0, 0, 0, why);
    }
}
