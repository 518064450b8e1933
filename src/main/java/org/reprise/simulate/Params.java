package org.reprise.simulate;

import java.util.List;

/**
 * Every number the simulator uses. {@link #DEFAULT} is the calibrated set that produced data/clds_sim.csv;
 * arrays of covariate coefficients follow the order of {@link #COVARIATES}.
 *
 * @param households number of households (each observed in 2014 and 2016)
 * @param marginals distributions of region and of the 2014 covariates
 * @param churn how covariates change between the waves
 * @param selection probit of programme participation T on the 2014 covariates
 * @param income log-income equation: mean, variance and programme effect
 * @param lines poverty lines
 */
public record Params(int households, Marginals marginals, Churn churn, Selection selection, Income income,
                     PovertyLines lines) {

    /** The 12 covariates, named and ordered as in the paper's Table 1. */
    public static final List<String> COVARIATES = List.of(
            "age", "health", "job", "famsize", "machine", "subsidy",
            "distance", "hroad", "lamp", "edu", "ability", "twork");

    /** Lowest value each covariate can take (same order as {@link #COVARIATES}). */
    public static final double[] SUPPORT_LOW = {20, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0};

    /** Highest value each covariate can take (twork is at most min(famsize, 6)). */
    public static final double[] SUPPORT_HIGH = {87, 5, 1, 12, 15, 1, 150, 100, 1, 16, 1, 6};

    /** twork ~ Binomial(min(famsize, TWORK_MAX), tworkP): at most six members hold stable non-farm jobs. */
    public static final int TWORK_MAX = 6;

    /** Schooling years the edu coding allows, in the order of {@link Marginals#eduProbs()}. */
    public static final int[] EDU_LEVELS = {0, 3, 6, 9, 12, 13, 16};

    /**
     * Distributions of region and the 2014 covariates. Region is independent of everything. The covariates are
     * tied by a Gaussian copula with one household factor f ~ N(0,1): covariate j is the transform, to its
     * marginal, of the latent normal loading_j·f + sqrt(1 − loading_j²)·e_j.
     *
     * @param regionShares probabilities of east, central, west
     * @param loadings factor loading of each covariate's latent normal (order of {@link #COVARIATES})
     * @param ageMean mean of the 2014 head age before rounding
     * @param ageSd SD of the 2014 head age before rounding
     * @param healthProbs probabilities of health 1..5
     * @param healthPersistence share of the latent health variance that is permanent
     * @param jobP P(job = 1)
     * @param famsizeMean mean of household size before rounding
     * @param famsizeSd SD of household size before rounding
     * @param machineShare share of households owning at least one machine
     * @param machineExtraMean mean of (machines − 1) among owners (geometric)
     * @param subsidyP P(subsidy = 1)
     * @param distanceShape Weibull shape of distance (km)
     * @param distanceScale Weibull scale of distance (km)
     * @param hroadPower hroad / 100 is Beta(hroadPower, 1), i.e. u^(1/hroadPower) for u uniform
     * @param lampP P(lamp = 1)
     * @param eduProbs probabilities of the schooling levels {@link #EDU_LEVELS}
     * @param abilityP P(ability = 1)
     * @param tworkP probability that a household member holds a stable non-farm job (twork ~ Binomial(min(famsize, 6), p))
     */
    public record Marginals(double[] regionShares, double[] loadings, double ageMean, double ageSd,
                            double[] healthProbs, double healthPersistence, double jobP, double famsizeMean,
                            double famsizeSd, double machineShare, double machineExtraMean, double subsidyP,
                            double distanceShape, double distanceScale, double hroadPower, double lampP,
                            double[] eduProbs, double abilityP, double tworkP) {
    }

    /**
     * Changes between 2014 and 2016 (rates and their sources: data/README.md, "2016 covariates").
     *
     * @param redraw probability that job, machine, subsidy and ability are each drawn afresh in 2016
     * @param famsizeStep probability that household size moves by one (up or down, equally likely)
     * @param tworkRedraw probability that twork is drawn afresh (always when famsize changed)
     * @param ageStep probabilities that the head's reported age rises by 1, 2 or 3 years
     * @param distanceCut probability that the distance to the commercial centre is cut (new road or market)
     * @param distanceKeep the cut distance is the old one times Uniform(distanceKeep, 1)
     * @param hroadGain probability that the community hardens more of its roads
     * @param hroadShare a gain hardens Uniform(0, hroadShare) of the roads not yet hardened
     * @param lampOn probability that a community without street lights gets them
     * @param lampOff probability that a community with street lights reports none
     * @param eduUp probability that the head's schooling moves up one level
     */
    public record Churn(double redraw, double famsizeStep, double tworkRedraw, double[] ageStep, double distanceCut,
                        double distanceKeep, double hroadGain, double hroadShare, double lampOn, double lampOff,
                        double eduUp) {
    }

    /**
     * Participation: T = 1 when intercept + Σ coef_j x_j(2014) + u &gt; 0, u standard normal.
     *
     * @param intercept probit intercept
     * @param coef probit coefficients, order of {@link #COVARIATES}
     */
    public record Selection(double intercept, double[] coef) {
    }

    /**
     * ln y = beta0 + Σ beta_j x_j + effect·T·P + e, e ~ N(0, theta0 + Σ theta_j x_j).
     *
     * @param beta0 mean intercept
     * @param beta mean coefficients, order of {@link #COVARIATES}
     * @param theta0 variance intercept
     * @param theta variance coefficients, order of {@link #COVARIATES}
     * @param effectEast programme effect on mean log income, east
     * @param effectCentralWest programme effect on mean log income, central and west
     */
    public record Income(double beta0, double[] beta, double theta0, double[] theta, double effectEast,
                         double effectCentralWest) {

        /** The smallest value of the variance function on the covariate support (must be positive). */
        public double minimumVariance() {
            double v = theta0;
            for (int j = 0; j < theta.length; j++) {
                v += Math.min(theta[j] * SUPPORT_LOW[j], theta[j] * SUPPORT_HIGH[j]);
            }
            return v;
        }
    }

    /**
     * Income-mean coefficients are minus the paper's Table 2 model (2) coefficients (Vul1 on covariates) times
     * this scale, so each covariate moves income in the direction the paper found it moves vulnerability.
     */
    static final double[] TABLE2_MODEL2 = {
        -0.0170, -0.1667, -0.2867, 0.0078, -0.0056, 0.0087, 0.0002, -0.0034, 0.0041, -0.0269, -0.0882, -0.0169};

    /** Mean coefficients: −scale × Table 2 model (2). */
    static double[] betaFromTable2(double scale) {
        double[] b = new double[TABLE2_MODEL2.length];
        for (int j = 0; j < b.length; j++) {
            b[j] = -scale * TABLE2_MODEL2[j];
        }
        return b;
    }

    /** The paper's Table 3 unmatched %bias per covariate; factor loadings are proportional to it. */
    static final double[] TABLE3_BIAS = {21.7, -23.1, 37.2, 5.1, 38.6, 70.8, 15.5, -21.8, -20.2, -11.5, 12.9, -10.5};

    /** Shape of the variance function before scaling (order of {@link #COVARIATES}). */
    static final double[] THETA_SHAPE = {0.002, -0.02, -0.08, 0, 0, 0.05, 0.002, 0, 0, 0, -0.03, -0.01};

    static double[] scaled(double[] v, double s) {
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = s * v[j];
        }
        return out;
    }

    /** Defaults before the calibration search (the search overwrites selection and income). */
    static Params start() {
        Marginals m = new Marginals(new double[] {0.30, 0.35, 0.35}, scaled(TABLE3_BIAS, 0.008), 50.88, 10.12,
                new double[] {0.03, 0.11, 0.26, 0.38, 0.22}, 0.8, 0.8656, 4.66, 1.795, 0.20, 1.145, 0.5413,
                1.04, 19.38, 1.625, 0.327,
                new double[] {0.11, 0.345, 0.44, 0.095, 0.008, 0.001, 0.001}, 0.6896, 0.2825);
        Churn c = new Churn(0.10, 0.15, 0.15, new double[] {0.2, 0.6, 0.2}, 0.10, 0.6, 0.35, 0.6, 0.10, 0.03,
                0.04);
        Selection s = new Selection(Sampler.phiInverse(0.7405), new double[12]);
        Income inc = new Income(7.5, betaFromTable2(3.0), 0.4, scaled(THETA_SHAPE, 1.0), 0.3, 0.2);
        return new Params(3062, m, c, s, inc, PovertyLines.DEFAULT);
    }

    /** Scale of the variance function found by the calibration search (θ0 = 0.4·scale, θ = THETA_SHAPE·scale). */
    static final double THETA_SCALE = 1.045474;

    /**
     * The calibrated parameters: {@link #start()} with the selection and income parameters found by
     * CalibrationSearch (test code) on 200,000 simulated households, rounded to 6 decimals.
     */
    static Params calibrated() {
        Params s = start();
        Selection sel = new Selection(-0.084625, new double[] {
            0.009472, -0.120480, 0.554108, 0.031426, 0.309060, 0.753980,
            0.003886, -0.003981, -0.235299, -0.019367, 0.147338, -0.082759});
        Income inc = new Income(0.150908, betaFromTable2(3.724847), 0.4 * THETA_SCALE,
                scaled(THETA_SHAPE, THETA_SCALE), 0.685898, 0.438210);
        return new Params(s.households(), s.marginals(), s.churn(), sel, inc, s.lines());
    }

    /** The calibrated parameters that produced data/clds_sim.csv. */
    public static final Params DEFAULT = calibrated();
}
