package org.reprise.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Propensity-score matching ({@code matching:} entry): a score model of the treatment on covariates, then each
 * method's ATT on each outcome, on the full sample and within each value of {@code by}; a balance test (pstest) for
 * the {@code balance} method; optionally kernel PSM-DID ({@code did}). See docs/matching.md.
 *
 * @param id         name in results.json and tables
 * @param data       data source (default: the first)
 * @param treatment  0/1 treatment variable
 * @param covariates score-model covariates (terms as in models)
 * @param score      probit (default, as psmatch2) or logit
 * @param on         match on the probability (default), the log-odds or the linear index
 * @param condition  YAML {@code if}: the matching sample (e.g. "year == 2016")
 * @param outcomes   outcome variables
 * @param methods    matching methods, in table order
 * @param common     psmatch2's common support (default true)
 * @param by         optional variable: also match within each of its values (subsamples)
 * @param se         analytic (default), ai or bootstrap
 * @param replicates bootstrap replicates (default 500)
 * @param balance    the method whose weights the balance table uses (default: the first)
 * @param balanceCovariates the balance table's rows (default: the covariates), e.g. ibn.race for every level
 * @param ate        also match controls to treated: ATU and ATE (psmatch2's ate; not with matching without replacement)
 * @param trim       psmatch2's trim(#): drop this percent of the treated with the lowest control density (null = none)
 * @param did        kernel PSM-DID as Stata's diff (optional)
 * @param teffects   Stata teffects psmatch / nnmatch estimators (ATE and ATET), besides the psmatch2 methods
 */
public record MatchingSpec(String id, String data, String treatment, List<String> covariates, Method score,
                           MatchOn on, @JsonProperty("if") String condition, List<String> outcomes,
                           List<MatchMethodSpec> methods, Boolean common, String by, MatchSe se, Integer replicates,
                           String balance, List<String> balanceCovariates, Boolean ate, Double trim,
                           PsmDidSpec did, List<MatchTeffectsSpec> teffects) {
    public MatchingSpec {
        covariates = Immutable.list(covariates);
        score = score == null ? Method.PROBIT : score;
        on = on == null ? MatchOn.PROBABILITY : on;
        condition = Immutable.text(condition);
        outcomes = Immutable.list(outcomes);
        methods = Immutable.list(methods);
        common = common == null || common;
        by = Immutable.text(by);
        se = se == null ? MatchSe.ANALYTIC : se;
        replicates = replicates == null ? 500 : replicates;
        balance = Immutable.text(balance);
        balanceCovariates = Immutable.list(balanceCovariates);
        ate = ate != null && ate;
        teffects = Immutable.list(teffects);
    }

    /** The same spec on another data source. */
    public MatchingSpec withData(String source) {
        return new MatchingSpec(id, source, treatment, covariates, score, on, condition, outcomes, methods, common, by,
                se, replicates, balance, balanceCovariates, ate, trim, did, teffects);
    }

    /**
     * Kernel-matched difference in differences (Stata's {@code diff ..., kernel id()}): score on the baseline
     * ({@code post} = 0) rows, kernel weights carried to the follow-up by the panel id.
     *
     * @param post      0/1 period variable (1 = after)
     * @param kernel    kernel (default normal, as the paper)
     * @param bandwidth bandwidth (default 0.06)
     */
    public record PsmDidSpec(String post, KernelKind kernel, Double bandwidth) {
        public PsmDidSpec {
            kernel = kernel == null ? KernelKind.NORMAL : kernel;
            bandwidth = bandwidth == null ? 0.06 : bandwidth;
        }
    }
}
