package org.reprise.run;

/**
 * Loads and initialises the report libraries (OpenPDF, POI and XMLBeans, Freemarker, JFreeChart and Java2D's fonts,
 * ImageIO) on a second thread while the main thread reads the spec and the data and estimates: on a machine with
 * two cores or more, that start-up work no longer adds to a run's wall time (docs/bench.md). The warm-up renders
 * only throw-away documents in memory and writes nothing; {@link Pipeline} waits for it to end before it builds the
 * first figure or report part, so the two threads never initialise the same library at the same moment.
 */
public final class Warmup {
    private static Thread thread;
    /** Whether this run draws figures: null until the spec is read and the cache looked up. */
    private static volatile Boolean figures;

    private Warmup() {
    }

    /** Starts the warm-up once per JVM (later calls do nothing); with a single core, it is not started. */
    public static synchronized void start() {
        if (thread != null || Runtime.getRuntime().availableProcessors() < 2) {
            return;
        }
        digests();
        thread = new Thread(Warmup::run, "reprise-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Tells the warm-up whether the run will draw figures (the spec has some and the cache has none): JFreeChart and
     * Java2D's fonts are warmed up only then, after the report formats.
     */
    static void figures(boolean drawn) {
        figures = drawn;
    }

    /** Waits until the warm-up, if one was started, has ended. */
    static void await() {
        Thread t;
        synchronized (Warmup.class) {
            t = thread;
        }
        if (t == null) {
            return;
        }
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs SHA-256 and MD5 once on the main thread before the warm-up starts. Observed with HotSpot 17 and C1 only:
     * when a message digest was first used on the warm-up thread (OpenPDF's document ID), SHA-256's block function
     * sat in the compile queue for the rest of the run and the run's own hashing (data provenance, the output
     * marker) ran interpreted, half a second of CPU on the default report (-XX:+PrintTieredEvents: "in-queue").
     */
    private static void digests() {
        try {
            java.security.MessageDigest.getInstance("SHA-256").digest(new byte[256]);
            java.security.MessageDigest.getInstance("MD5").digest(new byte[256]);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run() {
        // the same first logging call the main thread's JEXL makes, so log4j is set up along one path only
        quietly(() -> org.apache.commons.logging.LogFactory.getLog(Warmup.class));
        quietly(org.reprise.render.Renderers::warmUp);
        if (Boolean.TRUE.equals(figures)) {
            quietly(org.reprise.figure.Figures::warmUp);
        }
    }

    /** A failure here only means no warm-up: the real work reports its own errors. */
    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException | Error e) {
            // ignored on purpose
        }
    }
}
