package org.signkit.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Javadoc of signkit's own types and methods read from the checkout's sources, for inspection (Shift-Tab) where
 * JShell finds none: signkit's jars carry classes only. A comment is the {@code /** ... *}{@code /} block right
 * before the type's or the method's declaration.
 */
final class Javadocs {

    private Javadocs() {
    }

    /**
     * The javadoc of {@code member} (null: the type itself) of class {@code qualifiedName}, as plain text, or null
     * when the source or the comment is not found.
     */
    static String of(String qualifiedName, String member) {
        String outer = qualifiedName.contains("$") ? qualifiedName.substring(0, qualifiedName.indexOf('$')) : qualifiedName;
        Path toolkit = Notebook.root().resolve("toolkit");
        if (!Files.isDirectory(toolkit)) {
            return null;
        }
        try (var modules = Files.list(toolkit)) {
            for (Path m : modules.toList()) {
                Path src = m.resolve("src/main/java").resolve(outer.replace('.', '/') + ".java");
                if (Files.isRegularFile(src)) {
                    String simple = qualifiedName.substring(Math.max(qualifiedName.lastIndexOf('.'), qualifiedName.lastIndexOf('$')) + 1);
                    return comment(Files.readString(src), member == null
                            ? "(?:class|record|enum|interface)\\s+" + Pattern.quote(simple) + "\\b"
                            : "[\\w<>\\[\\],.? ]+\\s+" + Pattern.quote(member) + "\\s*\\(");
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static String comment(String source, String declaration) {
        Matcher m = Pattern.compile("/\\*\\*((?:(?!\\*/).)*?)\\*/\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*(?:public |protected |private |static |final |abstract |sealed )*"
                + declaration, Pattern.DOTALL).matcher(source);
        if (!m.find()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String line : m.group(1).split("\n")) {
            String t = line.strip();
            t = t.startsWith("*") ? t.substring(1).strip() : t;
            out.append(t).append('\n');
        }
        return out.toString().replaceAll("\\{@(?:code|link|linkplain) ([^}]*)}", "$1").strip();
    }
}
