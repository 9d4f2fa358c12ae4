package org.signkit.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.core.SplitStrategy;
import org.signkit.synth.SynthOptions;
import org.signkit.synth.SyntheticDatasetGenerator;
import org.signkit.video.PatternVideo;
import org.signkit.video.Rational;

class DatasetKitTest {

    @TempDir
    Path dir;

    @Test
    void theSyntheticDatasetIsBuiltCheckedSplitAndReleased() throws Exception {
        Path synth = dir.resolve("synth");
        new SyntheticDatasetGenerator(new SynthOptions(3, 2, 2, List.of(30), true, 96, 160, 5, 2))
                .generate(synth, (j, r, d, t) -> { });
        List<String> signs;
        try (Stream<Path> s = Files.list(synth.resolve("videos/capture30"))) {
            signs = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        DatasetLayout layout = DatasetKit.init(new DatasetLayout(dir.resolve("ds")), "SynthSign", "Libras", "BR", signs);
        assertTrue(Files.readString(layout.datasheet()).contains("## Consent"));
        assertTrue(Files.readString(layout.protocol()).contains("**P1** Capture at 60 FPS"));

        DatasetImporter.Result train = DatasetImporter.importVideos(layout, synth.resolve("videos/capture30"), null,
                "train", false);
        DatasetImporter.Result val = DatasetImporter.importVideos(layout, synth.resolve("videos/validation"), null,
                "validation", true);
        assertEquals(12, train.imported().size());
        assertTrue(val.imported().size() >= 3, "validation takes: " + val.imported().size());
        assertEquals(12, DatasetImporter.importVideos(layout, synth.resolve("videos/capture30"), null, "train", false)
                .unchanged(), "a second import changes nothing");

        QualityCheck.Report qa = QualityCheck.run(layout);
        assertEquals(0, qa.count(Finding.ERROR), qa.findings().toString());
        assertTrue(qa.findings().stream().noneMatch(x -> x.problem().startsWith("looks like the same take")),
                "takes of one sign by one signer are not near-duplicates: " + qa.findings());
        assertEquals(List.of("s1", "s2"), qa.signers());
        QaReportWriter.write(layout, qa);
        assertTrue(Files.readString(layout.qa().resolve("report.html")).contains("<table>"));
        String md = Files.readString(layout.qa().resolve("report.md"));
        assertTrue(md.contains("| videos/train/") && md.contains("## Videos"), md);
        assertEquals(qa.videos().stream().filter(ImportedVideo::readable).count(), qa.sharpness().size());

        DatasetSplits.Result bySigner = DatasetSplits.split(layout, SplitStrategy.SIGNER, 0.5, 1, null);
        assertEquals(6, bySigner.test());
        assertTrue(bySigner.created());
        assertFalse(DatasetSplits.split(layout, SplitStrategy.SIGNER, 0.5, 1, null).created(), "frozen");
        assertEquals(0.5, bySigner.achievedShare(), 1e-12);
        assertTrue(bySigner.warnings().stream().noneMatch(w -> w.startsWith("the test share")), bySigner.warnings().toString());
        // Two signers cannot make a 0.2 signer split: the achieved share is said.
        DatasetSplits.Result lopsided = DatasetSplits.split(layout, SplitStrategy.SIGNER, 0.2, 1, null);
        assertTrue(lopsided.warnings().stream().anyMatch(w -> w.startsWith("the test share is 0.50, not the 0.20 asked")),
                lopsided.warnings().toString());
        DatasetSplits.Result byTake = DatasetSplits.split(layout, SplitStrategy.TAKE, 0.25, 1, null);
        assertEquals(3, byTake.test(), "one take of each sign");
        assertThrows(IllegalArgumentException.class, () -> DatasetSplits.split(layout, SplitStrategy.FRAME, 0.2, 1, null));

        // No release without every signer's publication consent, forced or not.
        for (boolean force : new boolean[] {false, true}) {
            IllegalStateException noConsent = assertThrows(IllegalStateException.class,
                    () -> DatasetRelease.release(layout, "1.0", null, force));
            assertTrue(noConsent.getMessage().startsWith("no publication consent for [s1, s2]")
                    && noConsent.getMessage().contains("--force does not skip consent"), noConsent.getMessage());
        }
        Files.writeString(layout.consent(), Files.readString(layout.consent()) + "s1,v1,yes,yes,yes,office,2026-12-01,no,\n"
                + "s2,v1,yes,no,yes,office,2026-12-01,no,\n");
        assertTrue(assertThrows(IllegalStateException.class, () -> DatasetRelease.release(layout, "1.0", null, true))
                .getMessage().startsWith("no publication consent for [s2]"));
        Files.writeString(layout.consent(), Files.readString(layout.consent()).replace("s2,v1,yes,no", "s2,v1,yes,yes"));
        // A publishable dataset also has its signer records and a written datasheet (else: release needs, refused).
        Files.writeString(layout.signers(), Files.readString(layout.signers()) + "s1,30-39,woman,deaf,native,right,SP,20,train,\n"
                + "s2,18-29,man,hearing,interpreter,left,RJ,8,train,\n");
        DatasetTestData.fillDatasheet(layout);
        Path release = DatasetRelease.release(layout, "1.0", null, false);
        String sums = Files.readString(release.resolve("SHA256SUMS"));
        assertTrue(sums.contains("  videos/train/") && sums.contains("  splits/"), sums);
        // Verifiable where it lies: every file, from the release root, with the standard tool.
        Process check = new ProcessBuilder("sha256sum", "--quiet", "-c", "SHA256SUMS").directory(release.toFile())
                .redirectErrorStream(true).start();
        String out = new String(check.getInputStream().readAllBytes());
        assertEquals(0, check.waitFor(), out);
        assertEquals(Files.readAllLines(layout.importIndex()).size() - 1,
                sums.lines().filter(l -> l.contains("  videos/")).count(), "every video is in the release");
        assertTrue(Files.readString(release.resolve("dataset.yaml")).contains("version: '1.0'"));
        assertTrue(Files.readString(layout.changelog()).contains("## v1.0"));
        assertThrows(IllegalArgumentException.class, () -> DatasetRelease.release(layout, "1.0", null, false));
    }

    @Test
    void planted_problemsInAPhoneFolderAreEachFlaggedWithAFix() throws Exception {
        Path phone = dir.resolve("phone");
        Rational thirty = new Rational(30, 1);
        // Odd phone names, labelled by a mapping.
        PatternVideo.write(phone.resolve("VID_0001.mp4"), new PatternVideo.Spec(96, 160, thirty, 45, 0, false));
        PatternVideo.write(phone.resolve("VID_0002.mp4"), new PatternVideo.Spec(96, 160, new Rational(60, 1), 90, 90, false));
        PatternVideo.write(phone.resolve("VID 0003 (slow).mp4"), new PatternVideo.Spec(96, 160, new Rational(15, 1), 30, 0, false));
        PatternVideo.writeVariableRate(phone.resolve("VID_0004.mp4"), 96, 160, 60);
        PatternVideo.write(phone.resolve("VID_0005.mp4"), new PatternVideo.Spec(96, 160, thirty, 60, 0, false));
        byte[] whole = Files.readAllBytes(phone.resolve("VID_0005.mp4"));
        Files.write(phone.resolve("VID_0005.mp4"), Arrays.copyOf(whole, whole.length / 3));
        Files.copy(phone.resolve("VID_0001.mp4"), phone.resolve("copy of VID_0001.mp4"));
        // The same take re-encoded (another codec): other bytes, same pictures.
        PatternVideo.write(phone.resolve("VID_0007.mp4"), new PatternVideo.Spec(96, 160, thirty, 45, 0, true));
        Files.writeString(phone.resolve("VID_0006.mp4"), "not a video");
        // A nearly black take (lens covered, a dark room), and a blurred one by a signer with a single take.
        PatternVideo.write(phone.resolve("VID_0008.mp4"), new PatternVideo.Spec(96, 160, thirty, 45, 0, false), 0.05);
        Files.writeString(phone.resolve("mapping.csv"), String.join("\n",
                "video,sign,signer,take",
                "VID_0001.mp4,HELLO,s1,1",
                "VID_0002.mp4,HELLO,s1,2",
                "VID 0003 (slow).mp4,HELLO,s2,1",
                "VID_0004.mp4,THANKS,s1,1",
                "VID_0005.mp4,THANKS,s1,2",
                "copy of VID_0001.mp4,HELLO,s2,2",
                "VID_0006.mp4,THANKS,s2,1",
                "VID_0007.mp4,HELLO,s2,3",
                "VID_0008.mp4,THANKS,s3,1") + "\n");
        DatasetLayout layout = DatasetKit.init(new DatasetLayout(dir.resolve("ds")), "PhoneSigns", "LSX", "XX",
                List.of("HELLO", "THANKS"));
        DatasetImporter.Result r = DatasetImporter.importVideos(layout, phone, phone.resolve("mapping.csv"), "train", false);
        assertEquals(9, r.imported().size(), r.problems().toString());

        QualityCheck.Report qa = QualityCheck.run(layout);
        List<Finding> f = qa.findings();
        assertFlagged(f, x -> x.subject().endsWith("THANKS/s1_2.mp4") && x.severity().equals(Finding.ERROR), "truncated");
        assertFlagged(f, x -> x.subject().endsWith("THANKS/s2_1.mp4") && x.problem().startsWith("unreadable"), "text as .mp4");
        assertFlagged(f, x -> x.subject().endsWith("HELLO/s2_1.mp4") && x.protocol().equals("P1")
                && x.problem().contains("15.0 FPS"), "15 FPS capture");
        assertFlagged(f, x -> x.subject().endsWith("THANKS/s1_1.mp4") && x.problem().startsWith("variable frame rate"), "VFR");
        assertFlagged(f, x -> x.subject().endsWith("HELLO/s1_2.mp4") && x.problem().contains("rotated by 90"), "rotation");
        assertFlagged(f, x -> x.problem().startsWith("the same file as"), "duplicate");
        assertFlagged(f, x -> x.subject().endsWith("THANKS/s3_1.mp4") && x.protocol().equals("P7") && x.problem().startsWith("too dark"),
                "nearly black take");
        // s3 has a single take: the blur check compares it with all the training takes instead of skipping it.
        assertFlagged(f, x -> x.subject().endsWith("THANKS/s3_1.mp4") && x.problem().startsWith("blurred")
                && x.problem().contains("all train takes median"), "blur check for a signer with one take");
        assertFlagged(f, x -> x.subject().endsWith("HELLO/s2_3.mp4") && x.problem().startsWith("looks like the same take"),
                "re-encoded duplicate");
        assertFlagged(f, x -> x.problem().startsWith("no validation take of HELLO") && x.protocol().equals("P5"),
                "validation coverage");
        assertFlagged(f, x -> x.problem().startsWith("no training take of THANKS by s2"), "missing cell");
        f.forEach(x -> assertFalse(x.fix().isBlank(), "every finding has a fix: " + x));
        // The disk is the truth: a deleted video and a changed one are found without editing import.csv.
        Path gone = layout.root().resolve(r.imported().get(0).path());
        Path changed = layout.root().resolve(r.imported().get(1).path());
        byte[] keep = Files.readAllBytes(gone);
        byte[] before = Files.readAllBytes(changed);
        Files.delete(gone);
        Files.write(changed, Arrays.copyOf(before, before.length - 10));
        List<Finding> now = QualityCheck.run(layout).findings();
        assertFlagged(now, x -> x.subject().equals(r.imported().get(0).path()) && x.problem().startsWith("missing on disk"), "deleted");
        assertFlagged(now, x -> x.subject().equals(r.imported().get(1).path()) && x.problem().startsWith("changed since its import"),
                "changed");
        Files.write(gone, keep);
        Files.write(changed, before);

        Files.writeString(layout.consent(), Files.readString(layout.consent()) + "s1,v1,yes,yes,yes,office,2026-12-01,no,\n"
                + "s2,v1,yes,yes,yes,office,2026-12-01,no,\n" + "s3,v1,yes,yes,yes,office,2026-12-01,no,\n");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> DatasetRelease.release(layout, "0.1", null, false));
        assertTrue(refused.getMessage().contains("--force"), refused.getMessage());
        Path forced = DatasetRelease.release(layout, "0.1", null, true);
        assertTrue(Files.isRegularFile(forced.resolve("qa/report.md")));
        assertTrue(Files.readString(layout.changelog()).contains("released with --force"));
    }

    private static void assertFlagged(List<Finding> findings, Predicate<Finding> which, String what) {
        assertTrue(findings.stream().anyMatch(which), what + " not flagged in:\n" + String.join("\n",
                findings.stream().map(Finding::toString).toList()));
    }
}
