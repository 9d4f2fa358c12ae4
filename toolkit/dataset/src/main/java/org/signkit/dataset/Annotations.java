package org.signkit.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.signkit.core.BadInputException;
import org.signkit.core.CsvTable;

/** Reads and writes {@code annotations.csv}, the time-aligned annotations of the dataset's videos. */
public final class Annotations {

    private Annotations() {
    }

    /** Every annotation, or none before the first. */
    public static List<Annotation> read(DatasetLayout layout) throws IOException {
        if (!Files.isRegularFile(layout.annotations())) {
            return new ArrayList<>();
        }
        return CsvTable.read(layout.annotations(), Annotation.COLUMNS, Annotation::parse, "a signkit annotation file",
                "keep the header " + String.join(",", Annotation.COLUMNS), "fix the line: video,tier,start_ms,end_ms,value,origin");
    }

    /** Writes them sorted by video, tier and start, atomically. */
    public static void write(DatasetLayout layout, List<Annotation> rows) throws IOException {
        List<Annotation> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(Annotation::video).thenComparing(Annotation::tier).thenComparingLong(Annotation::startMs));
        CsvTable.write(layout.annotations(), Annotation.COLUMNS, sorted, Annotation::fields);
    }

    /** The annotations per video, in file order. */
    public static Map<String, List<Annotation>> byVideo(List<Annotation> rows) {
        Map<String, List<Annotation>> out = new TreeMap<>();
        rows.forEach(a -> out.computeIfAbsent(a.video(), k -> new ArrayList<>()).add(a));
        return out;
    }

    /** The sign's span of a video: its gloss-tier annotation (the first, when there are several). */
    public static Optional<Annotation> signSpan(List<Annotation> ofVideo) {
        return ofVideo.stream().filter(Annotation::isGloss).min(Comparator.comparingLong(Annotation::startMs));
    }

    /**
     * The sign span of every annotated video, keyed as a frames manifest made from {@code input} (a video, or a folder of
     * them inside the dataset, such as {@code videos/}) names its source videos: for {@code frames --trim annotation}.
     */
    public static Map<String, org.signkit.hands.SigningSpace.Span> signSpans(DatasetLayout layout, java.nio.file.Path input)
            throws IOException {
        if (!Files.isRegularFile(layout.annotations())) {
            throw new BadInputException(layout.annotations(), "no annotations", "run 'signkit dataset annotate "
                    + layout.root() + "' (or import ELAN files with 'import-eaf') first");
        }
        java.nio.file.Path base = (Files.isDirectory(input) ? input : input.getParent()).toAbsolutePath().normalize();
        Map<String, org.signkit.hands.SigningSpace.Span> out = new TreeMap<>();
        byVideo(read(layout)).forEach((video, list) -> signSpan(list).ifPresent(a -> {
            java.nio.file.Path file = layout.root().resolve(video).toAbsolutePath().normalize();
            if (file.startsWith(base)) {
                out.put(base.relativize(file).toString().replace('\\', '/'),
                        new org.signkit.hands.SigningSpace.Span(a.startMs() / 1000.0, a.endMs() / 1000.0));
            }
        }));
        return out;
    }

    /**
     * Replaces every annotation of {@code video} with {@code replacement}, after checking the video is in the index and
     * the gloss IDs are in the gloss list.
     */
    public static void replace(DatasetLayout layout, String video, List<Annotation> replacement) throws IOException {
        if (ImportIndex.read(layout).stream().noneMatch(v -> v.path().equals(video))) {
            throw new BadInputException(layout.importIndex(), "no video '" + video + "' in the index",
                    "import it first, or name it as import.csv lists it");
        }
        Map<String, Glosses.Gloss> glosses = Glosses.read(layout);
        for (Annotation a : replacement) {
            if (a.isGloss() && !glosses.containsKey(a.value())) {
                throw new BadInputException(layout.glosses(), "gloss ID '" + a.value() + "' (annotation of " + video + " at "
                        + a.startMs() + " ms) is not in the gloss list", "add it to glosses.csv, or correct the annotation");
            }
        }
        List<Annotation> all = new ArrayList<>(read(layout));
        all.removeIf(a -> a.video().equals(video));
        all.addAll(replacement);
        write(layout, all);
    }
}
