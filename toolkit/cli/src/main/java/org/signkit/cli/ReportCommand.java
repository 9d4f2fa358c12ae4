package org.signkit.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.signkit.report.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code signkit report}: self-contained HTML pages of an experiment run or a reproduction. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Self-contained HTML report of a run folder ('signkit experiment run') or of a reproduction",
                "('signkit reproduce'): spec, data, environment, results with CIs, tests and verdicts, plots, explanations;",
                "results.csv and summary.md beside it. Opens offline in any browser."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder, or a folder of runs.")
    Path run;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Report folder. Default: RUN_DIR/report.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path page = RunReport.write(run, out != null ? out : run.resolve("report"));
        System.out.println("report: " + page);
        return 0;
    }
}
