package org.reprise.results;

import java.util.List;
import java.util.Map;

/**
 * One model's results as results.json stores them: tidy terms (intercept named _cons) plus fit statistics (glance).
 * Stats keys are snake_case (r2, adj_r2, rmse, df_resid, f, ll, pseudo_r2, ...), in insertion order.
 * {@code vcov} is the human label of the covariance ("Clustered by hhid"), {@code notes} the estimator's remarks
 * (omitted columns, dropped singletons, missing rows).
 */
public record Estimate(String id, String method, String outcome, long nobs, String vcov,
                       List<Term> terms, Map<String, Double> stats, List<String> notes) implements java.io.Serializable {
    public Term term(String name) {
        for (Term t : terms) {
            if (t.term().equals(name)) {
                return t;
            }
        }
        return null;
    }
}
