package org.reprise.estimate.match;

import java.util.Arrays;

/**
 * Common support as psmatch2 4.0.12 imposes it (its {@code _Support_} and {@code _Support_trim} programs).
 * <ul>
 * <li>{@code common}: treated with score &lt; min or &gt; max of all controls' scores are dropped; with
 *     {@code ate} also controls outside [min, max] of the treated scores.</li>
 * <li>{@code trim(t)}, t &lt; 100: the density of the controls' scores is estimated at every treated score with
 *     Stata's {@code kdensity} defaults (Epanechnikov kernel K(z) = 0.75 (1 - z^2/5) / sqrt(5) for |z| &lt; sqrt(5),
 *     bandwidth h = 0.9 min(sd, IQR/1.349) n^(-1/5)); treated where it is 0 are dropped, and those whose density
 *     is below the t-th percentile (Stata's {@code _pctile} definition) of the treated's densities.</li>
 * </ul>
 */
final class Support {
    private Support() {
    }

    static void common(double[] score, boolean[] treated, boolean[] support, boolean ate) {
        dropOutside(score, treated, support, true);
        if (ate) {
            dropOutside(score, treated, support, false);
        }
    }

    /** Drops units of group {@code dropTreated} outside the score range of the other group. */
    private static void dropOutside(double[] score, boolean[] treated, boolean[] support, boolean dropTreated) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < score.length; i++) {
            if (treated[i] != dropTreated) {
                min = Math.min(min, score[i]);
                max = Math.max(max, score[i]);
            }
        }
        for (int i = 0; i < score.length; i++) {
            if (treated[i] == dropTreated && (score[i] < min || score[i] > max)) {
                support[i] = false;
            }
        }
    }

    static void trim(double[] score, boolean[] treated, boolean[] support, double level, boolean ate) {
        trimGroup(score, treated, support, level, true);
        if (ate) {
            trimGroup(score, treated, support, level, false);
        }
    }

    private static void trimGroup(double[] score, boolean[] treated, boolean[] support, double level,
                                  boolean group) {
        int n = score.length;
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (treated[i] != group) {
                m++;
            }
        }
        double[] other = new double[m];
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (treated[i] != group) {
                other[c++] = score[i];
            }
        }
        Arrays.sort(other);
        double h = statBandwidth(other);
        double reach = Math.sqrt(5) * h;
        int cnt = 0;
        for (int i = 0; i < n; i++) {
            if (treated[i] == group) {
                cnt++;
            }
        }
        double[] dens = new double[n];
        double[] groupDens = new double[cnt];
        c = 0;
        for (int i = 0; i < n; i++) {
            if (treated[i] != group) {
                continue;
            }
            double x = score[i];
            int lo = Gauss.lowerBound(other, x - reach);
            double s = 0;
            for (int j = lo; j < m && other[j] <= x + reach; j++) {
                double z = (x - other[j]) / h;
                if (Math.abs(z) < Math.sqrt(5)) {
                    s += 0.75 * (1 - z * z / 5) / Math.sqrt(5);
                }
            }
            dens[i] = s / (m * h);
            groupDens[c++] = dens[i];
        }
        Arrays.sort(groupDens);
        double cut = level > 0 ? statPercentile(groupDens, level) : Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (treated[i] == group && (dens[i] == 0 || dens[i] < cut)) {
                support[i] = false;
            }
        }
    }

    /** Stata kdensity's default width 0.9 min(sd, IQR/1.349) n^(-1/5) for sorted x. */
    static double statBandwidth(double[] sorted) {
        int n = sorted.length;
        double mean = 0;
        for (double x : sorted) {
            mean += x;
        }
        mean /= n;
        double ss = 0;
        for (double x : sorted) {
            ss += (x - mean) * (x - mean);
        }
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
        double iqr = statPercentile(sorted, 75) - statPercentile(sorted, 25);
        double m = Math.min(sd, iqr / 1.349);
        if (m <= 0) {
            m = sd;
        }
        return 0.9 * m / Math.pow(n, 0.2);
    }

    /** Stata's default percentile: P = n p / 100; integer P: mean of x(P), x(P+1); else x(ceil P) (1-based). */
    static double statPercentile(double[] sorted, double p) {
        int n = sorted.length;
        double pos = n * p / 100.0;
        long fl = (long) Math.floor(pos);
        if (pos == fl) {
            if (fl <= 0) {
                return sorted[0];
            }
            if (fl >= n) {
                return sorted[n - 1];
            }
            return (sorted[(int) fl - 1] + sorted[(int) fl]) / 2;
        }
        int idx = (int) Math.min(n, fl + 1);
        return sorted[idx - 1];
    }
}
