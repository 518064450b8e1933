package org.reprise.estimate.boot;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/** A one-line progress bar on stderr, drawn only when a console is attached (never in logs or pipes). */
final class ProgressBar {
    private final int total;
    private final PrintStream out;
    private final AtomicInteger done = new AtomicInteger();
    private int shown = -1;

    private ProgressBar(int total, PrintStream out) {
        this.total = total;
        this.out = out;
    }

    /** A bar, or null when disabled or no console is attached. */
    static ProgressBar create(int total, boolean wanted) {
        return wanted && System.console() != null ? new ProgressBar(total, System.err) : null;
    }

    void step() {
        int d = done.incrementAndGet();
        int pct = (int) (100L * d / total);
        synchronized (this) {
            if (pct != shown) {
                shown = pct;
                int bars = pct / 4;
                out.print("\rbootstrap [" + "#".repeat(bars) + " ".repeat(25 - bars) + "] " + d + "/" + total);
                if (d == total) {
                    out.println();
                }
                out.flush();
            }
        }
    }
}
