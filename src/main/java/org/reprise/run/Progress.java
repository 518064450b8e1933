package org.reprise.run;

import java.io.PrintStream;
import java.util.Locale;

/** One line per step on stderr with the step's time; silent with --quiet. */
public final class Progress implements org.reprise.render.Renderers.Steps {
    private final PrintStream out;
    private final boolean quiet;
    private final java.io.ByteArrayOutputStream kept;

    public Progress(PrintStream out, boolean quiet) {
        this(out, quiet, null);
    }

    private Progress(PrintStream out, boolean quiet, java.io.ByteArrayOutputStream kept) {
        this.out = out;
        this.quiet = quiet;
        this.kept = kept;
    }

    /**
     * A progress that keeps its lines (steps, warnings, remarks) until {@link #replay}: what a unit computed on another
     * thread prints, printed where the unit stands in the run.
     */
    Progress keeping() {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        return new Progress(new PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8), quiet, buffer);
    }

    /** Prints the lines {@code kept} (a {@link #keeping} progress) kept so far. */
    void replay(Progress kept) {
        kept.out.flush();
        out.print(kept.kept.toString(java.nio.charset.StandardCharsets.UTF_8));
        out.flush();
    }

    public static Progress silent() {
        return new Progress(System.err, true);
    }

    /** Runs a step, then prints "what ... 0.123 s". */
    @Override
    public <T> T step(String what, java.util.function.Supplier<T> work) {
        long t0 = System.nanoTime();
        T result = work.get();
        line(what, (System.nanoTime() - t0) / 1e9);
        return result;
    }

    public void step(String what, Runnable work) {
        long t0 = System.nanoTime();
        work.run();
        line(what, (System.nanoTime() - t0) / 1e9);
    }

    /** Prints "what ... 0.123 s" for a step that began at {@code since} ({@link System#nanoTime}). */
    void done(String what, long since) {
        line(what, (System.nanoTime() - since) / 1e9);
    }

    /** A remark the user should see even with --quiet (e.g. an omitted collinear term). */
    public void warn(String message) {
        out.println("warning: " + message);
    }

    public void info(String message) {
        if (!quiet) {
            out.println(message);
        }
    }

    private void line(String what, double seconds) {
        if (!quiet) {
            out.println(String.format(Locale.ROOT, "%-60s %8.3f s", what, seconds));
        }
    }
}
