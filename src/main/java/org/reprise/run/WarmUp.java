package org.reprise.run;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads and initialises the PDF and Word libraries (OpenPDF's fonts, POI's XML schema types) by rendering a small
 * report in memory, on a thread of its own, while the run reads its data and estimates on the other core: the run's
 * own report.pdf and report.docx then do not pay for the libraries' class loading (docs/bench.md, "Cold start").
 * Warming the chart library as well was measured and gained nothing. Started when a run computes a unit (a run whose
 * every unit is cached renders nothing), at most once per process, and only with two cores or more. It writes
 * nothing, shares no state with the run but the libraries' own caches, is not waited for, and its failure is
 * ignored: the run's own rendering meets the same problem and reports it.
 */
final class WarmUp {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private WarmUp() {
    }

    static void start() {
        if (Runtime.getRuntime().availableProcessors() < 2 || !STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(WarmUp::libraries, "reprise-warm-up");
        t.setDaemon(true);
        t.start();
    }

    private static void libraries() {
        try {
            org.reprise.render.Renderers.warmUp();
        } catch (RuntimeException | LinkageError e) {
            // nothing to report here (see the class comment)
        }
    }
}
