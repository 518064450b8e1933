package org.reprise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help text formats cleanly: picocli prints no warning (an unescaped % in a description). */
class HelpTextTest {

    @Test
    void everyHelpTextFormatsWithoutAWarning() {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StringBuilder usage = new StringBuilder();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            CommandLine cl = new CommandLine(new Main());
            usage.append(cl.getUsageMessage());
            for (Map.Entry<String, CommandLine> sub : cl.getSubcommands().entrySet()) {
                usage.append(sub.getValue().getUsageMessage());
            }
        } finally {
            System.setErr(saved);
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8), "picocli warned while formatting a help text");
        assertTrue(usage.toString().contains("95% coverage"), "the montecarlo description prints its percent sign");
        assertFalse(usage.toString().contains("%%"), "no doubled percent sign printed");
    }
}
