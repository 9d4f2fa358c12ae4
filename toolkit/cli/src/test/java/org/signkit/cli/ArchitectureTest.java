package org.signkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build's layering rules, over every module's sources (main and test): only {@code train-onednn} names the
 * oneDNN engine's package (everything else reaches it through {@code TrainingEngine}), and every class sits in a
 * package signkit owns, except the one ND4J class of {@code nd4j-compat}.
 */
class ArchitectureTest {

    private static final Path TOOLKIT = Path.of("..").toAbsolutePath().normalize();
    // Spelled in parts so that this file does not name the package itself.
    private static final String ONEDNN_PACKAGE = String.join(".", "org", "signkit", "train", "onednn");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");

    @Test
    void onlyTrainOneDnnNamesTheOneDnnPackage() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : sources()) {
            if (!module(file).equals("train-onednn") && Files.readString(file).contains(ONEDNN_PACKAGE)) {
                offenders.add(TOOLKIT.relativize(file).toString());
            }
        }
        assertEquals(List.of(), offenders, "classes outside train-onednn that name " + ONEDNN_PACKAGE
                + " (use org.signkit.train.TrainingEngine / TrainingEngines)");
    }

    @Test
    void everyClassSitsInAPackageSignkitOwns() throws IOException {
        List<String> offenders = new ArrayList<>();
        List<Path> compat = new ArrayList<>();
        for (Path file : sources()) {
            Matcher m = PACKAGE.matcher(Files.readString(file));
            String pkg = m.find() ? m.group(1) : "";
            if (module(file).equals("nd4j-compat")) {
                compat.add(file);
            } else if (!pkg.equals("org.signkit") && !pkg.startsWith("org.signkit.")) {
                offenders.add(TOOLKIT.relativize(file) + " (package '" + pkg + "')");
            }
        }
        assertEquals(List.of(), offenders, "classes in packages signkit does not own");
        assertEquals(1, compat.size(), "nd4j-compat holds exactly one class: " + compat);
        assertTrue(compat.get(0).endsWith(Path.of("org/nd4j/nativeblas/Nd4jCpu$Environment.java")), compat.toString());
    }

    private static List<Path> sources() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> modules = Files.list(TOOLKIT)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                Path src = module.resolve("src");
                if (Files.isDirectory(src)) {
                    try (Stream<Path> files = Files.walk(src)) {
                        files.filter(f -> f.toString().endsWith(".java")).forEach(out::add);
                    }
                }
            }
        }
        assertTrue(out.size() > 100, "found the toolkit's sources under " + TOOLKIT + ": " + out.size());
        return out;
    }

    private static String module(Path file) {
        return TOOLKIT.relativize(file).getName(0).toString();
    }
}
