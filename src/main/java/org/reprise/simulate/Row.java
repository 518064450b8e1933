package org.reprise.simulate;

/**
 * One household-year of the simulated panel, with the values exactly as written to the CSV, plus the true
 * income distribution that generated it (not written to the CSV).
 *
 * @param hhid household id, 1..households
 * @param year 2014 or 2016
 * @param region east, central or west
 * @param t programme participation (time-invariant)
 * @param p 1 for 2016, 0 for 2014
 * @param income per-capita net income, yuan per year at 2014 prices (rounded to 0.01)
 * @param x the 12 covariates in the order of {@link Params#COVARIATES}
 * @param mean true mean of log income (including {@code effect})
 * @param variance true variance of log income
 * @param effect programme effect included in {@code mean} (0 unless t = 1 and year 2016)
 */
public record Row(int hhid, int year, String region, int t, int p, double income, double[] x, double mean,
                  double variance, double effect) {

    /** Covariate by name. */
    public double get(String covariate) {
        int j = Params.COVARIATES.indexOf(covariate);
        if (j < 0) {
            throw new IllegalArgumentException("no covariate " + covariate);
        }
        return x[j];
    }

    /** True P(ln y &lt; ln z | X) with this row's mean and variance. */
    public double vulnerability(double line) {
        return Sampler.phi((StrictMath.log(line) - mean) / StrictMath.sqrt(variance));
    }

    /** The same without the programme effect (the treated row's counterfactual). */
    public double vulnerabilityWithoutEffect(double line) {
        return Sampler.phi((StrictMath.log(line) - (mean - effect)) / StrictMath.sqrt(variance));
    }
}
