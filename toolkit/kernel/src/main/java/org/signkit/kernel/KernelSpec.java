package org.signkit.kernel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.signkit.core.AtomicFiles;
import org.signkit.core.Json;

/** Writes the Jupyter kernelspec ({@code kernel.json}) that starts {@link SignkitKernel} with this JVM and classpath. */
public final class KernelSpec {

    /** The kernel's name in Jupyter ({@code jupyter kernelspec list}, notebook metadata). */
    public static final String NAME = "signkit";

    private KernelSpec() {
    }

    /** The kernels folder of a Jupyter data prefix ({@code <prefix>/share/jupyter/kernels}), or the user's. */
    public static Path kernelsDir(Path prefix) {
        if (prefix != null) {
            return prefix.resolve("share/jupyter/kernels");
        }
        String xdg = System.getenv("JUPYTER_DATA_DIR");
        return xdg != null ? Path.of(xdg, "kernels") : Path.of(System.getProperty("user.home"), ".local/share/jupyter/kernels");
    }

    /** Writes {@code <kernels>/signkit/kernel.json}; returns its folder. */
    public static Path install(Path kernels, List<String> classpath) throws IOException {
        Path dir = kernels.resolve(NAME);
        List<String> argv = new ArrayList<>();
        argv.add(ProcessHandle.current().info().command().orElse("java"));
        argv.add("-cp");
        argv.add(String.join(java.io.File.pathSeparator, classpath));
        argv.add("-Djava.awt.headless=true");
        argv.add(SignkitKernel.class.getName());
        argv.add("{connection_file}");
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv);
        spec.put("display_name", "Java (signkit)");
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        AtomicFiles.writeString(dir.resolve("kernel.json"), Json.write(spec));
        return dir;
    }
}
