package org.reprise.run;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.reprise.UserError;
import org.reprise.data.ModelFrame;
import org.reprise.estimate.LinearFit;
import org.reprise.estimate.Ols;
import org.reprise.spec.Method;
import org.reprise.spec.ModelSpec;

/**
 * Models whose numbers would mislead: refused (exit 2) before or right after fitting, or warned about. Rules and
 * what Stata does instead: docs/estimators.md, "Degenerate models".
 */
final class ModelChecks {
    /** Above this ratio of the largest to the smallest analytic weight, a warning (Stata estimates silently). */
    static final double WEIGHT_RATIO_WARN = 1e6;
    /** An exact fit: residual sum of squares at most this fraction of the outcome's variation (R² = 1 to rounding). */
    static final double EXACT_FIT = 1e-20;

    private ModelChecks() {
    }

    /** Checks on the frame, before any estimator runs; returns warnings (the analysis goes on). */
    static List<String> before(ModelSpec m, ModelFrame f) {
        names(m, f);
        int n = f.y().length;
        if (m.method() == Method.OLS) {
            constantOutcome(m, f);
        }
        if (m.method() == Method.OLS && !m.absorb().isEmpty()) {
            for (int a = 0; a < f.absorb().size(); a++) {
                if (ModelFrame.groups(f.absorb().get(a)) >= n) {
                    throw new UserError("model `" + m.id() + "`: every group of the absorbed variable `"
                            + m.absorb().get(a) + "` is a single row (" + n + " rows, " + n + " groups), so the fixed"
                            + " effects explain the outcome exactly and nothing is left to estimate the slopes from."
                            + " Absorb a coarser grouping (e.g. the panel id rather than id × time), or drop"
                            + " `absorb`.");
                }
            }
        }
        List<String> warnings = new ArrayList<>();
        if (f.weights() != null) {
            weights(m, f, warnings);
        }
        return warnings;
    }

    /** A data column named like the intercept, the same term twice, or the outcome among its regressors. */
    private static void names(ModelSpec m, ModelFrame f) {
        names("model `" + m.id() + "`", "outcome", m.outcome(), "terms", f.names(), m.constant());
    }

    /**
     * The name checks for any model with an intercept named {@code _cons}: who ("model `m1`", "matching `psm`"),
     * its outcome, the key listing its regressors, the regressor names, whether it has an intercept.
     */
    static void names(String who, String role, String outcome, String key, String[] names, boolean constant) {
        Set<String> seen = new HashSet<>();
        int conses = 0;
        for (String name : names) {
            if (name.equals(Ols.CONS)) {
                conses++;
            }
            if (name.equals(outcome)) {
                throw new UserError(who + ": the " + role + " `" + outcome + "` is also one of its own " + key
                        + ", so it explains itself exactly. Remove `" + outcome + "` from `" + key + "`; for a lagged "
                        + role + " derive it first, e.g. derive: [{name: " + outcome + "_lag, expr: ...}].");
            }
            if (!seen.add(name) && !name.equals(Ols.CONS)) {
                throw new UserError(who + ": two " + key + " are both named `" + name + "`, so the table could not"
                        + " tell their coefficients apart. List each once in `" + key + "`.");
            }
        }
        if (conses > (constant ? 1 : 0)) {
            throw new UserError(who + ": the data column `_cons` is used as a term, but `_cons` is the name of the"
                    + " intercept (as in Stata, where it is a reserved name), so the two would be confused in the"
                    + " results and the table. Rename the column, e.g. derive: [{name: cons_var, expr: _cons}], and"
                    + " use the new name in `" + key + "`.");
        }
    }

    private static void constantOutcome(ModelSpec m, ModelFrame f) {
        double[] y = f.y();
        for (double v : y) {
            if (v != y[0]) {
                return;
            }
        }
        throw new UserError("model `" + m.id() + "`: the outcome `" + m.outcome() + "` is " + plain(y[0]) + " in all "
                + y.length + " rows of the estimation sample, so there is nothing to explain: every coefficient and"
                + " standard error would be meaningless. Check the outcome (is it the variable you meant?) and the"
                + " model's `if:` condition.");
    }

    /**
     * Analytic weights are rescaled to sum to n as Stata's aweights; Stata then estimates whatever the ratio. When so
     * few rows carry the weight that the effective sample size (Kish: (Σw)²/Σw²) is no larger than the number of
     * parameters, there is no residual variation to measure precision with: refused. A ratio of largest to smallest
     * weight above {@link #WEIGHT_RATIO_WARN} is warned about.
     */
    private static void weights(ModelSpec m, ModelFrame f, List<String> warnings) {
        double[] w = f.weights();
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        int at = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i] > max) {
                max = w[i];
                at = i;
            }
            min = Math.min(min, w[i]);
        }
        double sum = 0;
        double sum2 = 0;
        for (double v : w) {
            double s = v / max; // scaled so that 1e300 does not overflow its square
            sum += s;
            sum2 += s * s;
        }
        double nEff = sum * sum / sum2;
        int params = f.names().length;
        if (nEff <= params) {
            throw new UserError("model `" + m.id() + "`: the weights `" + m.weights() + "` put so much weight on a few"
                    + " rows that the effective sample size is " + String.format(Locale.ROOT, "%.2f", nEff) + " for "
                    + params + " parameters (data row " + (f.rows()[at] + 1) + " has weight " + plain(max)
                    + ", the smallest is " + plain(min) + "); the estimates would be decided by those rows alone."
                    + " Check the weight variable (a missing-value code such as 1e300 or 99999 read as a weight?).");
        }
        if (max / min > WEIGHT_RATIO_WARN) {
            warnings.add("the largest weight (" + plain(max) + ", data row " + (f.rows()[at] + 1) + ") is more than "
                    + String.format(Locale.ROOT, "%.0e", WEIGHT_RATIO_WARN) + " times the smallest (" + plain(min)
                    + "); Stata estimates this too, but check the weight variable `" + m.weights() + "`.");
        }
    }

    /**
     * Checks on a least-squares fit: no residual degrees of freedom is refused; an exact fit (R² = 1 to rounding) is
     * reported as Stata and R report it (NIST's Wampler1 is one), with a warning, and the table prints no stars on its
     * standard errors, which are zero up to rounding ({@link org.reprise.table.StarRule}). Returns the warnings.
     */
    static List<String> after(ModelSpec m, ModelFrame f, LinearFit fit, int rows) {
        if (fit.dfResid() <= 0) {
            List<String> kept = new ArrayList<>();
            for (int j = 0; j < fit.names().length; j++) {
                if (!fit.omitted()[j]) {
                    kept.add(fit.names()[j]);
                }
            }
            int absorbed = fit.absorbed() + (fit.hasConstant() && !kept.contains(Ols.CONS) ? 1 : 0);
            throw new UserError("model `" + m.id() + "`: the estimation sample has " + rows + " row"
                    + (rows == 1 ? "" : "s") + " for " + kept.size() + " parameter" + (kept.size() == 1 ? "" : "s")
                    + " (" + String.join(", ", kept) + ")" + (absorbed > 0 ? " and " + absorbed
                    + " absorbed fixed effects" : "") + ": no residual degrees of freedom are left, so no standard"
                    + " error can be computed. Use fewer terms, or more rows" + (m.condition().isEmpty() ? "" :
                    " (the `if:` condition keeps only " + rows + ")") + ".");
        }
        double[] y = f.y();
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        double ss = 0;
        for (double v : y) {
            ss += (v - mean) * (v - mean);
        }
        double rss = 0;
        for (double e : fit.residuals()) {
            rss += e * e;
        }
        if (rss <= EXACT_FIT * ss) {
            return List.of("the terms explain the outcome `" + m.outcome() + "` exactly (every residual is zero,"
                    + " R² = 1), so the standard errors are zero up to rounding and no stars are printed; Stata and R"
                    + " report such a fit too. If the outcome, or a variable computed from it, is among the terms"
                    + (m.absorb().isEmpty() ? "" : " (or the outcome is constant within the absorbed groups)")
                    + ", remove it.");
        }
        return List.of();
    }

    /** Rows ≤ parameters in a binary model. */
    static void after(ModelSpec m, int rows, int rank) {
        if (rows <= rank) {
            throw new UserError("model `" + m.id() + "`: the estimation sample has " + rows + " row"
                    + (rows == 1 ? "" : "s") + " for " + rank + " parameters: nothing is left to estimate their"
                    + " precision with. Use fewer terms, or more rows" + (m.condition().isEmpty() ? "" :
                    " (check the `if:` condition)") + ".");
        }
    }

    static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v).replace("E", "e");
    }
}
