package org.signkit.core;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * The one rule for turning a label, a name or a manifest row into a path. A component (a sign, a signer, a
 * condition) is one plain file name: not empty, not {@code .} or {@code ..}, no separator, no control character,
 * no surrounding space, not a name Windows reserves. A relative path (a manifest's {@code frame_path}) is such
 * components joined by {@code /}, never absolute. {@link #within} resolves one and checks the result stays under its
 * root, so no label or row can write or read outside the folder it belongs to.
 */
public final class PathNames {

    private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5",
            "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private PathNames() {
    }

    /** {@code value} if it is a safe single path component, else an error saying what is wrong with the {@code what}. */
    public static String component(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException(what + " '" + value + "' would name a folder above or at its parent, not inside it");
        }
        if (value.contains("/") || value.contains("\\")) {
            throw new IllegalArgumentException(what + " must not contain a path separator: '" + value + "'");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(what + " must not contain control characters: '" + value.replaceAll("\\p{Cntrl}", "?") + "'");
            }
        }
        if (!value.strip().equals(value)) {
            throw new IllegalArgumentException(what + " must not start or end with a space: '" + value + "'");
        }
        String stem = value.contains(".") ? value.substring(0, value.indexOf('.')) : value;
        if (RESERVED.contains(stem.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(what + " '" + value + "' is a reserved device name on Windows: rename it");
        }
        return value;
    }

    /** {@code value} if it is a relative path of safe components joined by {@code /}. */
    public static String relative(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (value.startsWith("/") || value.startsWith("\\") || (value.length() > 1 && value.charAt(1) == ':')) {
            throw new IllegalArgumentException(what + " must be relative to its folder, not absolute: '" + value + "'");
        }
        for (String part : value.split("/", -1)) {
            component(part, what + " component");
        }
        return value;
    }

    /** {@code root/relative}, checked to stay under {@code root}. */
    public static Path within(Path root, String relative, String what) {
        Path base = root.toAbsolutePath().normalize();
        Path p = base.resolve(relative(relative, what)).normalize();
        if (!p.startsWith(base)) {
            throw new IllegalArgumentException(what + " '" + relative + "' leaves " + root);
        }
        return p;
    }
}
