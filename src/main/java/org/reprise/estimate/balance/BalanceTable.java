package org.reprise.estimate.balance;

import java.util.List;
import org.reprise.estimate.BinaryChoice;

/**
 * The result of {@link Balance#pstest}: Stata's {@code pstest, both} as data.
 *
 * @param rows              one row per covariate, in input order
 * @param unmatched         summary line before matching (all observations, unweighted)
 * @param matched           summary line after matching (matched sample, _weight as iweights)
 * @param link              the score model used for the joint test and Rubin's B and R (pstest: probit)
 * @param nTreated          treated observations
 * @param nControls         control observations
 * @param nTreatedMatched   treated on support (weight 1 in the matched sample)
 * @param nControlsMatched  controls with a positive matching weight
 * @param sumWeightsMatched sum of the matched sample's weights (Stata's iweight "N" is its integer part)
 */
public record BalanceTable(List<BalanceRow> rows, BalanceJoint unmatched, BalanceJoint matched,
                           BinaryChoice.Link link, int nTreated, int nControls, int nTreatedMatched,
                           int nControlsMatched, double sumWeightsMatched) implements java.io.Serializable {
}
