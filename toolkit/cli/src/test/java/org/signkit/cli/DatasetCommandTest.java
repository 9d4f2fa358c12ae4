package org.signkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.core.FrameManifest;
import org.signkit.core.FrameRecord;
import org.signkit.dataset.Annotation;
import org.signkit.dataset.Annotations;
import org.signkit.dataset.DatasetLayout;

/** The dataset kit's commands as a team types them, on the real signing clip of {@code ../shared/data/real/}. */
class DatasetCommandTest {

    @TempDir
    Path dir;

    @Test
    void annotateThenFramesTrimmedToTheAnnotationOnTheRealClip() throws Exception {
        Path clip = SharedData.realClipWithHandModels();
        Path phone = dir.resolve("phone/HELLO");
        Files.createDirectories(phone);
        Files.copy(clip, phone.resolve("s1_1.mp4"));
        Files.writeString(dir.resolve("signs.txt"), "HELLO\n");
        Path ds = dir.resolve("ds");
        Console.out(0, "dataset", "init", ds.toString(), "--language", "Libras", "--country", "BR", "--signs", dir.resolve("signs.txt").toString());
        Console.out(0, "dataset", "import", ds.toString(), "--from", dir.resolve("phone").toString());
        String annotated = Console.out(0, "dataset", "annotate", ds.toString(), "--method", "mediapipe");
        assertTrue(annotated.startsWith("1 videos annotated (1 from the hands (mediapipe)"), annotated);
        Annotation span = Annotations.read(new DatasetLayout(ds)).get(0);
        assertTrue(span.startMs() > 0 && span.endMs() < 1900 && span.isGloss() && span.value().equals("HELLO"), span.toString());

        String frames = Console.out(0, "frames", ds.resolve("videos").toString(), "-o", dir.resolve("frames").toString(),
                "--size", "96", "--trim", "annotation");
        assertTrue(frames.contains("trim annotation"), frames);
        List<FrameRecord> rows = FrameManifest.read(dir.resolve("frames/manifest.csv"));
        assertTrue(rows.size() > 10 && rows.size() < 58, rows.size() + " of 58 frames kept");
        for (FrameRecord r : rows) {
            assertEquals("annotation", r.trim());
            assertTrue(r.sourcePtsSeconds() >= span.startMs() / 1000.0 - 1e-6 && r.sourcePtsSeconds() < span.endMs() / 1000.0, r.toString());
        }

        assertTrue(Console.out(0, "dataset", "release", "--help").contains("--force does not skip")
                || Console.out(0, "dataset", "release", "--help").contains("even with --force"));
        String refused = Console.err(1, "dataset", "release", ds.toString(), "--version", "1.0", "--force");
        assertTrue(refused.contains("no publication consent for [s1]"), refused);
    }
}
