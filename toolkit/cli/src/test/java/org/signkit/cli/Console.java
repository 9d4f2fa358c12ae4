package org.signkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

/** Runs {@code signkit} in-process and captures what it prints. */
final class Console {

    private Console() {
    }

    /** Standard output of a run that must exit with {@code expected}. */
    static String out(int expected, String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true));
        try {
            assertEquals(expected, SignkitCommand.execute(args), buf.toString());
        } finally {
            System.setOut(old);
        }
        return buf.toString();
    }

    /** Standard error of a run that must exit with {@code expected}. */
    static String err(int expected, String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true));
        try {
            assertEquals(expected, SignkitCommand.execute(args), buf.toString());
        } finally {
            System.setErr(old);
        }
        return buf.toString();
    }
}
