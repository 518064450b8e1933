package org.reprise.estimate.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprise.estimate.BinaryChoice;
import org.reprise.estimate.BinaryFit;
import org.reprise.estimate.match.MatchResult;
import org.reprise.estimate.match.MatchSpec;
import org.reprise.estimate.match.Matcher;

/**
 * MatchIt's "Getting Started" vignette (R output; src/test/resources/reference/lalonde/SOURCE.txt and
 * REFERENCE_MatchIt_vignette.md lines 202-212 and 329-339): standardised mean differences of every covariate and
 * of the distance (the logit propensity score) before matching and after 1:1 nearest-neighbour matching without
 * replacement, largest score first. Setup as LalondeMatchItTest (the logit fitted by BinaryChoice, itself tested
 * against this vignette in LogitLalondeTest). Tolerance: each value must round to the printed 4 decimals
 * (|ours - printed| &lt;= 0.00005).
 */
class LalondeSmdTest {
    static final String[] NAMES = {"distance", "age", "educ", "raceblack", "racehispan", "racewhite", "married",
        "nodegree", "re74", "re75"};
    static final double[][] BEFORE = { // means treated, means control, SMD
        {0.5774, 0.1822, 1.7941}, {25.8162, 28.0303, -0.3094}, {10.3459, 10.2354, 0.0550},
        {0.8432, 0.2028, 1.7615}, {0.0595, 0.1422, -0.3498}, {0.0973, 0.6550, -1.8819},
        {0.1892, 0.5128, -0.8263}, {0.7081, 0.5967, 0.2450}, {2095.5737, 5619.2365, -0.7211},
        {1532.0553, 2466.4844, -0.2903}};
    static final double[][] AFTER = {
        {0.5774, 0.3629, 0.9739}, {25.8162, 25.3027, 0.0718}, {10.3459, 10.6054, -0.1290},
        {0.8432, 0.4703, 1.0259}, {0.0595, 0.2162, -0.6629}, {0.0973, 0.3135, -0.7296},
        {0.1892, 0.2108, -0.0552}, {0.7081, 0.6378, 0.1546}, {2095.5737, 2342.1076, -0.0505},
        {1532.0553, 1614.7451, -0.0257}};

    @Test
    void smdBeforeAndAfterMatchTheVignette() throws IOException {
        List<String[]> rows = read();
        int n = rows.size();
        boolean[] treat = new boolean[n];
        double[][] cov = new double[10][n]; // distance filled below
        for (int i = 0; i < n; i++) {
            String[] r = rows.get(i);
            treat[i] = r[1].equals("1");
            cov[1][i] = Double.parseDouble(r[2]);
            cov[2][i] = Double.parseDouble(r[3]);
            String race = r[4].replace("\"", "");
            cov[3][i] = race.equals("black") ? 1 : 0;
            cov[4][i] = race.equals("hispan") ? 1 : 0;
            cov[5][i] = race.equals("white") ? 1 : 0;
            cov[6][i] = Double.parseDouble(r[5]);
            cov[7][i] = Double.parseDouble(r[6]);
            cov[8][i] = Double.parseDouble(r[7]);
            cov[9][i] = Double.parseDouble(r[8]);
        }
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = treat[i] ? 1 : 0;
        }
        BinaryFit fit = BinaryChoice.fit(BinaryChoice.Link.LOGIT, y,
                new double[][] {ones, cov[1], cov[2], cov[4], cov[5], cov[6], cov[7], cov[8], cov[9]},
                new String[] {"_cons", "age", "educ", "hispan", "white", "married", "nodegree", "re74", "re75"},
                null);
        cov[0] = fit.p();

        List<SmdRow> before = Balance.smd(cov, NAMES, treat, ones, null);
        MatchResult m = Matcher.match(fit.p(), treat, new double[0][],
                MatchSpec.nearest(1).withoutReplacement(MatchSpec.Order.LARGEST, 0));
        List<SmdRow> after = Balance.smd(cov, NAMES, treat, m.weight(), m.support());
        for (int j = 0; j < NAMES.length; j++) {
            SmdRow b = before.get(j);
            SmdRow a = after.get(j);
            assertEquals(BEFORE[j][0], b.meanTreated(), 0.00005, NAMES[j]);
            assertEquals(BEFORE[j][1], b.meanControl(), 0.00005, NAMES[j]);
            assertEquals(BEFORE[j][2], b.smdBefore(), 0.00005, NAMES[j] + " SMD before");
            assertEquals(AFTER[j][0], a.meanTreatedMatched(), 0.00005, NAMES[j]);
            assertEquals(AFTER[j][1], a.meanControlMatched(), 0.00005, NAMES[j]);
            assertEquals(AFTER[j][2], a.smdAfter(), 0.00005, NAMES[j] + " SMD after");
            assertEquals(b.smdBefore(), a.smdBefore(), 0.0, "same unmatched SMD in both calls");
        }
    }

    static List<String[]> read() throws IOException {
        try (InputStream in = LalondeSmdTest.class.getResourceAsStream("/reference/lalonde/lalonde.tab")) {
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
