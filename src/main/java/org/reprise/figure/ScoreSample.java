package org.reprise.figure;

/**
 * Propensity scores of treated and control observations for one panel of {@link Figures#scoreDensity}.
 * Weights may be {@code null} (every observation counts once); after matching they are the matching weights
 * (for example how often a control is used, or kernel weights). Weights must be finite and non-negative;
 * observations with weight zero are left out.
 */
public record ScoreSample(double[] treated, double[] controls, double[] treatedWeights, double[] controlWeights) {
    /** Scores without weights. */
    public static ScoreSample of(double[] treated, double[] controls) {
        return new ScoreSample(treated, controls, null, null);
    }
}
