package org.signkit.cli;

import org.signkit.core.BadInputException;
import org.signkit.core.SignkitVersion;
import org.signkit.core.SplitStrategy;
import org.signkit.train.Architecture;
import org.signkit.train.Backend;
import org.signkit.train.Engine;
import org.signkit.train.LearningRateSchedule;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code signkit} command: one subcommand per pipeline stage. */
@Command(name = "signkit",
        mixinStandardHelpOptions = true,
        versionProvider = SignkitCommand.Version.class,
        description = "Sign-language dataset creation experiments: videos -> frames -> augmentation -> training -> statistics.",
        subcommands = {SynthCommand.class, ProbeCommand.class, FramesCommand.class, SegmentCommand.class, HandsCommand.class, PoseCommand.class, BackgroundCommand.class, AugmentCommand.class, StatsCommand.class, TrainCommand.class, EvalCommand.class, ExplainCommand.class, DatasetCommand.class, ExperimentCommand.class, ReproduceCommand.class, ReportCommand.class, RunsCommand.class, NotebookCommand.class, ModelsCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class SignkitCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of an input or usage error too (internal errors always print one).")
    boolean debug;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        Backend.configureNatives();
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status (0 ok, 1 some inputs failed, 2 usage). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new SignkitCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // Enums written by their ids in files and specs read the same ids on the command line.
        cl.registerConverter(Architecture.class, Architecture::parse);
        cl.registerConverter(LearningRateSchedule.class, LearningRateSchedule::parse);
        cl.registerConverter(SplitStrategy.class, SplitStrategy::parse);
        cl.registerConverter(Engine.class, Engine::parse);
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            if (java.util.Arrays.asList(args).contains("--debug")) {
                ex.printStackTrace(line.getErr());
            }
            if (ex instanceof BadInputException || ex instanceof IllegalArgumentException) {
                line.getErr().println("signkit: " + ex.getMessage());
                return 2;
            }
            // A file the user named cannot be read or written: their error to fix, not a stack trace.
            if (ex instanceof java.nio.file.FileSystemException f) {
                line.getErr().println("signkit: " + f.getFile() + ": " + (f.getReason() == null ? f.getClass().getSimpleName() : f.getReason())
                        + " (fix: check the path and its permissions)");
                return 2;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    /** Reports the toolkit version and the commit the running jar was built from. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"signkit " + SignkitVersion.describe()};
        }
    }
}
