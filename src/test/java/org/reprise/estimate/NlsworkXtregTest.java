package org.reprise.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reprise.covariance.Vcov;
import org.reprise.covariance.VcovSpec;
import org.reprise.covariance.Vcovs;

/**
 * Stata manual [XT] xtreg, Examples 2 and 3 (src/test/resources/reference/nlswork, SOURCE.txt there):
 * {@code xtreg ln_wage grade age c.age#c.age ttl_exp c.ttl_exp#c.ttl_exp tenure c.tenure#c.tenure 2.race not_smsa
 * south, fe} and the same with {@code vce(robust)} (= clustered by idcode). Every printed digit must match: ours,
 * rounded to the last printed decimal, equals the printed value (|ours - printed| <= half a unit of that decimal).
 */
class NlsworkXtregTest {
    private static final String[] VARS = {"idcode", "ln_wage", "grade", "age", "ttl_exp", "tenure", "race",
        "not_smsa", "south"};

    /** term, coefficient, conventional SE, cluster-robust SE, as printed in the manual. */
    private static final String[][] PRINTED = {
        {"age", ".0359987", ".0033864", ".0052407"},
        {"c.age#c.age", "-.000723", ".0000533", ".0000845"},
        {"ttl_exp", ".0334668", ".0029653", ".004069"},
        {"c.ttl_exp#c.ttl_exp", ".0002163", ".0001277", ".0001763"},
        {"tenure", ".0357539", ".0018487", ".0024683"},
        {"c.tenure#c.tenure", "-.0019701", ".000125", ".0001696"},
        {"not_smsa", "-.0890108", ".0095316", ".0137629"},
        {"south", "-.0606309", ".0109319", ".0163366"},
        {"_cons", "1.03732", ".0485546", ".0739644"},
    };

    /** Complete cases of the model's variables, column per VARS entry. */
    private static double[][] load() throws IOException {
        try (InputStream in = NlsworkXtregTest.class.getResourceAsStream("/reference/nlswork/nlswork.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            String[] head = lines[0].split(",", -1);
            Map<String, Integer> col = new HashMap<>();
            for (int j = 0; j < head.length; j++) {
                col.put(head[j].replace("\"", ""), j);
            }
            List<double[]> rows = new ArrayList<>();
            for (int l = 1; l < lines.length; l++) {
                if (lines[l].isEmpty()) {
                    continue;
                }
                String[] f = lines[l].split(",", -1);
                double[] r = new double[VARS.length];
                boolean complete = true;
                for (int j = 0; j < VARS.length; j++) {
                    String s = f[col.get(VARS[j])].replace("\"", "").trim();
                    if (s.isEmpty() || s.equals("NA")) {
                        complete = false;
                        break;
                    }
                    r[j] = Double.parseDouble(s);
                }
                if (complete) {
                    rows.add(r);
                }
            }
            double[][] out = new double[VARS.length][rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                for (int j = 0; j < VARS.length; j++) {
                    out[j][i] = rows.get(i)[j];
                }
            }
            return out;
        }
    }

    private static void assertPrinted(String printed, double ours, String what) {
        int dot = printed.indexOf('.');
        int decimals = printed.length() - dot - 1;
        double p = Double.parseDouble(printed);
        double half = 0.5 * Math.pow(10, -decimals);
        assertTrue(Math.abs(ours - p) <= half + 1e-13, what + ": ours " + ours + " does not round to printed " + printed);
    }

    @Test
    void xtregFeMatchesTheManual() throws IOException {
        double[][] d = load();
        int n = d[0].length;
        assertEquals(28091, n, "complete cases");
        double[] grade = d[2];
        double[] age = d[3];
        double[] ttl = d[4];
        double[] ten = d[5];
        double[][] x = new double[10][n];
        for (int i = 0; i < n; i++) {
            x[0][i] = grade[i];
            x[1][i] = age[i];
            x[2][i] = age[i] * age[i];
            x[3][i] = ttl[i];
            x[4][i] = ttl[i] * ttl[i];
            x[5][i] = ten[i];
            x[6][i] = ten[i] * ten[i];
            x[7][i] = d[6][i] == 2 ? 1 : 0;
            x[8][i] = d[7][i];
            x[9][i] = d[8][i];
        }
        String[] names = {"grade", "age", "c.age#c.age", "ttl_exp", "c.ttl_exp#c.ttl_exp", "tenure",
            "c.tenure#c.tenure", "2.race", "not_smsa", "south"};
        int[] id = codes(d[0]);
        FixedEffectsFit fe = Absorb.fit(d[1], x, names, null, new int[][] {id}, new String[] {"idcode"},
                Absorb.Options.xtreg());
        LinearFit fit = fe.fit();
        assertEquals(28091, fit.nobs());
        assertArrayEquals(new int[] {4697}, fe.groups());
        assertEquals(4697, fe.fixedEffectParameters());
        assertEquals(23386, fit.dfResid(), "N - G - K");
        assertTrue(fit.omitted()[0], "grade omitted");
        assertTrue(fit.omitted()[7], "2.race omitted");
        assertEquals(List.of("note: grade omitted because of collinearity",
                "note: 2.race omitted because of collinearity"), fe.notes());
        assertEquals(9, fit.rank());
        assertPrinted(".1727", fe.r2Within(), "R-sq within");
        Vcov conventional = Vcovs.compute(fit, VcovSpec.classical(), null);
        Vcov robust = Vcovs.compute(fit, VcovSpec.cluster("idcode"), new int[][] {fe.subset(id)});
        assertEquals(4696.0, robust.df());
        // cluster factor: G/(G-1) (N-1)/(N-K-1), K = 8 slopes
        String[] kept = fit.keptNames();
        for (String[] row : PRINTED) {
            int j = indexOf(fit.names(), row[0]);
            int k = indexOf(kept, row[0]);
            assertPrinted(row[1], fit.coef()[j], row[0] + " coef");
            assertPrinted(row[2], Math.sqrt(conventional.matrix()[k][k]), row[0] + " conventional SE");
            assertPrinted(row[3], Math.sqrt(robust.matrix()[k][k]), row[0] + " cluster SE");
        }
        System.out.printf("nlswork xtreg fe: _cons %.7f (%.7f / %.7f), R2 within %.6f%n",
                fit.coef()[indexOf(fit.names(), "_cons")], Math.sqrt(conventional.matrix()[8][8]),
                Math.sqrt(robust.matrix()[8][8]), fe.r2Within());
    }

    static int[] codes(double[] v) {
        Map<Double, Integer> ids = new HashMap<>();
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = ids.computeIfAbsent(v[i], key -> ids.size());
        }
        return out;
    }

    private static int indexOf(String[] names, String name) {
        for (int j = 0; j < names.length; j++) {
            if (names[j].equals(name)) {
                return j;
            }
        }
        throw new AssertionError("no " + name);
    }
}
