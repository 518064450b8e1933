package org.reprise.estimate.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprise.estimate.match.MatchSpec.Order;

/**
 * MatchIt's Getting-Started vignette (R output, see src/test/resources/reference/lalonde/SOURCE.txt): 1:1 nearest
 * neighbour without replacement on a logistic propensity score, treated taken largest score first. The score is
 * fitted here by a plain Newton-Raphson logit (test code, independent of the matcher). Tolerance: every value must
 * round to the vignette's printed 4 decimals (|ours - printed| &lt;= 0.00005).
 */
class LalondeMatchItTest {

    @Test
    void nearestWithoutReplacementLargestFirstMatchesMatchIt() throws IOException {
        List<String[]> rows = read();
        int n = rows.size();
        // columns: name treat age educ race married nodegree re74 re75 re78
        boolean[] treat = new boolean[n];
        double[][] cov = new double[9][n]; // age educ black hispan white married nodegree re74 re75
        for (int i = 0; i < n; i++) {
            String[] r = rows.get(i);
            treat[i] = r[1].equals("1");
            cov[0][i] = Double.parseDouble(r[2]);
            cov[1][i] = Double.parseDouble(r[3]);
            String race = r[4].replace("\"", "");
            cov[2][i] = race.equals("black") ? 1 : 0;
            cov[3][i] = race.equals("hispan") ? 1 : 0;
            cov[4][i] = race.equals("white") ? 1 : 0;
            cov[5][i] = Double.parseDouble(r[5]);
            cov[6][i] = Double.parseDouble(r[6]);
            cov[7][i] = Double.parseDouble(r[7]);
            cov[8][i] = Double.parseDouble(r[8]);
        }
        // logit design: 1, age, educ, hispan, white, married, nodegree, re74, re75 (black = base level)
        int[] use = {0, 1, 3, 4, 5, 6, 7, 8};
        double[][] x = new double[n][use.length + 1];
        for (int i = 0; i < n; i++) {
            x[i][0] = 1;
            for (int j = 0; j < use.length; j++) {
                x[i][j + 1] = cov[use[j]][i];
            }
        }
        double[] ps = logit(x, treat);
        assertEquals(0.5774, mean(ps, treat, true, null), 0.00005);
        assertEquals(0.1822, mean(ps, treat, false, null), 0.00005);

        MatchResult r = Matcher.match(ps, treat, new double[0][], MatchSpec.nearest(1)
                .withoutReplacement(Order.LARGEST, 0));
        boolean[] matchedControl = new boolean[n];
        int nm = 0;
        for (int i = 0; i < n; i++) {
            if (!treat[i] && r.weight()[i] > 0) {
                matchedControl[i] = true;
                nm++;
            }
        }
        assertEquals(185, nm);
        assertEquals(185, r.nTreatedOnSupport());
        assertEquals(429 - 185, r.nControls() - nm);
        double[] expected = {25.3027, 10.6054, 0.4703, 0.2162, 0.3135, 0.2108, 0.6378, 2342.1076, 1614.7451};
        assertEquals(0.3629, mean(ps, treat, false, matchedControl), 0.00005, "distance");
        for (int j = 0; j < 9; j++) {
            assertEquals(expected[j], mean(cov[j], treat, false, matchedControl), 0.00005, "covariate " + j);
        }
    }

    private static double mean(double[] v, boolean[] treat, boolean group, boolean[] keep) {
        double s = 0;
        int c = 0;
        for (int i = 0; i < v.length; i++) {
            if (treat[i] == group && (keep == null || keep[i])) {
                s += v[i];
                c++;
            }
        }
        return s / c;
    }

    /** Newton-Raphson for the logit MLE; returns fitted probabilities. */
    private static double[] logit(double[][] x, boolean[] y) {
        int n = x.length;
        int k = x[0].length;
        double[] b = new double[k];
        for (int it = 0; it < 100; it++) {
            double[] g = new double[k];
            double[][] h = new double[k][k];
            for (int i = 0; i < n; i++) {
                double eta = 0;
                for (int j = 0; j < k; j++) {
                    eta += x[i][j] * b[j];
                }
                double p = 1 / (1 + Math.exp(-eta));
                double r = (y[i] ? 1 : 0) - p;
                for (int j = 0; j < k; j++) {
                    g[j] += x[i][j] * r;
                    for (int l = 0; l < k; l++) {
                        h[j][l] += x[i][j] * x[i][l] * p * (1 - p);
                    }
                }
            }
            double[] step = solve(h, g);
            double size = 0;
            for (int j = 0; j < k; j++) {
                b[j] += step[j];
                size = Math.max(size, Math.abs(step[j]) / (1 + Math.abs(b[j])));
            }
            if (size < 1e-13) {
                break;
            }
        }
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            double eta = 0;
            for (int j = 0; j < k; j++) {
                eta += x[i][j] * b[j];
            }
            p[i] = 1 / (1 + Math.exp(-eta));
        }
        return p;
    }

    /** Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] a0, double[] b0) {
        int k = b0.length;
        double[][] a = new double[k][];
        for (int i = 0; i < k; i++) {
            a[i] = a0[i].clone();
        }
        double[] b = b0.clone();
        for (int c = 0; c < k; c++) {
            int piv = c;
            for (int r = c + 1; r < k; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
                    piv = r;
                }
            }
            double[] t = a[c];
            a[c] = a[piv];
            a[piv] = t;
            double tb = b[c];
            b[c] = b[piv];
            b[piv] = tb;
            for (int r = c + 1; r < k; r++) {
                double f = a[r][c] / a[c][c];
                for (int j = c; j < k; j++) {
                    a[r][j] -= f * a[c][j];
                }
                b[r] -= f * b[c];
            }
        }
        double[] x = new double[k];
        for (int r = k - 1; r >= 0; r--) {
            double s = b[r];
            for (int j = r + 1; j < k; j++) {
                s -= a[r][j] * x[j];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }

    private static List<String[]> read() throws IOException {
        try (InputStream in = LalondeMatchItTest.class.getResourceAsStream("/reference/lalonde/lalonde.tab")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String[]> rows = new ArrayList<>();
            String[] lines = text.split("\n");
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i].trim();
                if (!line.isEmpty()) {
                    rows.add(line.split("\\s+"));
                }
            }
            return rows;
        }
    }
}
