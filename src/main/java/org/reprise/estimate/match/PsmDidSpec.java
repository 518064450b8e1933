package org.reprise.estimate.match;

import org.reprise.UserError;
import org.reprise.estimate.BinaryChoice;

/**
 * Options of a two-period difference in differences as Stata's user-written {@code diff} (Villa 2016, version
 * 5.0.1) computes it; see docs/matching.md, "PSM-DID (diff, kernel)". Build one with {@link #kernelDefaults()} or
 * {@link #plain()} and the {@code with...} methods.
 *
 * @param kernel     true = kernel propensity-score matching DID ({@code diff ..., kernel id()}); false = the plain
 *                   DID regression, with the covariates as regressors ({@code diff ..., cov()})
 * @param link       propensity-score model: PROBIT (diff's default) or LOGIT (diff's {@code logit})
 * @param kernelType diff's {@code ktype()}; default EPANECHNIKOV
 * @param bandwidth  diff's {@code bw()}; default 0.06
 * @param support    diff's {@code support}: keep only rows whose score lies in [min score of the treated,
 *                   max score of the controls]
 * @param se         conventional OLS (default), {@code robust} (HC1) or {@code cluster()}
 * @param clusterName name of the cluster variable (for labels); with CLUSTER and no codes given, the unit id
 * @param stataFloat reproduce Stata's storage of the score, kernel values and weights as 4-byte floats (diff creates
 *                   them with {@code gen}/{@code predict}, whose default type is float); false = keep doubles
 */
public record PsmDidSpec(boolean kernel, BinaryChoice.Link link, Kernel kernelType, double bandwidth,
                         boolean support, Se se, String clusterName, boolean stataFloat) {

    /**
     * diff's kernels, u = |score difference| / bandwidth. The formulas are diff's own (no normalising constants
     * except the Gaussian's, which cancels): note that diff's TRICUBE is {@code 1 - abs(u^3)^3} = 1 - |u|^9, not
     * psmatch2's (1 - |u|^3)^3.
     */
    public enum Kernel {
        /** 1 - u^2 for u &lt;= 1 (diff's default). */
        EPANECHNIKOV,
        /** normalden(u) for every control (no window). */
        GAUSSIAN,
        /** (1 - u^2)^2 for u &lt;= 1. */
        BIWEIGHT,
        /** 1 for u &lt;= 1. */
        UNIFORM,
        /** 1 - |u|^9 for u &lt;= 1 (diff's formula). */
        TRICUBE
    }

    /** Standard errors of the DID regression. */
    public enum Se {
        /** regress's default (classical, aweighted). */
        OLS,
        /** diff's {@code robust}: regress, robust (HC1). */
        ROBUST,
        /** diff's {@code cluster()}: regress, cluster() (Stata's G/(G-1)(N-1)/(N-K) factor, G-1 df). */
        CLUSTER
    }

    /** Compact constructor: fills defaults for nulls. */
    public PsmDidSpec {
        if (link == null) {
            link = BinaryChoice.Link.PROBIT;
        }
        if (kernelType == null) {
            kernelType = Kernel.EPANECHNIKOV;
        }
        if (se == null) {
            se = Se.OLS;
        }
    }

    /** {@code diff y, t() p() cov() kernel id()}: probit, Epanechnikov, bandwidth 0.06, no support, OLS SEs. */
    public static PsmDidSpec kernelDefaults() {
        return new PsmDidSpec(true, BinaryChoice.Link.PROBIT, Kernel.EPANECHNIKOV, 0.06, false, Se.OLS, null, false);
    }

    /** {@code diff y, t() p() [cov()]}: unweighted DID regression. */
    public static PsmDidSpec plain() {
        return new PsmDidSpec(false, BinaryChoice.Link.PROBIT, Kernel.EPANECHNIKOV, 0.06, false, Se.OLS, null, false);
    }

    public PsmDidSpec withLink(BinaryChoice.Link l) {
        return new PsmDidSpec(kernel, l, kernelType, bandwidth, support, se, clusterName, stataFloat);
    }

    public PsmDidSpec withKernel(Kernel k, double bw) {
        return new PsmDidSpec(kernel, link, k, bw, support, se, clusterName, stataFloat);
    }

    public PsmDidSpec withSupport(boolean s) {
        return new PsmDidSpec(kernel, link, kernelType, bandwidth, s, se, clusterName, stataFloat);
    }

    public PsmDidSpec withSe(Se s) {
        return new PsmDidSpec(kernel, link, kernelType, bandwidth, support, s, clusterName, stataFloat);
    }

    /** Clustered standard errors, labelled with the variable's name. */
    public PsmDidSpec withCluster(String name) {
        return new PsmDidSpec(kernel, link, kernelType, bandwidth, support, Se.CLUSTER, name, stataFloat);
    }

    public PsmDidSpec withStataFloat(boolean f) {
        return new PsmDidSpec(kernel, link, kernelType, bandwidth, support, se, clusterName, f);
    }

    /** Throws a UserError for options diff would refuse. */
    void validate() {
        if (kernel && !(bandwidth > 0 && Double.isFinite(bandwidth))) {
            throw new UserError("psm-did: the kernel bandwidth is " + bandwidth + " but must be a positive number "
                    + "(diff's bw(), default 0.06).");
        }
        if (!kernel && support) {
            throw new UserError("psm-did: 'support' needs kernel matching (diff's support applies to the kernel "
                    + "option); set kernel true or drop support.");
        }
    }
}
