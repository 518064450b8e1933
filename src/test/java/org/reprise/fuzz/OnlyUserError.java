package org.reprise.fuzz;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.statistics.Statistics;
import org.reprise.UserError;

/**
 * The fuzz oracle: a parser call either returns or throws {@link UserError} with a usable message (non-blank, no
 * stack trace, shorter than 2000 characters). Anything else (NullPointerException, IndexOutOfBounds,
 * ClassCastException, StackOverflowError, OutOfMemoryError, a call that hangs) fails the property, with the input
 * in the failure message so jqwik's shrunk sample is a ready reproducer. Known, reported message flaws (a line break
 * in the message, an over-long quote of the input, Java class names) are counted, and fail only in strict mode
 * ({@code -Dreprise.fuzz.strict=true}); see {@link #messageFlaw} and FuzzBugsTest.
 *
 * <p>Calls run on one worker thread with the JVM's default thread stack size, as {@code java -jar} runs main(),
 * so a recursion depth that overflows there overflows here. The time limit only catches hangs (a runaway
 * loop or exponential blow-up); it is not a speed test.
 */
final class OnlyUserError {
    /** Longest accepted message. */
    static final int MAX_MESSAGE = 2000;
    /** A call still running after this long is taken to hang (system property reprise.fuzz.hangSeconds). */
    static final long HANG_SECONDS = Long.getLong("reprise.fuzz.hangSeconds", 30);

    private static final Pattern STACK_LINE = Pattern.compile("(?m)^\\s*at [\\w$.]+\\(");
    private static Thread workerThread;
    private static ExecutorService worker = newWorker();

    private OnlyUserError() {
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-worker");
            t.setDaemon(true);
            workerThread = t;
            return t;
        });
    }

    /**
     * A hung call never returns and ignores interrupts (a parser loop): stop its thread, so it does not go on burning
     * a core, and give later calls a fresh worker. Thread.stop is unsafe in general; here the thread only ever ran
     * the hung parser call.
     */
    @SuppressWarnings({"deprecation", "removal"})
    private static void abandonWorker() {
        Thread t = workerThread;
        worker.shutdownNow();
        if (t != null) {
            t.stop();
        }
        worker = newWorker();
    }

    /** System property {@code reprise.fuzz.stats=true}: print how often each outcome occurred, per property. */
    static final boolean STATS = Boolean.getBoolean("reprise.fuzz.stats");

    private static void collect(String target, String outcome) {
        if (STATS) {
            Statistics.label(target).collect(outcome);
        }
    }

    /** A call under test. */
    interface Call {
        void run() throws Exception;
    }

    /**
     * Runs {@code call}; returns the UserError it threw (null if it returned) after checking its message, or throws
     * AssertionError naming {@code target} and {@code input} for any other outcome.
     */
    static UserError check(String target, Object input, Call call) {
        return check(target, input, call, t -> null);
    }

    /** Names the known bug a throwable is, or null: none are excused now that every reported crash is fixed. */
    interface Excuse {
        String knownBug(Throwable t);
    }

    /**
     * As {@link #check(String, Object, Call)}, but a throwable that {@code excuse} names as a known, reported bug is
     * counted in the statistics instead of failing (unless {@code -Dreprise.fuzz.strict=true}).
     */
    static UserError check(String target, Object input, Call call, Excuse excuse) {
        Future<Throwable> f = worker.submit(() -> {
            try {
                call.run();
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        Throwable thrown;
        try {
            thrown = f.get(HANG_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            abandonWorker();
            throw new AssertionError(target + " did not return within " + HANG_SECONDS + " s (hang or blow-up) on "
                    + show(input));
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(target + ": the fuzz worker failed", e);
        }
        if (thrown == null) {
            collect(target, "returned");
            return null;
        }
        String bug = thrown instanceof UserError ? null : excuse.knownBug(thrown);
        if (bug != null && !STRICT) {
            collect(target, "known bug: " + bug);
            return null;
        }
        if (!(thrown instanceof UserError u)) {
            throw new AssertionError(target + " threw " + thrown.getClass().getName() + " (not UserError) on "
                    + show(input), thrown);
        }
        String m = u.getMessage();
        String problem = messageProblem(m);
        if (problem != null) {
            throw new AssertionError(target + ": UserError message " + problem + " on " + show(input)
                    + "\nmessage: " + show(m), u);
        }
        String flaw = messageFlaw(m);
        if (flaw != null && STRICT) {
            throw new AssertionError(target + ": UserError message " + flaw + " (strict mode) on " + show(input)
                    + "\nmessage: " + show(m), u);
        }
        collect(target, flaw == null ? "UserError" : "UserError, known flaw: " + flaw);
        return u;
    }

    /**
     * System property {@code reprise.fuzz.strict=true}: also fail on the known message flaws of {@link #messageFlaw}
     * (reported bugs with reproducers in FuzzBugsTest), to check a fix.
     */
    static final boolean STRICT = Boolean.getBoolean("reprise.fuzz.strict");

    private static final Pattern RUN = Pattern.compile("(.{1,8}?)\\1{20,}", Pattern.DOTALL);

    /**
     * The message with every run of a repeated pattern of up to 8 characters (as the fuzzer's long lines and deep
     * nesting are) cut to 20 repetitions: what is left is the message's own text.
     */
    static String collapseRuns(String m) {
        Matcher r = RUN.matcher(m);
        StringBuilder sb = new StringBuilder();
        while (r.find()) {
            r.appendReplacement(sb, Matcher.quoteReplacement(r.group(1).repeat(20)));
        }
        r.appendTail(sb);
        return sb.toString();
    }

    /**
     * What makes a UserError message unusable, or null: empty, a stack trace, or 2000 characters or more even when a
     * repeated over-long token of the input is counted short. (Line breaks, blank lines included, are flaws: they
     * come from quoted input or a library's text, see {@link #messageFlaw}.)
     */
    static String messageProblem(String m) {
        if (m == null || m.isBlank()) {
            return "is empty";
        }
        if (STACK_LINE.matcher(m).find()) {
            return "holds a stack trace";
        }
        if (m.length() >= MAX_MESSAGE && collapseRuns(m).length() >= MAX_MESSAGE) {
            return "is " + m.length() + " characters long (limit " + MAX_MESSAGE + ")";
        }
        return null;
    }

    private static final Pattern INTERNALS = Pattern.compile(
            "\\b(?:org\\.reprise|org\\.apache|com\\.fasterxml|org\\.yaml|java\\.(?:lang|io|util|nio))\\.[A-Za-z]");

    /**
     * A known, reported flaw that the default run tolerates (see FuzzBugsTest): a line break inside the message, a
     * length over the limit only because the message repeats an over-long token of the input, or Java class names
     * (a library's exception text passed through).
     */
    static String messageFlaw(String m) {
        if (m.indexOf('\n') >= 0 || m.indexOf('\r') >= 0) {
            return "line break";
        }
        if (m.length() >= MAX_MESSAGE) {
            return "over-long echo of the input";
        }
        if (INTERNALS.matcher(m).find()) {
            return "names Java classes";
        }
        return null;
    }

    /** The input as a Java-escaped literal, cut to a readable length. */
    static String show(Object input) {
        String s = String.valueOf(input);
        StringBuilder sb = new StringBuilder("\"");
        int limit = Math.min(s.length(), 600);
        for (int i = 0; i < limit; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
        if (s.length() > limit) {
            sb.append(" ... (").append(s.length()).append(" chars)");
        }
        return sb.toString();
    }
}
