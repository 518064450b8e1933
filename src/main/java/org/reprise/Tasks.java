package org.reprise;

/** What a task that ran on another thread threw, thrown again on the thread that waited for it. */
public final class Tasks {
    private Tasks() {
    }

    /**
     * Throws {@code cause} as it was when it is unchecked (a {@link UserError} keeps its message); a checked
     * exception is wrapped. Declared to return so that callers can write {@code throw Tasks.rethrow(c)}.
     */
    public static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(cause);
    }
}
