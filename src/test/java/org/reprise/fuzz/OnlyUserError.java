package org.reprise.fuzz;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.reprise.UserError;

/**
 * The fuzz oracle: a parser call either returns or throws {@link UserError} with a usable message (non-blank, one
 * paragraph, shorter than 2000 characters, no stack trace). Anything else (NullPointerException, IndexOutOfBounds,
 * ClassCastException, StackOverflowError, OutOfMemoryError, a call that hangs) fails the property, with the input
 * in the failure message so jqwik's shrunk sample is a ready reproducer.
 *
 * <p>Calls run on one worker thread with the JVM's default thread stack size, as {@code java -jar} runs main(),
 * so a recursion depth that overflows there overflows here. The time limit only catches hangs (a runaway
 * loop or exponential blow-up); it is not a speed test.
 */
final class OnlyUserError {
    /** Longest accepted message. */
    static final int MAX_MESSAGE = 2000;
    /** A call still running after this long is taken to hang. */
    static final long HANG_SECONDS = 60;

    private static final Pattern STACK_LINE = Pattern.compile("(?m)^\\s*at [\\w$.]+\\(");
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-worker");
        t.setDaemon(true);
        return t;
    });

    private OnlyUserError() {
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
        Future<Throwable> f = WORKER.submit(() -> {
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
            f.cancel(true);
            throw new AssertionError(target + " did not return within " + HANG_SECONDS + " s (hang or blow-up) on "
                    + show(input));
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(target + ": the fuzz worker failed", e);
        }
        if (thrown == null) {
            return null;
        }
        if (!(thrown instanceof UserError u)) {
            throw new AssertionError(target + " threw " + thrown.getClass().getName() + " (not UserError) on "
                    + show(input), thrown);
        }
        String problem = messageProblem(u.getMessage());
        if (problem != null) {
            throw new AssertionError(target + ": UserError message " + problem + " on " + show(input)
                    + "\nmessage: " + show(u.getMessage()), u);
        }
        return u;
    }

    /** What is wrong with a UserError message, or null if it is fine. */
    static String messageProblem(String m) {
        if (m == null || m.isBlank()) {
            return "is empty";
        }
        if (m.length() >= MAX_MESSAGE) {
            return "is " + m.length() + " characters long (limit " + MAX_MESSAGE + ")";
        }
        if (m.indexOf('\n') >= 0 || m.indexOf('\r') >= 0) {
            return "spans several lines";
        }
        if (STACK_LINE.matcher(m).find()) {
            return "holds a stack trace";
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
