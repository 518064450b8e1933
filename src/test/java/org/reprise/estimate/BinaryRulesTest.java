package org.reprise.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.reprise.UserError;

/**
 * The regressor and sample rules of {@link BinaryChoice#fit} (docs/estimators.md, "Sample and regressor rules")
 * against a brute-force implementation of them written here: modified Gram-Schmidt twice over sqrt(w) x for every
 * collinearity decision (no cross-product shortcut), a plain loop over the rows for Stata's perfect-dummy rule,
 * repeated until nothing changes. On random designs with exact and near copies (eps from 1e-2 to 1e-9, around the
 * 1e-7 tolerance), exact linear combinations, constant and all-zero columns, rescaled columns, dummies that predict
 * the outcome perfectly in one group, rows of weight 0 and samples above one chunk, the fit must omit the same
 * regressors, keep the same rows and write the same notes (or stop with the same message); and whenever the
 * one-pass cross-product check clears a set of columns, Gram-Schmidt keeps all of them.
 */
class BinaryRulesTest {
    private record Design(double[] y, double[][] x, String[] names, double[] w) {
    }

    /** k columns built from kinds drawn at random, then _cons; y from a probit index of the first columns. */
    private static Design design(long seed, int n, int k, boolean weighted) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[k + 1][n];
        String[] names = new String[k + 1];
        double[] index = new double[n];
        for (int j = 0; j < k; j++) {
            names[j] = "x" + (j + 1);
            int kind = j == 0 ? 0 : r.nextInt(9);
            double eps = new double[] {1e-2, 1e-5, 1e-6, 1e-7, 2e-8, 1e-9}[r.nextInt(6)];
            int from = j == 0 ? 0 : r.nextInt(j);
            int other = j == 0 ? 0 : r.nextInt(j);
            double scale = Math.pow(10, r.nextInt(13) - 6);
            for (int i = 0; i < n; i++) {
                x[j][i] = switch (kind) {
                    case 0 -> r.nextGaussian();
                    case 1 -> r.nextDouble() < 0.3 ? 1 : 0;          // a dummy
                    case 2 -> 2.5 * x[from][i];                      // an exact multiple
                    case 3 -> x[from][i] + eps * r.nextGaussian();   // a near copy
                    case 4 -> x[from][i] - 3 * x[other][i];          // an exact combination
                    case 5 -> 7;                                     // constant
                    case 6 -> 0;                                     // zeros
                    case 7 -> scale * r.nextGaussian();              // rescaled
                    default -> r.nextDouble() < 0.05 ? 1 : 0;        // a rare dummy (often perfect)
                };
            }
        }
        names[k] = BinaryChoice.CONS;
        Arrays.fill(x[k], 1.0);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 0.5 * x[0][i] - 0.3 + r.nextGaussian() > 0 ? 1 : 0;
            index[i] = y[i];
        }
        // a dummy that predicts the outcome in its group x = 1: every such row gets y = 1
        if (k > 1 && r.nextBoolean()) {
            int j = 1 + r.nextInt(k - 1);
            boolean dummy = true;
            for (int i = 0; i < n; i++) {
                dummy &= x[j][i] == 0 || x[j][i] == 1;
            }
            for (int i = 0; dummy && i < n; i++) {
                if (x[j][i] == 1) {
                    y[i] = 1;
                }
            }
        }
        double[] w = null;
        if (weighted) {
            w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = r.nextInt(10) == 0 ? 0 : 1 + r.nextInt(4);
            }
        }
        return new Design(y, x, names, w);
    }

    /** The rules' outcome: omitted columns, rows kept, notes; or the message of the UserError they stop with. */
    private record Decision(boolean[] omitted, boolean[] inSample, List<String> notes, String error) {
    }

    private static Decision reference(Design d) {
        int n = d.y().length;
        int k = d.x().length;
        boolean[] in = new boolean[n];
        for (int i = 0; i < n; i++) {
            in[i] = d.w() == null || d.w()[i] > 0;
        }
        boolean[] omitted = new boolean[k];
        List<String> notes = new ArrayList<>();
        try {
            varying(d.y(), in, "");
            boolean changed = true;
            while (changed) {
                gramSchmidt(d, in, omitted, notes);
                changed = perfectDummy(d, in, omitted, notes);
                varying(d.y(), in, " after dropping the observations that were predicted perfectly");
            }
        } catch (UserError e) {
            return new Decision(null, null, null, e.getMessage());
        }
        return new Decision(omitted, in, notes, null);
    }

    private static void varying(double[] y, boolean[] in, String when) {
        int ones = 0;
        int all = 0;
        for (int i = 0; i < y.length; i++) {
            if (in[i]) {
                all++;
                ones += y[i] == 1 ? 1 : 0;
            }
        }
        if (ones == 0 || ones == all) {
            throw new UserError("The outcome of the probit does not vary" + when + ": all " + all
                    + " observations are " + (ones == 0 ? "0" : "1") + ". A binary model needs both outcomes;"
                    + " check the outcome's coding and the sample restrictions.");
        }
    }

    /** Modified Gram-Schmidt, two passes, _cons (the last column here) first; omits at ratio 1e-7 or zero norm. */
    private static void gramSchmidt(Design d, boolean[] in, boolean[] omitted, List<String> notes) {
        int k = d.x().length;
        List<Integer> order = new ArrayList<>();
        order.add(k - 1);
        for (int j = 0; j < k - 1; j++) {
            order.add(j);
        }
        List<double[]> basis = new ArrayList<>();
        for (int j : order) {
            if (omitted[j]) {
                continue;
            }
            List<Double> v0 = new ArrayList<>();
            for (int i = 0; i < in.length; i++) {
                if (in[i]) {
                    v0.add((d.w() == null ? 1.0 : Math.sqrt(d.w()[i])) * d.x()[j][i]);
                }
            }
            double[] v = v0.stream().mapToDouble(Double::doubleValue).toArray();
            double norm0 = Math.sqrt(dot(v, v));
            for (int pass = 0; pass < 2; pass++) {
                for (double[] q : basis) {
                    double c = dot(q, v);
                    for (int r = 0; r < v.length; r++) {
                        v[r] -= c * q[r];
                    }
                }
            }
            double norm = Math.sqrt(dot(v, v));
            if (norm0 == 0 || norm <= 1e-7 * norm0) {
                omitted[j] = true;
                notes.add("note: " + d.names()[j] + " omitted because of collinearity");
            } else {
                for (int r = 0; r < v.length; r++) {
                    v[r] /= norm;
                }
                basis.add(v);
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Stata's rule: the first 0/1 regressor one of whose groups has a single outcome goes, with that group. */
    private static boolean perfectDummy(Design d, boolean[] in, boolean[] omitted, List<String> notes) {
        double[] y = d.y();
        for (int j = 0; j < d.x().length - 1; j++) {
            if (omitted[j]) {
                continue;
            }
            int[][] c = new int[2][2];
            boolean dummy = true;
            for (int i = 0; i < y.length; i++) {
                if (in[i]) {
                    double v = d.x()[j][i];
                    dummy &= v == 0 || v == 1;
                    if (v == 0 || v == 1) {
                        c[(int) v][(int) y[i]]++;
                    }
                }
            }
            if (!dummy || c[0][0] + c[0][1] == 0 || c[1][0] + c[1][1] == 0) {
                continue;
            }
            boolean onePure = c[1][0] == 0 || c[1][1] == 0;
            boolean zeroPure = c[0][0] == 0 || c[0][1] == 0;
            String name = d.names()[j];
            if (onePure && zeroPure) {
                throw new UserError("Regressor " + name + " predicts the outcome of the probit perfectly (the outcome"
                        + " equals " + (c[1][1] > 0 ? name : "1 - " + name) + " in every observation), so the model"
                        + " cannot be estimated. Remove " + name + " from the regressors; it is the outcome in"
                        + " disguise.");
            }
            if (!onePure && !zeroPure) {
                continue;
            }
            double group = onePure ? 1 : 0;
            boolean success = onePure ? c[1][1] > 0 : c[0][1] > 0;
            int dropped = 0;
            for (int i = 0; i < y.length; i++) {
                if (in[i] && d.x()[j][i] == group) {
                    in[i] = false;
                    dropped++;
                }
            }
            omitted[j] = true;
            notes.add("note: " + name + " != " + (onePure ? "0" : "1") + " predicts " + (success ? "success" : "failure")
                    + " perfectly; " + name + " dropped and " + dropped + " obs not used");
            return true;
        }
        return false;
    }

    @Property(tries = 150, seed = "20261210", edgeCases = EdgeCasesMode.NONE)
    void fitTakesTheReferenceDecisions(@ForAll long seed, @ForAll @IntRange(min = 20, max = 3000) int n,
                                       @ForAll @IntRange(min = 1, max = 7) int k, @ForAll boolean weighted) {
        check(design(seed, n, k, weighted));
    }

    /** Above one chunk of rows, so that the counts and checks run in parallel chunks. */
    @Property(tries = 6, seed = "20261211", edgeCases = EdgeCasesMode.NONE)
    void fitTakesTheReferenceDecisionsAboveOneChunk(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int k,
                                                    @ForAll boolean weighted) {
        check(design(seed, BinaryLikelihood.CHUNK + 1 + (int) (seed & 0x3fff), k, weighted));
    }

    private static void check(Design d) {
        Decision ref = reference(d);
        BinaryFit fit;
        try {
            fit = BinaryChoice.fit(BinaryChoice.Link.PROBIT, d.y(), d.x(), d.names(), d.w());
        } catch (UserError e) {
            if (ref.error() != null) {
                assertEquals(ref.error(), e.getMessage());
                return;
            }
            // the rules passed; the fit may still stop for separation or non-convergence, which come later
            assertTrue(e.getMessage().contains("perfectly predicted") || e.getMessage().contains("did not converge"),
                    e.getMessage());
            return;
        }
        assertEquals(null, ref.error());
        assertArrayEquals(ref.omitted(), fit.omitted());
        assertArrayEquals(ref.inSample(), fit.used());
        assertEquals(ref.notes(), fit.notes());
    }

    /** Whenever the cross-product check clears the columns, Gram-Schmidt over the data keeps every one of them. */
    @Property(tries = 300, seed = "20261212", edgeCases = EdgeCasesMode.NONE)
    void crossProductCheckClearsOnlyWhatGramSchmidtKeeps(@ForAll long seed,
                                                          @ForAll @IntRange(min = 5, max = 2000) int n,
                                                          @ForAll @IntRange(min = 1, max = 8) int k,
                                                          @ForAll boolean weighted) {
        Design d = design(seed, n, k, weighted);
        boolean[] in = new boolean[n];
        for (int i = 0; i < n; i++) {
            in[i] = d.w() == null || d.w()[i] > 0;
        }
        List<Integer> order = new ArrayList<>();
        order.add(k);
        for (int j = 0; j < k; j++) {
            order.add(j);
        }
        if (BinaryChoice.clearlyIndependent(d.x(), d.w(), in, order)) {
            boolean[] omitted = new boolean[k + 1];
            gramSchmidt(d, in, omitted, new ArrayList<>());
            assertArrayEquals(new boolean[k + 1], omitted);
        }
    }
}
