package org.signkit.dataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The same take imported more than once: byte-identical files (same SHA-256), and copies or re-encodings whose frames
 * are near-identical ({@link VideoQuality#distance} at most {@link QualityCheck#DUPLICATE_LEVELS}). The QA check reports
 * the pairs; a split keeps each group on one side.
 */
public final class Duplicates {

    /**
     * Two videos of one take.
     *
     * @param first  the one imported under the earlier path
     * @param second the other
     * @param exact  byte-identical
     */
    public record Pair(String first, String second, boolean exact) {
    }

    private Duplicates() {
    }

    /**
     * The duplicate pairs among {@code videos} (in index order).
     *
     * @param quality measured videos by path; videos without a measurement are compared by checksum only
     */
    public static List<Pair> pairs(List<ImportedVideo> videos, Map<String, VideoQuality> quality) {
        List<Pair> out = new ArrayList<>();
        Map<String, String> bySha = new HashMap<>();
        List<ImportedVideo> distinct = new ArrayList<>();
        for (ImportedVideo v : videos) {
            String same = bySha.putIfAbsent(v.sha256(), v.path());
            if (same != null) {
                out.add(new Pair(same, v.path(), true));
            } else {
                distinct.add(v);
            }
        }
        for (int i = 0; i < distinct.size(); i++) {
            VideoQuality qi = quality.get(distinct.get(i).path());
            for (int j = 0; j < i && qi != null; j++) {
                VideoQuality qj = quality.get(distinct.get(j).path());
                if (qj != null && qi.distance(qj) <= QualityCheck.DUPLICATE_LEVELS) {
                    out.add(new Pair(distinct.get(j).path(), distinct.get(i).path(), false));
                }
            }
        }
        return out;
    }

    /** Each video's group: the smallest path of the videos it is (transitively) a duplicate of, or itself. */
    public static Map<String, String> groups(List<Pair> pairs) {
        Map<String, String> parent = new TreeMap<>();
        for (Pair p : pairs) {
            String a = find(parent, p.first());
            String b = find(parent, p.second());
            if (!a.equals(b)) {
                parent.put(a.compareTo(b) < 0 ? b : a, a.compareTo(b) < 0 ? a : b);
            }
        }
        Map<String, String> out = new TreeMap<>();
        parent.keySet().forEach(k -> out.put(k, find(parent, k)));
        return out;
    }

    private static String find(Map<String, String> parent, String x) {
        parent.putIfAbsent(x, x);
        String p = parent.get(x);
        return p.equals(x) ? x : find(parent, p);
    }
}
