package org.signkit.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.signkit.core.BadInputException;
import org.signkit.core.Csv;
import org.signkit.core.SampleLabel;

/**
 * Finds the videos under an input path and labels them, either from the folder tree
 * ({@code <sign>/<signer>_<take>.<ext>}: the folder is the sign, the file name's part before the last
 * underscore is the signer and the part after it the take) or from a CSV mapping with the header
 * {@code video,sign,signer,take} (video paths relative to the input root).
 */
public final class VideoCatalog {

    /** File extensions treated as videos; anything else is listed as ignored. */
    public static final Set<String> VIDEO_EXTENSIONS =
            Set.of("mp4", "mov", "m4v", "avi", "mkv", "webm", "3gp", "mpg", "mpeg", "ts", "mts");

    /**
     * The catalog's result.
     *
     * @param videos   labelled videos, sorted by relative path
     * @param problems files that are videos by name but cannot be labelled (each names the file and the fix)
     * @param ignored  files skipped because their extension is not a video's
     */
    public record Listing(List<LabeledVideo> videos, List<BadInputException> problems, List<Path> ignored) {
    }

    private VideoCatalog() {
    }

    /** Lists and labels the videos under {@code input} (a folder or a single file). */
    public static Listing list(Path input, Path mapping) throws IOException {
        if (!Files.exists(input)) {
            throw new BadInputException(input, "input not found", "give an existing video or folder");
        }
        Path root = Files.isDirectory(input) ? input : input.toAbsolutePath().getParent().getParent();
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(input)) {
            // Symlinked sign folders are followed; a link back up the tree is reported, not walked forever.
            try (Stream<Path> walk = Files.walk(input, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
                walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                        .forEach(files::add);
            } catch (java.io.UncheckedIOException e) {
                if (e.getCause() instanceof java.nio.file.FileSystemLoopException loop) {
                    throw new BadInputException(Path.of(loop.getFile()), "a symbolic link loops back into the input tree",
                            "remove or retarget that link");
                }
                throw e;
            }
        } else {
            files.add(input.toAbsolutePath());
        }
        Map<String, SampleLabel> mapped = mapping == null ? null : readMapping(mapping);
        List<LabeledVideo> videos = new ArrayList<>();
        List<BadInputException> problems = new ArrayList<>();
        List<Path> ignored = new ArrayList<>();
        Map<SampleLabel, String> seen = new HashMap<>();
        for (Path f : files) {
            if (mapping != null && f.toAbsolutePath().normalize().equals(mapping.toAbsolutePath().normalize())) {
                continue;
            }
            String rel = relative(root, f);
            if (!VIDEO_EXTENSIONS.contains(extension(f))) {
                ignored.add(f);
                continue;
            }
            try {
                SampleLabel label = mapped != null ? fromMapping(mapped, rel, f, mapping)
                        : Files.isDirectory(input) ? fromTree(rel, f) : single(rel, f);
                String previous = seen.putIfAbsent(label, rel);
                if (previous != null) {
                    throw new BadInputException(f, "same sign/signer/take as " + previous,
                            "rename one of them so each take has its own number");
                }
                videos.add(new LabeledVideo(f, rel, label));
            } catch (BadInputException e) {
                problems.add(e);
            }
        }
        videos.sort((a, b) -> a.relative().compareTo(b.relative()));
        if (mapped != null) {
            java.util.Set<String> listed = new java.util.HashSet<>();
            for (Path f : files) {
                listed.add(relative(root, f));
            }
            mapped.keySet().stream().filter(k -> !listed.contains(k)).sorted().forEach(k -> problems.add(new BadInputException(mapping,
                    "the row for '" + k + "' names no video under " + input, "fix the path in that row or remove it")));
        }
        if (videos.isEmpty() && problems.isEmpty()) {
            throw new BadInputException(input, "no videos here (looked for " + String.join(", ", VIDEO_EXTENSIONS.stream().sorted().toList())
                    + (ignored.isEmpty() ? "" : "; " + ignored.size() + " other files ignored") + ")",
                    "point at a video or a folder of <sign>/<signer>_<take> videos");
        }
        return new Listing(List.copyOf(videos), List.copyOf(problems), List.copyOf(ignored));
    }

    /** The label of a video given on its own: its layout's when it is named {@code <signer>_<number>}, else unlabelled. */
    static SampleLabel single(String rel, Path file) {
        String name = file.getFileName().toString();
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        return stem.matches(".+_\\d+") && rel.contains("/") ? fromTree(rel, file) : UNLABELLED;
    }

    /** The label of a video that carries none (a clip given by its own name): sign, signer and take "unlabelled". */
    public static final SampleLabel UNLABELLED = new SampleLabel("unlabelled", "unlabelled", "unlabelled");

    static SampleLabel fromTree(String rel, Path file) {
        String[] parts = rel.split("/");
        if (parts.length < 2) {
            throw new BadInputException(file, "cannot tell the sign: the video is not inside a sign folder",
                    "put it in <sign>/<signer>_<take>." + extension(file) + " or give --mapping");
        }
        String name = parts[parts.length - 1];
        String stem = name.substring(0, name.lastIndexOf('.'));
        int us = stem.lastIndexOf('_');
        if (us <= 0 || us == stem.length() - 1) {
            throw new BadInputException(file, "cannot tell signer and take from the name '" + name + "'",
                    "rename it <signer>_<take>." + extension(file) + " (e.g. s01_1) or give --mapping");
        }
        return new SampleLabel(parts[parts.length - 2], stem.substring(0, us), stem.substring(us + 1));
    }

    private static SampleLabel fromMapping(Map<String, SampleLabel> mapped, String rel, Path file, Path mapping) {
        SampleLabel label = mapped.get(rel);
        if (label == null) {
            throw new BadInputException(file, "not listed in " + mapping, "add a row '" + rel + ",<sign>,<signer>,<take>'");
        }
        return label;
    }

    private static Map<String, SampleLabel> readMapping(Path mapping) throws IOException {
        if (!Files.isRegularFile(mapping)) {
            throw new BadInputException(mapping, "mapping file not found", "check the --mapping path");
        }
        Csv.File csv = Csv.read(mapping);
        if (!csv.header().equals(List.of("video", "sign", "signer", "take"))) {
            throw new BadInputException(mapping, "header must be 'video,sign,signer,take', found " + csv.header(),
                    "fix the first line of the mapping");
        }
        Map<String, SampleLabel> out = new HashMap<>();
        for (Csv.Row row : csv.rows()) {
            List<String> f = row.fields();
            try {
                out.put(f.get(0).replace('\\', '/'), new SampleLabel(f.get(1), f.get(2), f.get(3)));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(mapping, "line " + row.line() + ": " + e.getMessage(), "fix that row");
            }
        }
        return out;
    }

    private static String relative(Path root, Path f) {
        return root.toAbsolutePath().normalize().relativize(f.toAbsolutePath().normalize()).toString()
                .replace('\\', '/');
    }

    static String extension(Path f) {
        String n = f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
