package org.reprise.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.reprise.figure.Figure;
import org.reprise.figure.FigureWriter;

/**
 * Figures built and drawn on the worker while the calling thread builds the report text, then drawn by both threads
 * ({@link #finish}). The worker first builds every figure (the charts, from finished results), then draws them; each
 * figure is drawn by one thread only, so its bytes are those it has when drawn alone. Failures are reported as when
 * everything ran on one thread: a build failure (the first in list order) by {@link #checkBuilt}, which the caller
 * calls where the figures used to be built, a drawing failure (the first in list order) by {@link #finish}.
 */
final class FigureDrawing {
    private final List<Supplier<Figure>> builds;
    private final Figure[] built;
    private final Throwable[] buildFailed;
    private final Object[] drawn;
    private final AtomicInteger next = new AtomicInteger();
    private final CountDownLatch allBuilt = new CountDownLatch(1);
    private final Worker.Task<Void> helper;

    private FigureDrawing(List<Supplier<Figure>> builds, Worker worker) {
        this.builds = builds;
        this.built = new Figure[builds.size()];
        this.buildFailed = new Throwable[builds.size()];
        this.drawn = new Object[builds.size()];
        this.helper = worker.submit(() -> {
            try {
                for (int i = 0; i < builds.size(); i++) {
                    try {
                        built[i] = builds.get(i).get();
                    } catch (RuntimeException | Error e) {
                        buildFailed[i] = e;
                    }
                }
            } finally {
                allBuilt.countDown();
            }
            draw();
            return null;
        });
    }

    /** Starts building and drawing the figures on {@code worker} (an inline worker: all of them now). */
    static FigureDrawing start(List<Supplier<Figure>> builds, Worker worker) {
        return new FigureDrawing(builds, worker);
    }

    private void draw() {
        for (int i = next.getAndIncrement(); i < built.length; i = next.getAndIncrement()) {
            if (built[i] == null) {
                continue;
            }
            try {
                drawn[i] = built[i].draw();
            } catch (RuntimeException | Error e) {
                drawn[i] = e;
            }
        }
    }

    /** Waits until every figure is built; throws the first build failure in list order. */
    void checkBuilt() {
        try {
            allBuilt.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the figures", e);
        }
        rethrow(buildFailed);
    }

    /** Draws what is left on this thread too and waits for the worker; the drawn figures in list order. */
    List<FigureWriter.Drawn> finish() {
        checkBuilt();
        draw();
        helper.join();
        rethrow(drawn);
        List<FigureWriter.Drawn> out = new ArrayList<>();
        for (Object o : drawn) {
            out.add((FigureWriter.Drawn) o);
        }
        return out;
    }

    private static void rethrow(Object[] outcomes) {
        for (Object o : outcomes) {
            if (o instanceof Throwable t) {
                throw org.reprise.Tasks.rethrow(t);
            }
        }
    }
}
