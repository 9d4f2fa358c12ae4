package org.signkit.dataset;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.signkit.core.BadInputException;

/**
 * {@code signkit dataset annotate}: a suggested gloss-tier annotation (the sign's start and end, valued with the
 * gloss ID of the video's sign) for every readable video that has none. Annotations from ELAN or by hand are never
 * replaced; earlier suggestions are kept unless {@code redo}, so a rerun resumes. The annotations file is written
 * after every video, so an interrupted run keeps what it found.
 */
public final class DatasetAnnotator {

    /**
     * What a run did.
     *
     * @param suggested videos given a suggestion now
     * @param kept      videos that already had a gloss annotation
     * @param spans     the suggestions made, per video
     */
    public record Result(int suggested, int kept, Map<String, SignSpanSuggester.Span> spans) {
    }

    private DatasetAnnotator() {
    }

    /** Annotates the dataset's videos. */
    public static Result run(DatasetLayout layout, SignSpanSuggester suggester, boolean redo, DatasetProgress progress)
            throws IOException {
        Map<String, Glosses.Gloss> glosses = Glosses.read(layout);
        List<ImportedVideo> videos = ImportIndex.read(layout).stream().filter(ImportedVideo::readable).toList();
        Map<String, SignSpanSuggester.Span> spans = new java.util.TreeMap<>();
        int kept = 0;
        // Read once: each step below changes only its own video's rows, which it writes at once.
        Map<String, List<Annotation>> byVideo = Annotations.byVideo(Annotations.read(layout));
        for (int i = 0; i < videos.size(); i++) {
            ImportedVideo v = videos.get(i);
            List<Annotation> mine = new ArrayList<>(byVideo.getOrDefault(v.path(), List.of()));
            boolean confirmed = mine.stream().anyMatch(a -> a.isGloss() && !a.origin().suggested());
            boolean suggested = mine.stream().anyMatch(a -> a.isGloss() && a.origin().suggested());
            if (confirmed || (suggested && !redo)) {
                kept++;
                progress.step("annotate", i + 1, videos.size(), v.path());
                continue;
            }
            String gloss = glosses.values().stream().filter(g -> g.sign().equals(v.sign())).map(Glosses.Gloss::id).findFirst()
                    .orElseThrow(() -> new BadInputException(layout.glosses(), "no gloss for the sign '" + v.sign() + "'",
                            "add a row gloss_id,sign,description with sign " + v.sign()));
            SignSpanSuggester.Span s = suggester.suggest(layout.root().resolve(v.path()));
            mine.removeIf(a -> a.isGloss() && a.origin().suggested());
            mine.add(new Annotation(v.path(), Annotation.GLOSS_TIER, s.startMs(), s.endMs(), gloss, s.origin()));
            Annotations.replace(layout, v.path(), mine);
            spans.put(v.path(), s);
            progress.step("annotate", i + 1, videos.size(), v.path());
        }
        return new Result(spans.size(), kept, spans);
    }
}
