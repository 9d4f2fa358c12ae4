package org.signkit.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help renders cleanly (picocli warns on stray format characters such as a bare '%'). */
class HelpTextTest {

    @Test
    void everyCommandsHelpRendersWithoutWarnings() {
        List<CommandLine> all = new ArrayList<>();
        collect(new CommandLine(new SignkitCommand()), all);
        assertTrue(all.size() > 20, "commands found: " + all.size());
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true));
        try {
            for (CommandLine c : all) {
                String usage = c.getUsageMessage();
                assertFalse(usage.isBlank(), c.getCommandName());
            }
        } finally {
            System.setErr(old);
        }
        assertFalse(buf.toString().contains("picocli WARN"), buf.toString());
    }

    private static void collect(CommandLine c, List<CommandLine> into) {
        into.add(c);
        c.getSubcommands().values().forEach(s -> collect(s, into));
    }
}
