package org.reprise.figure;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;

/**
 * Fixed, readable value axes: five to ten intervals at 1, 2, 2.5 or 5 × 10^k, labels with as many decimals as the
 * step needs and a true minus sign (U+2212). JFreeChart's own choice packs ticks as densely as the labels allow.
 */
final class Ticks {
    private Ticks() {
    }

    /** The tick step for a span: the largest of 1, 2, 2.5, 5 × 10^k that still gives at least {@code min} intervals. */
    static double step(double span, int min) {
        int top = (int) Math.floor(Math.log10(span));
        double best = Math.pow(10, top - 2);
        for (int e = top - 2; e <= top + 1; e++) {
            double p = Math.pow(10, e);
            for (double m : new double[] {1, 2, 2.5, 5}) {
                if (span / (m * p) >= min * (1 - 1e-9)) {
                    best = m * p;
                }
            }
        }
        return best;
    }

    /** Sets the range to [lo, hi] widened by {@code pad} of the span on both sides, and a fixed tick unit. */
    static void apply(NumberAxis axis, double lo, double hi, double pad, boolean absolute) {
        if (!(hi > lo)) {
            double half = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= half;
            hi += half;
        }
        double span = hi - lo;
        double step = step(span, 5);
        axis.setRange(lo - pad * span, hi + pad * span);
        NumberFormat format = format(step, absolute);
        axis.setTickUnit(new NumberTickUnit(step, format), false, true);
        axis.setNumberFormatOverride(format);
    }

    static NumberFormat format(double step, boolean absolute) {
        int decimals = 0;
        while (decimals < 10 && Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals)))
                > 1e-6) {
            decimals++;
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setMinusSign('\u2212');
        DecimalFormat inner = new DecimalFormat(decimals == 0 ? "0" : "0." + "0".repeat(decimals), symbols);
        return absolute ? new ScoreDensityChart.AbsoluteFormat(inner) : new SignedFormat(inner);
    }

    /** Formats with the given pattern and turns −0 into 0. */
    static final class SignedFormat extends NumberFormat {
        private final DecimalFormat inner;

        SignedFormat(DecimalFormat inner) {
            this.inner = inner;
        }

        @Override
        public StringBuffer format(double number, StringBuffer to, java.text.FieldPosition pos) {
            String s = inner.format(number);
            if (s.matches("\u2212[0.]+")) {
                s = s.substring(1);
            }
            return to.append(s);
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, java.text.FieldPosition pos) {
            return format((double) number, to, pos);
        }

        @Override
        public Number parse(String source, java.text.ParsePosition pos) {
            return inner.parse(source, pos);
        }
    }
}
