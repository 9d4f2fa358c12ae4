package org.signkit.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.signkit.kernel.KernelSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code signkit notebook}: the Java Jupyter kernel with signkit on its classpath. */
@Command(name = "notebook", mixinStandardHelpOptions = true,
        description = "Jupyter notebooks in Java (JShell) with signkit, Tablesaw and XChart on the classpath.",
        subcommands = {NotebookCommand.Install.class})
final class NotebookCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code signkit notebook install}. */
    @Command(name = "install", mixinStandardHelpOptions = true,
            description = {"Register the 'signkit' kernelspec (Java (signkit)) with Jupyter: it starts this JVM with this signkit.jar.",
                    "Then: jupyter notebook, or jupyter nbconvert --to notebook --execute experiments/notebooks/*.ipynb"})
    static final class Install implements Callable<Integer> {

        @Option(names = "--prefix", paramLabel = "DIR",
                description = "Install under DIR/share/jupyter/kernels (e.g. a virtualenv or sys.prefix). Default: the user's Jupyter data folder.")
        Path prefix;

        @Override
        public Integer call() throws Exception {
            Path dir = KernelSpec.install(KernelSpec.kernelsDir(prefix), org.signkit.kernel.SignkitKernel.classpathOfThisJvm());
            System.out.println("kernelspec 'signkit' -> " + dir.resolve("kernel.json"));
            return 0;
        }
    }
}
