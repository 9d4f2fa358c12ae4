package org.signkit.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.core.Csv;
import org.signkit.core.SplitStrategy;
import org.signkit.synth.SynthOptions;
import org.signkit.synth.SyntheticDatasetGenerator;
import org.yaml.snakeyaml.Yaml;

/**
 * The dataset kit end to end, as a team publishing a dataset uses it: generated phone-like videos and the real
 * signing clip of {@code ../shared/data/real/} (MIT, sign-language-processing/pose) are imported, annotated, exported
 * to ELAN and re-imported unchanged, checked, split and released; the release verifies with {@code sha256sum -c} and
 * its split has no duplicate on both sides. Consent is enforced, a withdrawal leaves the next release.
 */
class DatasetPublicationTest {

    @TempDir
    Path dir;

    private static Path realClip() {
        for (String up : new String[] {"../shared", "../../shared", "../../../shared"}) {
            Path p = Path.of(up, "data/real/test_video.mp4");
            if (Files.isRegularFile(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        return null;
    }

    @Test
    void phoneVideosAndTheRealClipAreAnnotatedRoundTrippedThroughElanAndReleased() throws Exception {
        Path clip = realClip();
        assertNotNull(clip, "../shared/data/real/test_video.mp4 missing");
        Path synth = dir.resolve("synth");
        new SyntheticDatasetGenerator(new SynthOptions(3, 2, 2, List.of(30), true, 96, 160, 5, 2)).generate(synth, (j, r, d, t) -> { });
        List<String> signs;
        try (Stream<Path> s = Files.list(synth.resolve("videos/capture30"))) {
            signs = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        // The phone folder: the synthetic takes, the real clip as a take of the first sign by a third signer, and a
        // copy of one take under another take number (the duplicate a split must keep on one side).
        Path phone = dir.resolve("phone");
        try (Stream<Path> s = Files.walk(synth.resolve("videos/capture30"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Path to = phone.resolve(synth.resolve("videos/capture30").relativize(p).toString());
                Files.createDirectories(to.getParent());
                Files.copy(p, to);
            }
        }
        String first = signs.get(0);
        Files.copy(clip, phone.resolve(first).resolve("s3_1.mp4"));
        Files.copy(phone.resolve(first).resolve("s1_1.mp4"), phone.resolve(first).resolve("s1_9.mp4"));
        DatasetLayout layout = DatasetKit.init(new DatasetLayout(dir.resolve("ds")), "PubSigns", "Libras", "BR", signs);
        assertEquals(signs, Glosses.read(layout).values().stream().map(Glosses.Gloss::sign).toList(), "one gloss per sign");
        List<String> steps = new java.util.ArrayList<>();
        DatasetImporter.Result imported = DatasetImporter.importVideos(layout, phone, null, "train", false,
                (task, done, total, item) -> steps.add(task + " " + done + "/" + total));
        assertEquals(14, imported.imported().size(), imported.problems().toString());
        assertEquals("import 14/14", steps.get(steps.size() - 1), "progress reaches the end");

        // Annotate: a suggested sign span per video; on the real clip the signer rests at the start and the end.
        DatasetAnnotator.Result annotated = DatasetAnnotator.run(layout, new SignSpanSuggester(null), false, DatasetProgress.NONE);
        assertEquals(14, annotated.suggested());
        String real = "videos/train/" + first + "/s3_1.mp4";
        SignSpanSuggester.Span span = annotated.spans().get(real);
        ImportedVideo realRow = ImportIndex.read(layout).stream().filter(v -> v.path().equals(real)).findFirst().orElseThrow();
        long length = Math.round(realRow.seconds() * 1000);
        assertTrue(span.startMs() > 0 && span.endMs() < length && span.endMs() - span.startMs() > length / 4,
                "the real clip's sign lies inside it, rest trimmed: " + span + " of " + length + " ms");
        assertEquals(0, DatasetAnnotator.run(layout, new SignSpanSuggester(null), false, DatasetProgress.NONE).suggested(),
                "a rerun keeps the suggestions");

        // ELAN: export, import back, nothing changes but the origin.
        List<Annotation> before = Annotations.read(layout);
        List<Path> eafs = DatasetElan.export(layout, layout.root().resolve("elan"));
        assertEquals(14, eafs.size());
        String xml = Files.readString(eafs.get(0));
        assertTrue(xml.indexOf("<HEADER") < xml.indexOf("<TIME_ORDER") && xml.indexOf("<TIME_ORDER") < xml.indexOf("<TIER")
                && xml.indexOf("<TIER") < xml.indexOf("<LINGUISTIC_TYPE") && xml.contains("FORMAT=\"3.0\""), "EAF 3.0 element order");
        for (Path eaf : eafs) {
            DatasetElan.importFile(layout, eaf, null, Annotation.GLOSS_TIER);
        }
        List<Annotation> after = Annotations.read(layout);
        assertEquals(strip(before), strip(after), "the ELAN round trip keeps every tier, time and value");
        assertTrue(after.stream().allMatch(a -> a.origin() == Annotation.Origin.EAF));
        assertEquals(eafs.stream().map(DatasetPublicationTest::read).toList(), List.copyOf(
                DatasetElan.export(layout, layout.root().resolve("elan2")).stream().map(DatasetPublicationTest::read).toList()),
                "a second export writes the same files");

        // A hand-written ELAN file: another gloss tier name, a dependent translation tier, an unaligned slot.
        Path handwritten = layout.root().resolve("elan/handwritten.eaf");
        Files.copy(Path.of(DatasetPublicationTest.class.getResource("/eaf/handwritten.eaf").toURI()), handwritten,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(handwritten, Files.readString(handwritten).replace("HELLO", first)
                .replace("videos/train/" + "HELLO", "videos/train/" + first));
        List<Annotation> fromElan = DatasetElan.importFile(layout, handwritten, null, "RH-Gloss");
        assertEquals(List.of(
                new Annotation(real, "gloss", 480, 1520, first, Annotation.Origin.EAF),
                new Annotation(real, "Translation", 480, 1520, "hello, good morning", Annotation.Origin.EAF),
                new Annotation(real, "notes", 200, 900, "hands rise & mouthing starts", Annotation.Origin.EAF),
                new Annotation(real, "notes", 1000, 1520, "second half", Annotation.Origin.EAF)), fromElan);
        assertTrue(assertThrows(org.signkit.core.BadInputException.class,
                () -> DatasetElan.importFile(layout, handwritten, null, "Gloss")).getMessage().contains("no tier 'Gloss'"));

        // Check: the release needs are listed, not the recordings' errors.
        QualityCheck.Report qa = QualityCheck.run(layout);
        assertTrue(qa.findings().stream().anyMatch(f -> f.severity().equals(Finding.RELEASE) && f.subject().equals("s3")
                && f.problem().equals("no consent record in consent.csv")), qa.findings().toString());
        assertTrue(qa.findings().stream().anyMatch(f -> f.severity().equals(Finding.RELEASE)
                && f.problem().startsWith("8 datasheet sections unwritten")), qa.findings().toString());
        assertTrue(qa.findings().stream().anyMatch(f -> f.problem().startsWith("the same file as")
                && f.subject().endsWith("s1_9.mp4")), "the planted copy is found");

        // Split: the copy and its original are on one side.
        DatasetSplits.Result split = DatasetSplits.split(layout, SplitStrategy.TAKE, 0.5, 3, null);
        Map<String, String> side = sides(split.file());
        assertEquals(side.get("videos/train/" + first + "/s1_1.mp4"), side.get("videos/train/" + first + "/s1_9.mp4"),
                "duplicates on one side: " + side);

        // Release: refused without s3's consent, forced or not; then made and verified.
        Files.writeString(layout.consent(), Files.readString(layout.consent()) + "s1,v1,yes,yes,yes,office,2026-12-01,no,\n"
                + "s2,v1,yes,yes,yes,office,2026-12-01,no,\n");
        for (boolean force : new boolean[] {false, true}) {
            assertTrue(assertThrows(IllegalStateException.class, () -> DatasetRelease.release(layout, "1.0", null, force))
                    .getMessage().startsWith("no publication consent for [s3]"));
        }
        Files.writeString(layout.consent(), Files.readString(layout.consent()) + "s3,v1,yes,yes,yes,office,2026-12-01,yes,\n");
        Files.writeString(layout.signers(), Files.readString(layout.signers()) + "s1,30-39,woman,deaf,native,right,SP,20,train,\n"
                + "s2,18-29,man,hearing,interpreter,left,RJ,8,train,\n" + "s3,40-49,woman,deaf,native,right,MG,30,train,\n");
        assertTrue(assertThrows(IllegalStateException.class, () -> DatasetRelease.release(layout, "1.0", null, false))
                .getMessage().contains("release needs"), "an unwritten datasheet blocks an unforced release");
        DatasetTestData.fillDatasheet(layout);
        DatasetRelease.Result release = DatasetRelease.release(layout, "1.0", null, true, DatasetProgress.NONE);
        Path root = release.folder();
        Process check = new ProcessBuilder("sha256sum", "--quiet", "-c", "SHA256SUMS").directory(root.toFile())
                .redirectErrorStream(true).start();
        String out = new String(check.getInputStream().readAllBytes());
        assertEquals(0, check.waitFor(), out);
        Map<String, String> released = sides(root.resolve("splits").resolve(split.file().getFileName()));
        assertEquals(released.get("videos/train/" + first + "/s1_1.mp4"), released.get("videos/train/" + first + "/s1_9.mp4"));
        assertEquals(14, released.size());
        String card = Files.readString(root.resolve("README.md"));
        assertTrue(card.startsWith("---\n"), card);
        Map<String, Object> header = new Yaml().load(card.substring(4, card.indexOf("\n---\n", 4)));
        assertEquals("cc-by-4.0", header.get("license"));
        assertEquals(List.of("n<1K"), header.get("size_categories"));
        Map<?, ?> manifest = new com.fasterxml.jackson.databind.ObjectMapper().readValue(root.resolve("manifest.json").toFile(), Map.class);
        assertEquals(14, ((Map<?, ?>) manifest.get("videos")).get("total"));
        assertEquals(3, manifest.get("signers"));
        assertFalse(Files.readString(root.resolve("import.csv")).contains(phone.toString()), "no phone-side paths in the release");
        assertFalse(Files.readString(root.resolve("consent.csv")).contains("office"), "no withdrawal contacts in the release");
        assertTrue(Files.readString(root.resolve("annotations.csv")).contains("hello, good morning"));

        // s2 withdraws: the next release leaves their videos out, splits included, and says so.
        Files.writeString(layout.consent(), Files.readString(layout.consent()).replace("s2,v1,yes,yes,yes,office,2026-12-01,no,",
                "s2,v1,yes,yes,yes,office,2026-12-01,no,2026-12-02"));
        DatasetRelease.Result next = DatasetRelease.release(layout, "1.1", null, true, DatasetProgress.NONE);
        assertEquals(java.util.Set.of("s2"), next.withdrawn());
        assertEquals(6, next.left());
        assertEquals(8, next.videos());
        assertTrue(sides(next.folder().resolve("splits").resolve(split.file().getFileName())).keySet().stream()
                .noneMatch(p -> p.contains("/s2_")), "the withdrawn signer's rows leave the split");
        try (Stream<Path> s = Files.walk(next.folder().resolve("videos"))) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith("s2_")));
        }
        assertTrue(Files.readString(layout.changelog()).contains("Withdrawn: s2 (6 videos left out)"));

        // A first name as a signer id would be in every released file name: a release need, refused even when forced.
        DatasetEdits.relabel(layout, "videos/train/" + first + "/s1_2.mp4", new org.signkit.core.SampleLabel(first, "maria", "2"));
        Files.writeString(layout.consent(), Files.readString(layout.consent()) + "maria,v1,yes,yes,yes,office,2026-12-01,no,\n");
        assertTrue(QualityCheck.run(layout).findings().stream().anyMatch(f -> f.severity().equals(Finding.RELEASE)
                && f.subject().equals("maria") && f.problem().contains("looks like a name")));
        assertTrue(assertThrows(IllegalStateException.class, () -> DatasetRelease.release(layout, "1.2", null, true))
                .getMessage().contains("[maria] look like names"));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> strip(List<Annotation> a) {
        return a.stream().map(x -> x.video() + "|" + x.tier() + "|" + x.startMs() + "|" + x.endMs() + "|" + x.value()).toList();
    }

    private static Map<String, String> sides(Path splitFile) throws Exception {
        Map<String, String> out = new HashMap<>();
        Csv.File csv = Csv.read(splitFile);
        for (Csv.Row r : csv.rows()) {
            out.put(r.fields().get(0), r.fields().get(4));
        }
        return out;
    }
}
