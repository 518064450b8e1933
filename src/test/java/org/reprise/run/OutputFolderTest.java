package org.reprise.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.UserError;

/** The staging swap, the marker, the lock and the ownership rules of {@link OutputFolder}, without a pipeline. */
class OutputFolderTest {
    @TempDir
    Path tmp;

    private OutputTarget target(Path out) {
        return OutputTarget.ofOption(out, List.of());
    }

    private OutputFolder open(Path out) {
        return OutputFolder.open(target(out), Progress.silent());
    }

    @Test
    void commitReplacesTheWholeFolderAndListsItsFiles() throws Exception {
        Path out = tmp.resolve("output");
        OutputFolder a = open(out);
        a.writeText("report.md", "first");
        a.writeText("tables/t1.tex", "t1");
        a.commit();
        assertEquals("first", Files.readString(out.resolve("report.md")));
        assertEquals(List.of("report.md", "tables/t1.tex"), List.copyOf(OutputMarker.read(out).keySet()));
        OutputFolder b = open(out);
        b.writeText("report.md", "second");
        b.commit();
        assertEquals("second", Files.readString(out.resolve("report.md")));
        assertFalse(Files.exists(out.resolve("tables/t1.tex")), "stale files of the previous run are gone");
        assertFalse(Files.exists(tmp.resolve(".output.reprise")), "no work area left after a run");
    }

    @Test
    void anAbandonedRunLeavesThePreviousOutput() throws Exception {
        Path out = tmp.resolve("output");
        OutputFolder a = open(out);
        a.writeText("report.md", "good");
        a.commit();
        OutputFolder b = open(out);
        b.writeText("report.md", "half");
        b.abandon();
        assertEquals("good", Files.readString(out.resolve("report.md")));
        assertFalse(Files.exists(tmp.resolve(".output.reprise")));
    }

    @Test
    void aKillDuringTheSwapIsRepaired() throws Exception {
        Path out = tmp.resolve("output");
        OutputFolder a = open(out);
        a.writeText("report.md", "good");
        a.commit();
        Files.createDirectories(tmp.resolve(".output.reprise/staging-1"));
        Files.move(out, tmp.resolve(".output.reprise/previous")); // as if killed between the two renames
        OutputFolder.repair(out);
        assertEquals("good", Files.readString(out.resolve("report.md")));
        assertFalse(Files.exists(tmp.resolve(".output.reprise")), "leftovers of the killed run are gone");
    }

    @Test
    void refusesToWriteOutside() {
        OutputFolder a = open(tmp.resolve("output"));
        assertThrows(UserError.class, () -> a.writeText("../escape.txt", "x"));
        a.abandon();
    }

    @Test
    void aFileDroppedIntoAnOwnedFolderStopsTheNextRun() throws Exception {
        Path out = tmp.resolve("output");
        OutputFolder a = open(out);
        a.writeText("report.md", "good");
        a.commit();
        Files.writeString(out.resolve("notes.txt"), "mine");
        UserError e = assertThrows(UserError.class, () -> open(out));
        assertTrue(e.getMessage().contains("notes.txt"), e.getMessage());
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
    }

    @Test
    void aFileDroppedWhileARunRendersStopsItsSwap() throws Exception {
        Path out = tmp.resolve("output");
        OutputFolder a = open(out);
        a.writeText("report.md", "good");
        a.commit();
        OutputFolder b = open(out);
        b.writeText("report.md", "new");
        Files.writeString(out.resolve("notes.txt"), "mine");
        UserError e = assertThrows(UserError.class, b::commit);
        assertTrue(e.getMessage().contains("notes.txt"), e.getMessage());
        b.abandon();
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        assertEquals("good", Files.readString(out.resolve("report.md")));
    }

    @Test
    void aMarkerOfSomeoneElseDoesNotMakeTheFolderReprises() throws Exception {
        Path out = tmp.resolve("output");
        Files.createDirectories(out);
        Files.writeString(out.resolve(OutputMarker.NAME), "not ours\n");
        assertNull(OutputMarker.read(out));
        assertThrows(UserError.class, () -> open(out));
    }

    @Test
    void aSecondWriterWaitsThenStops() throws Exception {
        Path out = tmp.resolve("output");
        Path area = tmp.resolve(".output.reprise");
        Files.createDirectories(area);
        String old = System.getProperty(OutputFolder.WAIT_PROPERTY);
        System.setProperty(OutputFolder.WAIT_PROPERTY, "0");
        try (FileChannel ch = FileChannel.open(area.resolve(OutputLock.FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = ch.lock()) {
            UserError e = assertThrows(UserError.class, () -> open(out));
            assertTrue(e.getMessage().contains("output is being written by another Reprise run"), e.getMessage());
            assertTrue(held.isValid(), "the failed attempt did not take the other run's lock");
        } finally {
            if (old == null) {
                System.clearProperty(OutputFolder.WAIT_PROPERTY);
            } else {
                System.setProperty(OutputFolder.WAIT_PROPERTY, old);
            }
        }
        assertFalse(Files.exists(out));
    }

    @Test
    void whileAnotherRunSwapsTheEarlyCheckLeavesTheDecisionToTheLock() throws Exception {
        Path out = tmp.resolve("output");
        OutputFolder a = open(out);
        a.writeText("report.md", "good");
        a.commit();
        Files.writeString(out.resolve("report.md"), "new"); // as seen halfway through another run's swap
        assertThrows(UserError.class, () -> OutputFolder.check(target(out)));
        OutputLock other = OutputLock.tryOnce(tmp.resolve(".output.reprise"), true);
        OutputFolder.check(target(out)); // not judged now
        String old = System.getProperty(OutputFolder.WAIT_PROPERTY);
        System.setProperty(OutputFolder.WAIT_PROPERTY, "0");
        try {
            UserError e = assertThrows(UserError.class, () -> open(out));
            assertTrue(e.getMessage().contains("is being written by another Reprise run"), e.getMessage());
        } finally {
            other.release();
            if (old == null) {
                System.clearProperty(OutputFolder.WAIT_PROPERTY);
            } else {
                System.setProperty(OutputFolder.WAIT_PROPERTY, old);
            }
        }
        UserError e = assertThrows(UserError.class, () -> open(out), "decided under the lock");
        assertTrue(e.getMessage().contains("report.md (changed since Reprise wrote it)"), e.getMessage());
    }

    @Test
    void theLockIsTakenAgainAfterItsHolderLetGo() throws Exception {
        Path area = tmp.resolve(".x.reprise");
        OutputLock first = OutputLock.tryOnce(area, true);
        assertNull(OutputLock.tryOnce(area, true), "held");
        first.release();
        assertFalse(Files.exists(area), "the holder removes its lock file and the empty area");
        OutputLock second = OutputLock.tryOnce(area, true);
        assertTrue(second != null);
        second.release();
    }
}
