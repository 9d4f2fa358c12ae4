package org.signkit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.signkit.core.BadInputException;
import org.signkit.report.RunsIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code signkit runs [DIR]}: every run under a folder, as one sortable page or JSON. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = {"List every run under DIR (default reports/): experiment, profile, commit, date, status and main metric,",
                "as one static page (DIR/runs.html, sortable by column, linked to each report) or, with --json, as JSON."})
final class RunsCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Folder to scan. Default: reports.")
    Path dir = Path.of("reports");

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "The page. Default: DIR/runs.html.")
    Path out;

    @Option(names = "--json", description = "Print the runs as JSON instead of writing the page.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir, "no such folder", "give the folder that holds your run folders (e.g. reports)");
        }
        RunsIndex index = RunsIndex.scan(dir);
        if (json) {
            System.out.print(index.json());
            return 0;
        }
        Path page = index.writeHtml(out != null ? out : dir.resolve("runs.html"));
        System.out.println(index.runs().size() + " runs -> " + page);
        return 0;
    }
}
