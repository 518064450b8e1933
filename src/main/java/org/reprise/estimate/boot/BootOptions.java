package org.reprise.estimate.boot;

/**
 * Options of {@link Bootstrap#run}.
 *
 * @param threads  worker threads; 0 = all available processors. Results do not depend on it.
 * @param strata   null for unstratified resampling (Stata's {@code bootstrap}); otherwise one label per observation
 *                 and every observation's slot is redrawn from its own stratum, so stratum sizes are kept
 *                 (Stata's {@code bootstrap, strata()}), e.g. 1/0 for treated/controls
 * @param level    confidence level in percent, default 95
 * @param progress draw a progress bar on stderr (only when a console is attached)
 */
public record BootOptions(int threads, int[] strata, double level, boolean progress) {

    /** All cores, unstratified, 95%, progress bar on a console. */
    public static BootOptions defaults() {
        return new BootOptions(0, null, 95, true);
    }

    public BootOptions withThreads(int t) {
        return new BootOptions(t, strata, level, progress);
    }

    public BootOptions withStrata(int[] s) {
        return new BootOptions(threads, s, level, progress);
    }

    public BootOptions withLevel(double l) {
        return new BootOptions(threads, strata, l, progress);
    }

    public BootOptions withProgress(boolean p) {
        return new BootOptions(threads, strata, level, p);
    }
}
