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
}
