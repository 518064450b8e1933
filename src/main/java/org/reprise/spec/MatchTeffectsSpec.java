package org.reprise.spec;

import java.util.List;

/**
 * One Stata {@code teffects} matching estimator of a matching analysis ({@code teffects:} entry), on the analysis'
 * treatment, outcomes and samples. Reports the ATE and the ATET with teffects' "AI robust" standard errors.
 * Defaults are teffects': logit treatment model, nneighbor 1, vce(robust, nn(2)), Mahalanobis metric.
 * See docs/matching.md, "teffects".
 *
 * @param id        name in results.json and tables
 * @param label     row label; empty = "teffects psmatch" / "teffects nnmatch"
 * @param estimator psmatch or nnmatch
 * @param tmodel    psmatch's treatment model on the analysis' covariates: logit (default) or probit
 * @param nneighbor matches per unit ({@code nneighbor(#)})
 * @param vceNn     neighbours for the conditional variances ({@code vce(robust, nn(#))})
 * @param metric    nnmatch's distance metric
 * @param covariates nnmatch's matching covariates (default: the analysis' covariates)
 * @param ematch    nnmatch's exact-match variables ({@code ematch()})
 * @param biasadj   nnmatch's bias-adjustment variables ({@code biasadj()})
 */
public record MatchTeffectsSpec(String id, String label, TeffectsKind estimator, Method tmodel, Integer nneighbor,
                                Integer vceNn, TeffectsMetric metric, List<String> covariates, List<String> ematch,
                                List<String> biasadj) {
    public MatchTeffectsSpec {
        label = Immutable.text(label);
        tmodel = tmodel == null ? Method.LOGIT : tmodel;
        nneighbor = nneighbor == null ? 1 : nneighbor;
        vceNn = vceNn == null ? 2 : vceNn;
        metric = metric == null ? TeffectsMetric.MAHALANOBIS : metric;
        covariates = Immutable.list(covariates);
        ematch = Immutable.list(ematch);
        biasadj = Immutable.list(biasadj);
    }
}
