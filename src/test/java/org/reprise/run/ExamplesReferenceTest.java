package org.reprise.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprise.results.Estimate;
import org.reprise.results.Results;
import org.reprise.results.Term;

/**
 * The shipped examples, run through the whole pipeline (spec, CSV, derived variables, model frame, estimator,
 * covariance), against numbers nobody here produced: NIST certified values, the Stata manual, Stata's teffects output.
 */
class ExamplesReferenceTest {

    private static Results run(String example) {
        return Pipeline.compute(Path.of("examples", example, "analysis.yaml"), Progress.silent()).results();
    }

    /** Rounds to the printed digits of the reference and compares: the reference's rule for printed values. */
    private static void printed(String ref, double actual, String what) {
        java.math.BigDecimal r = new java.math.BigDecimal(ref);
        java.math.BigDecimal a = java.math.BigDecimal.valueOf(actual).setScale(r.scale(), java.math.RoundingMode.HALF_UP);
        assertEquals(0, r.compareTo(a), what + ": printed " + ref + ", ours " + actual);
    }

    private static double lre(double est, double cert) {
        if (cert == 0) {
            return Math.abs(est) < 1e-9 ? 15 : -Math.log10(Math.abs(est));
        }
        double e = Math.abs(est - cert) / Math.abs(cert);
        return e == 0 ? 15 : Math.min(15, -Math.log10(e));
    }

    @Test
    void nistThroughThePipeline() throws IOException {
        Results r = run("nist");
        List<String> lines = Files.readAllLines(Path.of("examples/nist/certified_values.csv"));
        StringBuilder table = new StringBuilder("dataset   min LRE\n");
        String current = null;
        double min = 99;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            String ds = f[0];
            if (current != null && !ds.equals(current)) {
                table.append(String.format("%-9s %6.2f%n", current, min));
                min = 99;
            }
            current = ds;
            Estimate e = r.estimate(ds);
            double need = ds.equals("Filip") ? 7 : 9;
            String p = f[1];
            double got;
            double gotSe = Double.NaN;
            if (p.equals("ResidualSD")) {
                got = e.stats().get("rmse");
            } else if (p.equals("R2")) {
                got = e.stats().get("r2");
            } else {
                int k = Integer.parseInt(p.substring(1));
                boolean noInt = ds.startsWith("NoInt");
                String term = noInt ? "x" : k == 0 ? "_cons" : ds.equals("Longley") ? "x" + k : k == 1 ? "x" : "x" + k;
                Term t = e.term(term);
                got = t.estimate();
                gotSe = t.stdError();
            }
            double cert = Double.parseDouble(f[2]);
            double l = lre(got, cert);
            assertTrue(l >= need, ds + " " + p + " LRE " + l);
            min = Math.min(min, l);
            if (!f[3].isEmpty()) {
                double certSe = Double.parseDouble(f[3]);
                double ls = lre(gotSe, certSe);
                assertTrue(ls >= need, ds + " " + p + " SE LRE " + ls);
                min = Math.min(min, ls);
            }
        }
        table.append(String.format("%-9s %6.2f%n", current, min));
        System.out.print(table);
    }

    @Test
    void nlsworkXtregThroughThePipeline() {
        Results r = run("nlswork");
        Estimate conv = r.estimate("fe");
        Estimate clus = r.estimate("fe_cluster");
        assertEquals(28091, conv.nobs());
        assertEquals(4697, conv.stats().get("n_groups").intValue());
        assertTrue(conv.term("grade").omitted());
        assertTrue(conv.term("2.race").omitted());
        printed(".1727", conv.stats().get("r2_within"), "R2 within");
        String[][] ref = {
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
        for (String[] row : ref) {
            printed(row[1], conv.term(row[0]).estimate(), row[0]);
            printed(row[2], conv.term(row[0]).stdError(), row[0] + " conventional SE");
            printed(row[3], clus.term(row[0]).stdError(), row[0] + " cluster SE");
        }
        assertEquals(23386, conv.stats().get("df_resid").intValue());
        printed(".35562203", conv.stats().get("sigma_u"), "sigma_u");
        printed(".29068923", conv.stats().get("sigma_e"), "sigma_e");
        printed(".59946283", conv.stats().get("rho"), "rho");
    }

    @Test
    void cattaneo2ProbitThroughThePipeline() {
        Results r = run("cattaneo2");
        Estimate hc0 = r.estimate("probit_hc0");
        Estimate oim = r.estimate("probit_oim");
        Estimate robust = r.estimate("probit_robust");
        // Stata teffects ipw treatment model (results_teffects.py): coefficient, robust HC0 SE
        String[][] ref = {
            {"married", "-.64848213804682", ".05541728623223", ".05269911"},
            {"mage", ".17443269674281", ".03637184725595", ".03524374"},
            {"c.mage#c.mage", "-.00325591262232", ".00066777909855", ".0006462"},
            {"first", "-.2175961616731", ".04956043775733", ".04910661"},
            {"medu", "-.08636308703575", ".01001479395511", ".00986923"},
            {"_cons", "-1.5582552629264", ".46396908940251", ".45115892"},
        };
        for (String[] row : ref) {
            double b = Double.parseDouble(row[1]);
            double se = Double.parseDouble(row[2]);
            assertEquals(b, hc0.term(row[0]).estimate(), 1e-6 * Math.abs(b), row[0]);
            assertEquals(se, hc0.term(row[0]).stdError(), 1e-6 * se, row[0] + " HC0");
            printed(row[3], oim.term(row[0]).stdError(), row[0] + " OIM SE");
            // Stata's probit, vce(robust): HC0 times sqrt(n/(n-1)), n = 4642
            assertEquals(se * Math.sqrt(4642.0 / 4641.0), robust.term(row[0]).stdError(), 1e-6 * se, row[0]);
        }
    }

    @Test
    void lalondeMatchItThroughThePipeline() {
        Results r = run("lalonde");
        var b = r.balance("matchit");
        // MatchIt vignette (R output): variable, means treated, means control, SMD before, matched control mean, SMD after
        String[][] ref = {
            {"distance", "0.5774", "0.1822", "1.7941", "0.3629", "0.9739"},
            {"age", "25.8162", "28.0303", "-0.3094", "25.3027", "0.0718"},
            {"educ", "10.3459", "10.2354", "0.0550", "10.6054", "-0.1290"},
            {"black.race", "0.8432", "0.2028", "1.7615", "0.4703", "1.0259"},
            {"hispan.race", "0.0595", "0.1422", "-0.3498", "0.2162", "-0.6629"},
            {"white.race", "0.0973", "0.6550", "-1.8819", "0.3135", "-0.7296"},
            {"married", "0.1892", "0.5128", "-0.8263", "0.2108", "-0.0552"},
            {"nodegree", "0.7081", "0.5967", "0.2450", "0.6378", "0.1546"},
            {"re74", "2095.5737", "5619.2365", "-0.7211", "2342.1076", "-0.0505"},
            {"re75", "1532.0553", "2466.4844", "-0.2903", "1614.7451", "-0.0257"},
        };
        assertEquals(ref.length, b.smd().size());
        for (int i = 0; i < ref.length; i++) {
            var row = b.smd().get(i);
            assertEquals(ref[i][0], row.variable());
            printed(ref[i][1], row.meanTreated(), ref[i][0] + " mean treated");
            printed(ref[i][2], row.meanControl(), ref[i][0] + " mean control");
            printed(ref[i][3], row.smdBefore(), ref[i][0] + " SMD before");
            printed(ref[i][4], row.meanControlMatched(), ref[i][0] + " matched control mean");
            printed(ref[i][5], row.smdAfter(), ref[i][0] + " SMD after");
        }
        assertEquals(185, b.table().nControlsMatched(), "185 controls matched, 244 unmatched");
        assertEquals(429 - 185, b.table().nControls() - b.table().nControlsMatched());
        Estimate exp = r.estimate("experimental");
        printed("1794.34", exp.term("trt").estimate(), "experimental difference");
        printed("632.85", exp.term("trt").stdError(), "its OLS SE");
    }
}
