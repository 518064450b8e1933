package org.reprise.estimate.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code teffects psmatch} and {@code teffects nnmatch} on Stata's cattaneo2 (4642 births) against a published
 * Stata log: Carlos Mendez, "Treatment Effects in Stata: Six Estimators" (analysis.log, opened 29 Apr 2026;
 * github.com/cmg777/starter-academic-v501, content/post/stata_matching/analysis.log, commit c2242b0c), see
 * src/test/resources/reference/cattaneo2/SOURCE.txt. Stata prints 7 significant digits; each value is asserted to
 * round to the printed one (tolerance half a unit of the last printed digit).
 */
class TeffectsCattaneo2Test {
    static double[] bweight;
    static boolean[] smoker;
    static double[] mmarried;
    static double[] mage;
    static double[] fage;
    static double[] medu;
    static double[] prenatal1;
    static int n;

    @BeforeAll
    static void load() throws IOException {
        List<String[]> rows = new ArrayList<>();
        String[] head;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                TeffectsCattaneo2Test.class.getResourceAsStream("/reference/cattaneo2/cattaneo2.csv"),
                StandardCharsets.UTF_8))) {
            head = r.readLine().split(",", -1);
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                rows.add(line.split(",", -1));
            }
        }
        List<String> h = Arrays.asList(head);
        n = rows.size();
        bweight = new double[n];
        smoker = new boolean[n];
        mmarried = new double[n];
        mage = new double[n];
        fage = new double[n];
        medu = new double[n];
        prenatal1 = new double[n];
        for (int i = 0; i < n; i++) {
            String[] row = rows.get(i);
            bweight[i] = Double.parseDouble(row[h.indexOf("bweight")]);
            smoker[i] = row[h.indexOf("mbsmoke")].equals("smoker");
            mmarried[i] = row[h.indexOf("mmarried")].equals("married") ? 1 : 0;
            mage[i] = Double.parseDouble(row[h.indexOf("mage")]);
            fage[i] = Double.parseDouble(row[h.indexOf("fage")]);
            medu[i] = Double.parseDouble(row[h.indexOf("medu")]);
            prenatal1[i] = row[h.indexOf("prenatal1")].equals("Yes") ? 1 : 0;
        }
    }

    /** Asserts that {@code actual} rounds to Stata's printed value (7 significant digits as printed). */
    static void printed(String printed, double actual, String what) {
        String digits = printed.replace("-", "");
        int dot = digits.indexOf('.');
        int decimals = dot < 0 ? 0 : digits.length() - dot - 1;
        double half = 0.5 * Math.pow(10, -decimals);
        assertEquals(Double.parseDouble(printed), actual, half, what + " should print as " + printed);
    }

    static double[][] covariates() {
        return new double[][] {mmarried, mage, fage, medu, prenatal1};
    }

    /** teffects psmatch (bweight) (mbsmoke mmarried mage fage medu prenatal1): ATE and ATET, logit, nn(2). */
    @Test
    void psmatchAteAndAtetAsStata() {
        double[][] x = Arrays.copyOf(covariates(), 6);
        double[] ones = new double[n];
        Arrays.fill(ones, 1);
        x[5] = ones;
        String[] names = {"mmarried", "mage", "fage", "medu", "prenatal1", "_cons"};
        TeffectsResult r = Teffects.psmatch(bweight, smoker, x, names, TeffectsSpec.defaults());
        assertEquals(4642, r.n());
        assertEquals(864, r.nTreated());
        assertEquals(1, r.minMatches());
        assertEquals(16, r.maxMatches());
        printed("-229.4492", r.ate(), "psmatch ATE");
        printed("25.88746", r.seAte(), "psmatch ATE AI robust SE (adjusted for the estimated score)");
        printed("-224.5927", r.atet(), "psmatch ATET");
        printed("30.55147", r.seAtet(), "psmatch ATET AI robust SE (adjusted for the estimated score)");
    }

    /** teffects nnmatch (bweight mmarried mage fage medu prenatal1) (mbsmoke): Mahalanobis, ATE. */
    @Test
    void nnmatchMahalanobisAsStata() {
        TeffectsResult r = Teffects.nnmatch(bweight, smoker, covariates(), new double[0][], new double[0][],
                TeffectsSpec.defaults());
        assertEquals(1, r.minMatches());
        assertEquals(16, r.maxMatches());
        printed("-210.5435", r.ate(), "nnmatch ATE");
        printed("29.32969", r.seAte(), "nnmatch ATE AI robust SE");
    }

    /** ... , ematch(mmarried prenatal1) biasadj(mage fage medu): ATE and ATET. */
    @Test
    void nnmatchExactAndBiasAdjustedAsStata() {
        TeffectsResult r = Teffects.nnmatch(bweight, smoker, covariates(), new double[][] {mmarried, prenatal1},
                new double[][] {mage, fage, medu}, TeffectsSpec.defaults());
        assertEquals(1, r.minMatches());
        assertEquals(16, r.maxMatches());
        printed("-210.0558", r.ate(), "nnmatch ematch biasadj ATE");
        printed("29.32803", r.seAte(), "its AI robust SE");
        printed("-238.5204", r.atet(), "nnmatch ematch biasadj ATET");
        printed("30.41661", r.seAtet(), "its AI robust SE");
    }
}
