package org.signkit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.signkit.core.BadInputException;
import org.signkit.core.SplitStrategy;
import org.signkit.dataset.DatasetEdits;
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
        description = {"Build a new sign-language dataset from phone videos: init, import, check, split, release."},
        subcommands = {DatasetCommand.Init.class, DatasetCommand.Import.class, DatasetCommand.Check.class,
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
            DatasetImporter.Result r = DatasetImporter.importVideos(new DatasetLayout(dir), from, mapping, group, link);
            r.imported().stream().filter(v -> !v.readable())
                    .forEach(v -> System.err.println("signkit dataset: " + v.path() + ": " + v.error()));
            r.problems().forEach(p -> System.err.println("signkit dataset: " + p.getMessage()));
            System.out.println(r.imported().size() + " videos imported, " + r.unchanged() + " already there, "
                    + r.problems().size() + " not imported; run 'signkit dataset check " + dir + "'");
            return r.problems().isEmpty() ? 0 : 1;
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
            QualityCheck.Report r = QualityCheck.run(l);
            QaReportWriter.write(l, r);
            if (json) {
                System.out.print(Files.readString(l.qa().resolve("check.json")));
                return r.count(Finding.ERROR) > 0 ? 1 : 0;
            }
            Table t = new Table("severity", "protocol", "subject", "problem", "fix");
            r.findings().forEach(f -> t.row(f.severity(), f.protocol(), f.subject(), f.problem(), f.fix()));
            System.out.print(t);
            System.out.println(r.count(Finding.ERROR) + " errors, " + r.count(Finding.WARNING) + " warnings -> "
                    + l.qa().resolve("report.html"));
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

    @Command(name = "release", mixinStandardHelpOptions = true, description = {"Write releases/v<X.Y>/ (card, datasheet, "
            + "index, splits, QA report, SHA256SUMS, frames if given) and a changelog entry; refused while the QA check",
            "has errors unless --force."})
    static final class Release implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR") Path dir;
        @Option(names = "--version", required = true, paramLabel = "X.Y") String version;
        @Option(names = "--frames", paramLabel = "DIR", description = "A frames folder to include.") Path frames;
        @Option(names = "--force", description = "Release even with QA errors (recorded in the changelog).") boolean force;

        @Override
        public Integer call() throws Exception {
            try {
                Path out = DatasetRelease.release(new DatasetLayout(dir), version, frames, force);
                System.out.println("released: " + out);
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
