package org.reprise.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprise.covariance.VcovSpec;
import org.reprise.covariance.Vcovs;
import org.reprise.data.Dataset;
import org.reprise.data.ModelFrame;
import org.reprise.data.NumericColumn;
import org.reprise.estimate.Vep;
import org.reprise.results.Estimate;
import org.reprise.results.Estimates;
import org.reprise.results.VulnerabilityResult;
import org.reprise.spec.DataSource;
import org.reprise.spec.PovertyLine;
import org.reprise.spec.Spec;
import org.reprise.spec.VarianceRule;
import org.reprise.spec.Vulnerability;

/**
 * A data source's vulnerability step: fits VEP (pooled, or within each value of {@code by}), adds one column per
 * poverty line (missing where an input was missing or a variance was dropped), and records the mean and variance
 * equations (classical WLS standard errors) and the summary per line.
 */
final class Vulnerabilities {
    private Vulnerabilities() {
    }

    static Dataset apply(Spec spec, DataSource s, Vulnerability v, Dataset d, List<Estimate> estimates,
                         List<VulnerabilityResult> out) {
        ModelFrame f = ModelFrame.build(d, v.income(), v.covariates(), true, null, null, null, null);
        int n = f.rows().length;
        double[] z = new double[v.lines().size()];
        for (int l = 0; l < z.length; l++) {
            z[l] = v.lines().get(l).perYear();
        }
        Map<String, int[]> groups = groups(d, v.by(), f.rows());
        double[][] vul = new double[z.length][d.rows()];
        for (double[] col : vul) {
            java.util.Arrays.fill(col, Double.NaN);
        }
        long bad = 0;
        long badWeights = 0;
        for (Map.Entry<String, int[]> g : groups.entrySet()) {
            int[] idx = g.getValue();
            double[] income = new double[idx.length];
            double[][] x = new double[f.x().length][idx.length];
            for (int i = 0; i < idx.length; i++) {
                income[i] = f.y()[idx[i]];
                for (int j = 0; j < x.length; j++) {
                    x[j][i] = f.x()[j][idx[i]];
                }
            }
            Vep.Fit fit = Vep.fit(income, x, f.names(), z, v.threshold(), v.nonpositive() == VarianceRule.DROP);
            bad += fit.nonPositive();
            badWeights += fit.nonPositiveWeights();
            for (int l = 0; l < z.length; l++) {
                for (int i = 0; i < idx.length; i++) {
                    vul[l][f.rows()[idx[i]]] = fit.vul()[l][i];
                }
            }
            String suffix = g.getKey().isEmpty() ? "" : "_" + g.getKey();
            String outcome = "ln(" + v.income() + ")";
            estimates.add(withNotes(Estimates.ofLinear(v.id() + "_mean" + suffix, "vep_fgls_mean", outcome,
                    fit.mean(), Vcovs.compute(fit.mean(), VcovSpec.classical(), null)), fit.notes()));
            estimates.add(Estimates.ofLinear(v.id() + "_variance" + suffix, "vep_fgls_variance",
                    "squared residual of " + outcome, fit.variance(),
                    Vcovs.compute(fit.variance(), VcovSpec.classical(), null)));
        }
        Dataset result = d;
        double[] incomeAll = ((NumericColumn) d.column(v.income())).values();
        List<VulnerabilityResult.Line> lines = new ArrayList<>();
        for (int l = 0; l < z.length; l++) {
            PovertyLine pl = v.lines().get(l);
            result = result.with(new NumericColumn(pl.name(), vul[l]));
            Vep.Line sum = Vep.summarize(incomeAll, vul[l], z[l], v.threshold());
            lines.add(new VulnerabilityResult.Line(pl.name(), pl.label().isEmpty() ? s.label(pl.name()) : pl.label(),
                    z[l], sum.meanVul(), sum.incidence(), sum.shareAboveThreshold(), sum.shareAboveIncidence(),
                    sum.n()));
        }
        out.add(new VulnerabilityResult(v.id(), s.name(), n, bad, v.nonpositive().word(), v.threshold(), lines,
                badWeights));
        return result;
    }

    /** Frame row positions grouped by the value of {@code by} (one group "" when empty), in sorted value order. */
    private static Map<String, int[]> groups(Dataset d, String by, int[] rows) {
        if (by.isEmpty()) {
            Map<String, int[]> one = new LinkedHashMap<>();
            one.put("", Groups.all(rows.length));
            return one;
        }
        return Groups.byValue(d, by, rows);
    }

    private static Estimate withNotes(Estimate e, List<String> notes) {
        List<String> all = new ArrayList<>(e.notes());
        all.addAll(notes);
        return new Estimate(e.id(), e.method(), e.outcome(), e.nobs(), e.vcov(), e.terms(), e.stats(), all);
    }
}
