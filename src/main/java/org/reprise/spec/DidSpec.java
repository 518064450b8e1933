package org.reprise.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A two-period difference in differences as Stata's user-written {@code diff} (Villa 2016) computes it
 * ({@code did:} entry); see docs/did.md. Without {@code kernel} it is diff's plain DID ({@code diff y, t() p()
 * [cov()]}); with {@code kernel} diff's kernel propensity-score matching DID ({@code kernel id()}).
 *
 * @param id         name in results.json and tables
 * @param data       data source (default: the first)
 * @param outcomes   outcome variables (one diff run each)
 * @param treatment  0/1 treatment group (diff's {@code treated()})
 * @param period     0/1 period (diff's {@code period()}: 0 before, 1 after)
 * @param covariates diff's {@code cov()}: regressors of the plain DID; the score's covariates with kernel
 * @param unit       diff's {@code id()}: the unit id (required with kernel)
 * @param kernel     diff's {@code kernel ktype()}; absent = plain DID
 * @param bandwidth  diff's {@code bw()} (default 0.06; kernel only)
 * @param score      probit (diff's default) or logit (diff's {@code logit}; kernel only)
 * @param support    diff's {@code support} (kernel only)
 * @param se         ols (default), robust (diff's {@code robust}) or cluster (diff's {@code cluster()})
 * @param cluster    the cluster variable (default: the unit id)
 * @param test       diff's {@code test}: also compute the baseline balance table
 * @param report     diff's {@code report}: show the covariates' coefficients (plain) or the score model (kernel)
 * @param condition  YAML {@code if}: the sample
 */
public record DidSpec(String id, String data, List<String> outcomes, String treatment, String period,
                      List<String> covariates, String unit, KernelKind kernel, Double bandwidth, Method score,
                      Boolean support, DidSe se, String cluster, Boolean test, Boolean report,
                      @JsonProperty("if") String condition) {
    public DidSpec {
        outcomes = Immutable.list(outcomes);
        covariates = Immutable.list(covariates);
        unit = Immutable.text(unit);
        bandwidth = bandwidth == null ? 0.06 : bandwidth;
        score = score == null ? Method.PROBIT : score;
        support = support != null && support;
        se = se == null ? DidSe.OLS : se;
        cluster = Immutable.text(cluster);
        test = test != null && test;
        report = report != null && report;
        condition = Immutable.text(condition);
    }

    /** The same analysis on another data source. */
    public DidSpec withData(String source) {
        return new DidSpec(id, source, outcomes, treatment, period, covariates, unit, kernel, bandwidth, score, support,
                se, cluster, test, report, condition);
    }

    /** True for diff's kernel propensity-score matching DID. */
    public boolean isKernel() {
        return kernel != null;
    }
}
