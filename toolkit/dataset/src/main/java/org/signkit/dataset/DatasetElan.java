package org.signkit.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.signkit.core.AtomicFiles;
import org.signkit.core.BadInputException;

/**
 * {@code signkit dataset export-eaf} and {@code import-eaf}: the dataset's annotations as ELAN files, one per video,
 * laid out like {@code videos/} and linked to their video by a relative media URL, so ELAN opens each with its video;
 * and back. An import replaces the video's annotations with the file's tiers (the tier named {@code glossTier}
 * becomes the gloss tier), each marked {@link Annotation.Origin#EAF}.
 */
public final class DatasetElan {

    private DatasetElan() {
    }

    /** Writes one {@code .eaf} per annotated video under {@code out}; returns the files. */
    public static List<Path> export(DatasetLayout layout, Path out) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, List<Annotation>> e : Annotations.byVideo(Annotations.read(layout)).entrySet()) {
            String video = e.getKey();
            Path file = out.resolve(video.replaceFirst("\\.[^./]+$", "") + ".eaf");
            Files.createDirectories(file.getParent());
            String media = file.getParent().toAbsolutePath().normalize()
                    .relativize(layout.root().resolve(video).toAbsolutePath().normalize()).toString().replace('\\', '/');
            AtomicFiles.writeString(file, Eaf.write(e.getValue(), media));
            written.add(file);
        }
        return written;
    }

    /**
     * Imports one ELAN file.
     *
     * @param video     the video it annotates, as import.csv lists it; null to take it from the file's media URL
     * @param glossTier the ELAN tier holding the glosses (becomes the gloss tier)
     * @return the annotations now held for the video
     */
    public static List<Annotation> importFile(DatasetLayout layout, Path eaf, String video, String glossTier) throws IOException {
        Eaf.Content content = Eaf.read(eaf);
        String target = video != null ? video.replace('\\', '/') : videoOf(layout, eaf, content.media());
        if (content.annotations().stream().noneMatch(a -> a.tier().equals(glossTier))) {
            throw new BadInputException(eaf, "no tier '" + glossTier + "' (tiers: " + content.annotations().stream().map(Eaf.Read::tier)
                    .distinct().toList() + ")", "name the gloss tier with --gloss-tier");
        }
        List<Annotation> annotations = new ArrayList<>();
        for (Eaf.Read r : content.annotations()) {
            String tier = r.tier().equals(glossTier) ? Annotation.GLOSS_TIER : r.tier();
            if (!r.tier().equals(glossTier) && tier.equals(Annotation.GLOSS_TIER)) {
                throw new BadInputException(eaf, "a tier named '" + Annotation.GLOSS_TIER + "' besides the gloss tier '" + glossTier + "'",
                        "rename one of them in ELAN");
            }
            annotations.add(new Annotation(target, tier, r.startMs(), r.endMs(), r.value().strip(), Annotation.Origin.EAF));
        }
        Annotations.replace(layout, target, annotations);
        return annotations;
    }

    /** The indexed video an EAF file's media URL names: resolved from the file's folder, else by unique file name. */
    private static String videoOf(DatasetLayout layout, Path eaf, String media) throws IOException {
        List<ImportedVideo> index = ImportIndex.read(layout);
        if (media.isEmpty()) {
            throw new BadInputException(eaf, "no media file is linked", "give the video with --video videos/...");
        }
        String url = media.replaceFirst("^file:(//)?", "");
        Path root = layout.root().toAbsolutePath().normalize();
        try {
            Path resolved = eaf.toAbsolutePath().getParent().resolve(url).normalize();
            if (resolved.startsWith(root)) {
                String rel = root.relativize(resolved).toString().replace('\\', '/');
                if (index.stream().anyMatch(v -> v.path().equals(rel))) {
                    return rel;
                }
            }
        } catch (java.nio.file.InvalidPathException e) {
            // an odd URL: try the file name below
        }
        String name = url.substring(url.lastIndexOf('/') + 1);
        List<String> same = index.stream().map(ImportedVideo::path).filter(p -> p.endsWith("/" + name)).toList();
        if (same.size() != 1) {
            throw new BadInputException(eaf, "its media '" + media + "' is " + (same.isEmpty() ? "not an imported video" : "ambiguous: "
                    + same), "give the video with --video videos/...");
        }
        return same.get(0);
    }
}
