package org.reprise.estimate.match;

import org.reprise.UserError;

/**
 * How to match: the options of Stata's psmatch2 4.0.12 (Leuven and Sianesi) as one immutable value.
 * Every rule is documented in docs/matching.md. Build one with {@link #nearest(int)}, {@link #radius(double)} or
 * {@link #kernel(Kernel, double)} and the {@code with...} methods; {@link Matcher#match} validates it.
 *
 * @param method        nearest neighbour, radius, kernel or local linear regression (psmatch2 {@code llr}) matching
 * @param k             neighbours per unit (nearest neighbour only), psmatch2 {@code neighbor(k)}
 * @param replacement   false = each control used at most once (greedy, treated visited in {@code order})
 * @param caliper       nearest neighbour: keep a match only if |score difference| &lt; caliper (strict);
 *                      radius: use every control with |difference| &lt;= caliper. Infinity = no caliper.
 * @param ties          what to do with controls at equal distance (nearest neighbour only)
 * @param kernel        kernel for {@link Method#KERNEL} and {@link Method#LLR} (for LLR, EPANECHNIKOV = psmatch2's
 *                      default route: nearest neighbour on the lpoly-smoothed outcome)
 * @param bandwidth     kernel bandwidth, psmatch2 {@code bwidth()}, default 0.06
 * @param common        psmatch2 {@code common}: drop treated outside [min, max] of the controls' scores
 * @param trim          psmatch2 {@code trim(#)}: percent (0-100); 100 = no trimming
 * @param order         order in which treated units pick controls when matching without replacement
 * @param seed          seed for {@link Order#RANDOM}
 * @param ate           also match controls to treated and report ATU and ATE (psmatch2 {@code ate})
 * @param aiNeighbours  J &gt; 0: compute the Abadie-Imbens (2006) standard error, the conditional variance estimated
 *                      from J same-group neighbours (psmatch2 {@code ai(J)}); 0 = not computed
 * @param aiPopulation  AI variance: false = sample/conditional (Theorem 6, psmatch2 4.0.12's default),
 *                      true = population/marginal (Theorem 7, psmatch2 {@code population})
 * @param altVariance   AI conditional variance by Abadie et al. (2004, p. 303), psmatch2 {@code altvariance}
 */
public record MatchSpec(Method method, int k, boolean replacement, double caliper, Ties ties, Kernel kernel,
                        double bandwidth, boolean common, double trim, Order order, long seed, boolean ate,
                        int aiNeighbours, boolean aiPopulation, boolean altVariance) {

    /** Matching method. */
    public enum Method { NEAREST, RADIUS, KERNEL, LLR }

    /** Handling of controls at equal distance in nearest-neighbour matching. */
    public enum Ties {
        /** One control per neighbour slot; among equal distances the lower sorted position wins (psmatch2 default). */
        NONE,
        /** psmatch2's {@code ties}: every control tied with the first neighbour is added, then k-1 further
         *  neighbours are taken from the first one outward (so with k &gt; 1 a tied control can be counted twice,
         *  exactly as psmatch2 4.0.12 does). */
        PSMATCH2,
        /** All controls at the same distance as the k-th neighbour are added (teffects-style); weights split. */
        ALL_AT_KTH
    }

    /** Kernel functions of psmatch2 (u = score difference / bandwidth). */
    public enum Kernel { NORMAL, EPANECHNIKOV, BIWEIGHT, UNIFORM, TRICUBE }

    /** Order in which treated units choose their control when matching without replacement. */
    public enum Order {
        /** Original data order. */
        DATA,
        /** Seeded random permutation of the treated (java.util.SplittableRandom, Fisher-Yates). */
        RANDOM,
        /** Highest score first (MatchIt {@code m.order = "largest"}); equal scores in data order. */
        LARGEST,
        /** Lowest score first; equal scores in data order. */
        SMALLEST
    }

    /** Compact constructor: fills defaults for nulls; full validation happens in {@link #validate}. */
    public MatchSpec {
        if (ties == null) {
            ties = Ties.NONE;
        }
        if (kernel == null) {
            kernel = Kernel.EPANECHNIKOV;
        }
        if (order == null) {
            order = Order.DATA;
        }
    }

    /** 1:k nearest-neighbour matching with replacement, no caliper. */
    public static MatchSpec nearest(int k) {
        return new MatchSpec(Method.NEAREST, k, true, Double.POSITIVE_INFINITY, Ties.NONE, Kernel.EPANECHNIKOV,
                0.06, false, 100, Order.DATA, 0L, false, 0, false, false);
    }

    /** Radius matching: all controls within |difference| &lt;= radius, equal weights. */
    public static MatchSpec radius(double radius) {
        return new MatchSpec(Method.RADIUS, 1, true, radius, Ties.NONE, Kernel.UNIFORM, radius, false, 100,
                Order.DATA, 0L, false, 0, false, false);
    }

    /** Kernel matching with the given kernel and bandwidth. */
    public static MatchSpec kernel(Kernel kernel, double bandwidth) {
        return new MatchSpec(Method.KERNEL, 1, true, Double.POSITIVE_INFINITY, Ties.NONE, kernel, bandwidth, false,
                100, Order.DATA, 0L, false, 0, false, false);
    }

    /**
     * psmatch2's {@code llr}: local linear regression matching with the given kernel and bandwidth (psmatch2's
     * defaults: Epanechnikov, 0.06). With EPANECHNIKOV psmatch2 (and so Reprise) matches the k nearest neighbours on
     * the {@code lpoly}-smoothed outcome instead; see docs/matching.md.
     */
    public static MatchSpec llr(Kernel kernel, double bandwidth) {
        return new MatchSpec(Method.LLR, 1, true, Double.POSITIVE_INFINITY, Ties.NONE, kernel, bandwidth, false,
                100, Order.DATA, 0L, false, 0, false, false);
    }

    public MatchSpec withCaliper(double c) {
        return new MatchSpec(method, k, replacement, c, ties, kernel, bandwidth, common, trim, order, seed, ate,
                aiNeighbours, aiPopulation, altVariance);
    }

    public MatchSpec withTies(Ties t) {
        return new MatchSpec(method, k, replacement, caliper, t, kernel, bandwidth, common, trim, order, seed, ate,
                aiNeighbours, aiPopulation, altVariance);
    }

    /** Matching without replacement, treated taken in the given order (seed used only for RANDOM). */
    public MatchSpec withoutReplacement(Order o, long s) {
        return new MatchSpec(method, k, false, caliper, ties, kernel, bandwidth, common, trim, o, s, ate,
                aiNeighbours, aiPopulation, altVariance);
    }

    public MatchSpec withCommon(boolean c) {
        return new MatchSpec(method, k, replacement, caliper, ties, kernel, bandwidth, c, trim, order, seed, ate,
                aiNeighbours, aiPopulation, altVariance);
    }

    public MatchSpec withTrim(double percent) {
        return new MatchSpec(method, k, replacement, caliper, ties, kernel, bandwidth, common, percent, order, seed,
                ate, aiNeighbours, aiPopulation, altVariance);
    }

    public MatchSpec withAte(boolean a) {
        return new MatchSpec(method, k, replacement, caliper, ties, kernel, bandwidth, common, trim, order, seed, a,
                aiNeighbours, aiPopulation, altVariance);
    }

    /** Abadie-Imbens standard errors with J same-group neighbours for the conditional variance. */
    public MatchSpec withAi(int j, boolean population, boolean alt) {
        return new MatchSpec(method, k, replacement, caliper, ties, kernel, bandwidth, common, trim, order, seed,
                ate, j, population, alt);
    }

    /** Throws {@link UserError} naming the offending option when the combination is not supported. */
    public void validate() {
        if (method == null) {
            throw new UserError("matching: 'method' is missing; use nearest, radius, kernel or llr.");
        }
        if (method == Method.NEAREST && k < 1) {
            throw new UserError("matching: 'k' (neighbours) is " + k + " but must be at least 1.");
        }
        if (Double.isNaN(caliper) || caliper <= 0) {
            throw new UserError("matching: 'caliper' is " + caliper + " but must be a positive number "
                    + "(leave it out for no caliper).");
        }
        if (method == Method.RADIUS && Double.isInfinite(caliper)) {
            throw new UserError("matching: radius matching needs a finite 'caliper' (the radius), e.g. 0.01.");
        }
        if (method == Method.LLR && k < 1) {
            throw new UserError("matching: 'k' (neighbours) is " + k + " but must be at least 1.");
        }
        if ((method == Method.KERNEL || method == Method.LLR) && !(bandwidth > 0 && Double.isFinite(bandwidth))) {
            throw new UserError("matching: 'bandwidth' is " + bandwidth + " but must be a positive finite number "
                    + "(psmatch2's default is 0.06).");
        }
        if (!(trim >= 0 && trim <= 100)) {
            throw new UserError("matching: 'trim' is " + trim + " but must be a percent between 0 and 100 "
                    + "(100 = no trimming).");
        }
        if (!replacement) {
            if (method != Method.NEAREST) {
                throw new UserError("matching: 'replacement: false' is only available for nearest-neighbour "
                        + "matching; remove it or use method nearest.");
            }
            if (ties != Ties.NONE) {
                throw new UserError("matching: 'ties' cannot be combined with matching without replacement; "
                        + "use ties none or replacement true.");
            }
            if (ate) {
                throw new UserError("matching: 'ate' (ATU/ATE) is only available with replacement; "
                        + "set replacement true or drop ate.");
            }
        }
        if (aiNeighbours < 0) {
            throw new UserError("matching: 'ai' is " + aiNeighbours + " but must be 0 (off) or a positive number "
                    + "of neighbours.");
        }
        if (aiNeighbours > 0 && (method != Method.NEAREST || !replacement)) {
            throw new UserError("matching: Abadie-Imbens standard errors ('ai') need nearest-neighbour matching "
                    + "with replacement; remove 'ai' or change the method.");
        }
    }
}
