package org.reprise.run;

import java.util.ArrayList;
import java.util.List;
import org.reprise.covariance.SmallSample;
import org.reprise.covariance.VcovSpec;
import org.reprise.data.ModelFrame;
import org.reprise.estimate.Absorb;
import org.reprise.estimate.FixedEffectsFit;
import org.reprise.estimate.LinearFit;
import org.reprise.estimate.Ols;
import org.reprise.spec.ModelSpec;

/**
 * Models with {@code absorb:}: the within estimator (xtreg, fe for one set of fixed effects; alternating projections
 * for several), singletons kept as xtreg does. For clustered standard errors the small-sample factor counts, as
 * reghdfe does, only the fixed-effect parameters that are not nested in the clusters (a household effect with
 * clustering by household costs nothing, as in xtreg; a year effect costs its levels minus one).
 */
final class FixedEffectsSupport {
    private FixedEffectsSupport() {
    }

    /** The fit plus the frame rows it used (singletons may be dropped by other options). */
    record Within(FixedEffectsFit fe, LinearFit forVcov, VcovSpec vcov) {
    }

    static Within fit(ModelSpec m, ModelFrame f, VcovSpec spec) {
        List<Integer> keep = new ArrayList<>();
        for (int j = 0; j < f.names().length; j++) {
            if (!f.names()[j].equals(Ols.CONS)) {
                keep.add(j);
            }
        }
        double[][] x = new double[keep.size()][];
        String[] names = new String[keep.size()];
        for (int j = 0; j < keep.size(); j++) {
            x[j] = f.x()[keep.get(j)];
            names[j] = f.names()[keep.get(j)];
        }
        int[][] groups = f.absorb().toArray(new int[0][]);
        FixedEffectsFit fe = Absorb.fit(f.y(), x, names, f.weights(), groups, m.absorb().toArray(new String[0]),
                Absorb.Options.xtreg());
        LinearFit fit = fe.fit();
        if (spec.type().clusterVariables() == 0) {
            return new Within(fe, fit, spec);
        }
        int nonNested = 0;
        for (int[] g : groups) {
            boolean nested = false;
            for (int[] c : f.cluster()) {
                nested |= nestedIn(g, c);
            }
            if (!nested) {
                nonNested += ModelFrame.groups(g) - 1;
            }
        }
        LinearFit counted = new LinearFit(fit.names(), fit.coef(), fit.omitted(), fit.fitted(), fit.residuals(),
                fit.weights(), fit.n(), fit.rank(), fit.rss(), fit.tss(), fit.r2(), fit.adjR2(), fit.rmse(), fit.f(),
                fit.dfModel(), fit.dfResid(), fit.hasConstant(), nonNested, fit.bread(), fit.leverage(), fit.keptX(),
                fit.notes());
        return new Within(fe, counted, spec.with(SmallSample.areg()));
    }

    /** True when every group of g lies within a single cluster of c. */
    static boolean nestedIn(int[] g, int[] c) {
        int[] clusterOf = new int[ModelFrame.groups(g)];
        java.util.Arrays.fill(clusterOf, -1);
        for (int i = 0; i < g.length; i++) {
            if (clusterOf[g[i]] < 0) {
                clusterOf[g[i]] = c[i];
            } else if (clusterOf[g[i]] != c[i]) {
                return false;
            }
        }
        return true;
    }
}
