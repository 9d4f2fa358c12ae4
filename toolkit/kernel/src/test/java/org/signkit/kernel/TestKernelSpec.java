package org.signkit.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The signkit kernelspec installed under a test folder, on the test's classpath: what Jupyter then starts. */
final class TestKernelSpec {

    private TestKernelSpec() {
    }

    /** Installs it under {@code dir/share/jupyter/kernels} and returns the JUPYTER_PATH to use ({@code dir/share/jupyter}). */
    static Path install(Path dir) throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> classpath = new ArrayList<>();
        for (String e : cp.split(File.pathSeparator)) {
            classpath.add(Path.of(e).toAbsolutePath().toString());
        }
        KernelSpec.install(dir.resolve("share/jupyter/kernels"), classpath);
        return dir.resolve("share/jupyter");
    }
}
