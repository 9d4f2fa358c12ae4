package org.signkit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.signkit.core.BadInputException;
import org.signkit.core.SplitStrategy;
import org.signkit.dataset.DatasetAnnotator;
import org.signkit.dataset.DatasetEdits;
import org.signkit.dataset.DatasetElan;
import org.signkit.dataset.SignSpanSuggester;
import org.signkit.dataset.DatasetImporter;
import org.signkit.dataset.DatasetKit;
import org.signkit.dataset.DatasetLayout;
import org.signkit.dataset.DatasetRelease;
import org.signkit.dataset.DatasetSplits;
import org.signkit.dataset.Finding;
import org.signkit.dataset.QaReportWriter;
import org.signkit.dataset.QualityCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code signkit dataset}: the new-country dataset kit. */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = {"Build a new sign-language dataset from phone videos: init, import, annotate (or ELAN), check, split, release."},
        subcommands = {DatasetCommand.Init.class, DatasetCommand.Import.class, DatasetCommand.Annotate.class,
                DatasetCommand.ExportEaf.class, DatasetCommand.ImportEaf.class, DatasetCommand.Check.class,
                DatasetCommand.Split.class, DatasetCommand.Release.class, DatasetCommand.Remove.class, DatasetCommand.Relabel.class})
final class DatasetCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "init", mixinStandardHelpOptions = true, description = {"Create the layout, dataset card and "
            + "datasheet, the recording protocol checklist and signer/consent templates."})
    static final class Init implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR") Path dir;
        @Option(names = "--language", required = true, description = "Sign language, e.g. Libras.") String language;
        @Option(names = "--country", required = true, description = "ISO 3166 country code, e.g. BR.") String country;
        @Option(names = "--signs", required = true, paramLabel = "FILE", description = "The vocabulary, one sign per line.")
        Path signs;
        @Option(names = "--name", description = "Dataset name. Default: the folder's name.") String name;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(signs)) {
                throw new BadInputException(signs, "no such file", "write the vocabulary one sign per line");
            }
            List<String> vocabulary = Files.readAllLines(signs).stream().map(String::strip)
                    .filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
            DatasetLayout l = DatasetKit.init(new DatasetLayout(dir), name != null ? name
                    : dir.toAbsolutePath().getFileName().toString(), language, country, vocabulary);
            System.out.println("dataset created: " + l.root() + " (" + vocabulary.size() + " signs); fill "
                    + l.card().getFileName() + ", read " + l.protocol().getFileName() + " before recording");
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = {"Copy (or hard-link) videos into the layout "
            + "by sign/signer/take, with SHA-256 checksums and probe facts (fps, VFR, rotation, duration).",
            "Labels come from a folder tree <sign>/<signer>_<take>.mp4 or a mapping CSV (video,sign,signer,take)."})
    static final class Import implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR") Path dir;
        @Option(names = "--from", required = true, paramLabel = "PHONE_DIR") Path from;
        @Option(names = "--mapping", paramLabel = "CSV") Path mapping;
        @Option(names = "--group", defaultValue = "train", description = "train or validation. Default: ${DEFAULT-VALUE}.")
        String group;
        @Option(names = "--link", description = "Hard-link instead of copying (same file system).") boolean link;

        @Override
        public Integer call() throws Exception {
            Progress progress = Progress.forConsole("import");
            DatasetImporter.Result r = DatasetImporter.importVideos(new DatasetLayout(dir), from, mapping, group, link, progress);
            progress.finish();
            r.imported().stream().filter(v -> !v.readable())
                    .forEach(v -> System.err.println("signkit dataset: " + v.path() + ": " + v.error()));
            r.problems().forEach(p -> System.err.println("signkit dataset: " + p.getMessage()));
            System.out.println(r.imported().size() + " videos imported, " + r.unchanged() + " already there, "
                    + r.problems().size() + " not imported; run 'signkit dataset check " + dir + "'");
            return r.problems().isEmpty() ? 0 : 1;
        }
    }

    @Command(name = "annotate", mixinStandardHelpOptions = true, description = {"Suggest each video's sign start and end "
            + "(the gloss tier, valued with the sign's gloss ID from glosses.csv) into annotations.csv:",
            "from the hands stage (hands leave and return to rest) or, without hand models or when no hand moves, from "
            + "motion energy.", "Annotations from ELAN or by hand are kept; earlier suggestions too, unless --redo."})
    static final class Annotate implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR") Path dir;
        @Option(names = "--method", defaultValue = "auto", paramLabel = "auto|mediapipe|skin|motion", description = "auto: "
                + "mediapipe when its models are installed ('signkit models fetch hands'), else motion. Default: ${DEFAULT-VALUE}.")
        String method;
        @Option(names = "--redo", description = "Replace earlier suggestions (never ELAN or hand-made annotations).") boolean redo;

        @Override
        public Integer call() throws Exception {
            org.signkit.vision.ModelStore models = org.signkit.vision.ModelStore.fromEnvironment();
            String chosen = method;
            if (method.equals("auto")) {
                chosen = java.util.stream.Stream.of(org.signkit.vision.ModelStore.PALM_DETECTION, org.signkit.vision.ModelStore.HAND_LANDMARK,
                        org.signkit.vision.ModelStore.FACE_DETECTION).allMatch(m -> Files.isRegularFile(models.path(m))) ? "mediapipe" : "motion";
            }
            org.signkit.hands.HandDetector detector = chosen.equals("motion") ? null
                    : org.signkit.hands.HandDetectors.of(org.signkit.hands.HandsMethod.parse(chosen), models, null, "right");
            try {
                Progress progress = Progress.forConsole("annotate");
                DatasetAnnotator.Result r = DatasetAnnotator.run(new DatasetLayout(dir), new SignSpanSuggester(detector), redo, progress);
                progress.finish();
                long byHands = r.spans().values().stream().filter(s -> s.origin() == org.signkit.dataset.Annotation.Origin.HANDS).count();
                System.out.println(r.suggested() + " videos annotated (" + byHands + " from the hands (" + chosen + "), "
                        + (r.suggested() - byHands) + " from motion energy), " + r.kept() + " kept -> "
                        + new DatasetLayout(dir).annotations() + "; check them in ELAN: 'signkit dataset export-eaf " + dir + "'");
                return 0;
            } finally {
                if (detector != null) {
                    detector.close();
                }
            }
        }
    }

    @Command(name = "export-eaf", mixinStandardHelpOptions = true, description = {"Write one ELAN file (EAF 3.0) per "
            + "annotated video, laid out like videos/ and linked to its video, to open and correct in ELAN."})
    static final class ExportEaf implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR") Path dir;
        @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Default: DIR/elan.") Path out;

        @Override
        public Integer call() throws Exception {
            DatasetLayout l = new DatasetLayout(dir);
            List<Path> files = DatasetElan.export(l, out != null ? out : l.root().resolve("elan"));
            System.out.println(files.size() + " ELAN files -> " + (out != null ? out : l.root().resolve("elan")));
            return 0;
        }
    }

    @Command(name = "import-eaf", mixinStandardHelpOptions = true, description = {"Bring ELAN files' tiers into "
            + "annotations.csv, time-aligned: the gloss tier (--gloss-tier) holds the sign's span and gloss ID; other",
            "tiers are kept as free tiers. Each file replaces its video's annotations; the video is the file's linked media."})
    static final class ImportEaf implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR") Path dir;
        @Parameters(index = "1..*", paramLabel = "EAF", description = "ELAN files, or folders of them.") List<Path> files;
        @Option(names = "--video", paramLabel = "VIDEO", description = "The video of a single EAF file, as import.csv lists it.")
        String video;
        @Option(names = "--gloss-tier", defaultValue = "gloss", description = "The ELAN tier of the glosses. Default: ${DEFAULT-VALUE}.")
        String glossTier;

        @Override
        public Integer call() throws Exception {
            List<Path> eafs = new java.util.ArrayList<>();
            for (Path f : files) {
                if (Files.isDirectory(f)) {
                    try (var walk = Files.walk(f)) {
                        walk.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".eaf")).sorted().forEach(eafs::add);
                    }
                } else {
                    eafs.add(f);
                }
            }
            if (video != null && eafs.size() != 1) {
                throw new IllegalArgumentException("--video names the video of one EAF file; " + eafs.size() + " given");
            }
            int failed = 0;
            int annotations = 0;
            for (Path eaf : eafs) {
                try {
                    annotations += DatasetElan.importFile(new DatasetLayout(dir), eaf, video, glossTier).size();
                } catch (BadInputException e) {
                    System.err.println("signkit dataset: " + e.getMessage());
                    failed++;
                }
            }
            System.out.println((eafs.size() - failed) + " ELAN files imported (" + annotations + " annotations), " + failed + " failed");
            return failed == 0 ? 0 : 1;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = {"QA report (qa/report.md, .html, .json): "
            + "counts per sign x signer, missing cells, broken files, capture fps, VFR, rotation, durations, blur,",
            "duplicate takes, validation coverage; each finding cites the protocol item and the fix. Exit 1 on errors."})
    static final class Check implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR") Path dir;
        @Option(names = "--json", description = "Print the report as JSON (as qa/check.json) instead of the table.") boolean json;

        @Override
        public Integer call() throws Exception {
            DatasetLayout l = new DatasetLayout(dir);
            Progress progress = Progress.forConsole("check");
            QualityCheck.Report r = QualityCheck.run(l, progress);
            progress.finish();
            QaReportWriter.write(l, r);
            if (json) {
                System.out.print(Files.readString(l.qa().resolve("check.json")));
                return r.count(Finding.ERROR) > 0 ? 1 : 0;
            }
            Table t = new Table("severity", "protocol", "subject", "problem", "fix");
            r.grouped().forEach(f -> t.row(f.severity(), f.protocol(), f.subject(), f.problem(), f.fix()));
            System.out.print(t);
            System.out.println(r.count(Finding.ERROR) + " errors, " + r.count(Finding.RELEASE) + " release needs (consent, "
                    + "pseudonyms, signer records, datasheet), " + r.count(Finding.WARNING) + " warnings -> " + l.qa().resolve("report.html"));
            return r.count(Finding.ERROR) > 0 ? 1 : 0;
        }
    }

    @Command(name = "split", mixinStandardHelpOptions = true, description = {"Freeze a stratified train/test split to "
            + "splits/<by>-test<share>-seed<N>.csv. Signer and take splits work on videos; a frame split (the study's)",
            "needs --frames and leaks near-duplicate neighbouring frames across the split."})
    static final class Split implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR") Path dir;
        @Option(names = "--by", defaultValue = "signer", description = "signer, take or frame. Default: ${DEFAULT-VALUE}.")
        String by;
        @Option(names = "--test", defaultValue = "0.2", description = "Test share. Default: ${DEFAULT-VALUE}.") double test;
        @Option(names = "--seed", defaultValue = "1", description = "Default: ${DEFAULT-VALUE}.") long seed;
        @Option(names = "--frames", paramLabel = "DIR|MANIFEST", description = "Frames of this dataset (frame split).")
        Path frames;

        @Override
        public Integer call() throws Exception {
            DatasetSplits.Result r = DatasetSplits.split(new DatasetLayout(dir), SplitStrategy.parse(by), test, seed, frames);
            r.warnings().forEach(w -> System.err.println("signkit dataset: warning: " + w));
            System.out.println((r.created() ? "split frozen: " : "split already frozen: ") + r.file() + " (" + r.train()
                    + " train, " + r.test() + " test: test share " + String.format(java.util.Locale.ROOT, "%.2f", r.achievedShare())
                    + " of " + String.format(java.util.Locale.ROOT, "%.2f", test) + " asked)");
            return 0;
        }
    }

    // Not mixinStandardHelpOptions: its --version would clash with the release's --version X.Y.
    @Command(name = "release", description = {"Write releases/v<X.Y>/ (card, datasheet, "
            + "glosses, index, annotations, signers, consent scope, splits, QA report, videos, README.md card with a",
            "YAML header, manifest.json, SHA256SUMS, frames if given) and a changelog entry. Refused without every signer's",
            "publication consent and while a signer id looks like a name, even with --force; refused while the QA check has",
            "errors or release needs unless --force. Withdrawn signers' videos are left out."})
    static final class Release implements Callable<Integer> {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.") boolean help;
        @Parameters(index = "0", paramLabel = "DIR") Path dir;
        @Option(names = "--version", required = true, paramLabel = "X.Y") String version;
        @Option(names = "--frames", paramLabel = "DIR", description = "A frames folder to include.") Path frames;
        @Option(names = "--force", description = "Release even with QA errors (recorded in the changelog).") boolean force;

        @Override
        public Integer call() throws Exception {
            try {
                Progress progress = Progress.forConsole("release");
                DatasetRelease.Result out = DatasetRelease.release(new DatasetLayout(dir), version, frames, force, progress);
                progress.finish();
                if (!out.withdrawn().isEmpty()) {
                    System.out.println("withdrawn: " + String.join(", ", out.withdrawn()) + " (" + out.left()
                            + " videos left out of this release)");
                }
                System.out.println("released: " + out.folder() + " (" + out.videos() + " videos" + (out.forced() ? ", forced" : "")
                        + "); verify with: (cd " + out.folder() + " && sha256sum -c SHA256SUMS)");
                return 0;
            } catch (IllegalStateException e) {
                System.err.println("signkit dataset: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Delete an imported video and its import.csv row.")
    static final class Remove implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR") Path dir;
        @Parameters(index = "1", paramLabel = "VIDEO", description = "As import.csv lists it, e.g. videos/train/AGUA/s1_2.mp4.")
        String video;

        @Override
        public Integer call() throws Exception {
            DatasetEdits.remove(new DatasetLayout(dir), video);
            System.out.println("removed " + video);
            return 0;
        }
    }

    @Command(name = "relabel", mixinStandardHelpOptions = true,
            description = "Give an imported video another sign, signer or take: the file moves and its import.csv row follows.")
    static final class Relabel implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR") Path dir;
        @Parameters(index = "1", paramLabel = "VIDEO", description = "As import.csv lists it.") String video;
        @Option(names = "--sign", required = true) String sign;
        @Option(names = "--signer", required = true) String signer;
        @Option(names = "--take", required = true) String take;

        @Override
        public Integer call() throws Exception {
            var moved = DatasetEdits.relabel(new DatasetLayout(dir), video, new org.signkit.core.SampleLabel(sign, signer, take));
            System.out.println("relabelled " + video + " -> " + moved.path());
            return 0;
        }
    }
}
