package org.signkit.kernel;

/**
 * Where a cell's value crosses from the JShell snippet to the kernel: JShell runs snippets in this JVM
 * (local execution), so the kernel evaluates {@code org.signkit.kernel.Results.hold(VALUE)} after a
 * cell whose last snippet is an expression, then takes the object to render it.
 */
public final class Results {

    private static Object held;

    private Results() {
    }

    /** Called by the snippet the kernel generates. */
    public static synchronized void hold(Object value) {
        held = value;
    }

    /** The held value, cleared. */
    static synchronized Object take() {
        Object v = held;
        held = null;
        return v;
    }
}
