package org.reprise.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.UserError;

class OutputFolderTest {
    @TempDir
    Path tmp;

    @Test
    void commitReplacesTheWholeFolder() throws Exception {
        Path out = tmp.resolve("output");
        OutputFolder a = OutputFolder.open(out);
        a.writeText("report.md", "first");
        a.writeText("tables/t1.tex", "t1");
        a.commit();
        assertEquals("first", Files.readString(out.resolve("report.md")));
        OutputFolder b = OutputFolder.open(out);
        b.writeText("report.md", "second");
        b.commit();
        assertEquals("second", Files.readString(out.resolve("report.md")));
        assertFalse(Files.exists(out.resolve("tables/t1.tex")), "stale files of the previous run are gone");
    }

    @Test
    void anAbandonedRunLeavesThePreviousOutput() throws Exception {
        Path out = tmp.resolve("output");
        OutputFolder a = OutputFolder.open(out);
        a.writeText("report.md", "good");
        a.commit();
        OutputFolder b = OutputFolder.open(out);
        b.writeText("report.md", "half");
        b.abandon();
        assertEquals("good", Files.readString(out.resolve("report.md")));
        // a kill before commit: staging left behind, next open clears it and the old output stays
        OutputFolder c = OutputFolder.open(out);
        c.writeText("report.md", "half again");
        OutputFolder.open(out);
        assertEquals("good", Files.readString(out.resolve("report.md")));
    }

    @Test
    void aKillDuringTheSwapIsRepaired() throws Exception {
        Path out = tmp.resolve("output");
        OutputFolder a = OutputFolder.open(out);
        a.writeText("report.md", "good");
        a.commit();
        Files.move(out, tmp.resolve(".output.previous")); // as if killed between the two renames
        OutputFolder.open(out);
        assertEquals("good", Files.readString(out.resolve("report.md")));
    }

    @Test
    void refusesToWriteOutside() {
        OutputFolder a = OutputFolder.open(tmp.resolve("output"));
        assertThrows(UserError.class, () -> a.writeText("../escape.txt", "x"));
    }
}
