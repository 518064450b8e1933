package org.reprise.run;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

/**
 * A second thread for the units of a run that do not depend on each other (docs/bench.md, "Cold start"): tasks run
 * one after another in the order they were given, while the calling thread goes on with its own work, and the
 * caller takes each result ({@link Task#join}) at the place the unit has in the spec, so what is written, and which
 * error is reported when several units fail (the first in spec order), does not depend on timing. No task shares
 * mutable state with another or with the caller. With one core ({@link #inline}) a task runs when it is given.
 */
final class Worker implements AutoCloseable, java.util.concurrent.Executor {
    private final LinkedBlockingQueue<Runnable> queue;
    private final Thread thread;

    private Worker(boolean parallel) {
        if (!parallel) {
            queue = null;
            thread = null;
            return;
        }
        queue = new LinkedBlockingQueue<>();
        thread = new Thread(this::loop, "reprise-worker");
        thread.setDaemon(true);
        thread.start();
    }

    /** A worker thread when there are two cores or more, else {@link #inline}. */
    static Worker start() {
        return new Worker(Runtime.getRuntime().availableProcessors() > 1);
    }

    /** Every task runs on the caller's thread when it is given. */
    static Worker inline() {
        return new Worker(false);
    }

    private void loop() {
        try {
            while (true) {
                Runnable r = queue.take();
                if (r == STOP) {
                    return;
                }
                r.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final Runnable STOP = () -> {
    };

    /** Runs {@code work} after the tasks given before it; its result or failure is kept for {@link Task#join}. */
    <T> Task<T> submit(Supplier<T> work) {
        FutureTask<T> f = new FutureTask<>(work::get);
        if (queue == null) {
            f.run();
        } else {
            queue.add(f);
        }
        return new Task<>(f);
    }

    /** Runs {@code work} after the tasks given before it (inline: now); it reports its own outcome. */
    @Override
    public void execute(Runnable work) {
        if (queue == null) {
            work.run();
        } else {
            queue.add(work);
        }
    }

    /** A task that is already done (a unit taken from the cache). */
    static <T> Task<T> done(T value) {
        FutureTask<T> f = new FutureTask<>(() -> value);
        f.run();
        return new Task<>(f);
    }

    /** The thread ends after the tasks already given (it is a daemon: a failed run does not wait for it). */
    @Override
    public void close() {
        if (queue != null) {
            queue.add(STOP);
        }
    }

    /** One task's result. */
    static final class Task<T> {
        private final FutureTask<T> future;

        private Task(FutureTask<T> future) {
            this.future = future;
        }

        /** Waits for the task; its own RuntimeException or Error is rethrown as it was thrown. */
        T join() {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a unit of the run", e);
            } catch (ExecutionException e) {
                throw org.reprise.Tasks.rethrow(e.getCause());
            }
        }
    }
}
