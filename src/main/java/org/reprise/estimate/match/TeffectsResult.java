package org.reprise.estimate.match;

import java.util.List;

/**
 * What {@link Teffects} estimates for one outcome: the ATE and the ATET with Stata's "AI robust" standard errors.
 *
 * @param ate         average treatment effect
 * @param seAte       its standard error (psmatch: adjusted for the estimated score, Abadie and Imbens 2016)
 * @param atet        average treatment effect on the treated
 * @param seAtet      its standard error
 * @param n           observations
 * @param nTreated    treated observations
 * @param minMatches  smallest matched set (teffects' "min")
 * @param maxMatches  largest matched set, ties included (teffects' "max")
 * @param varAte      Abadie–Imbens (2006) variance of the ATE before the score adjustment (= seAte² for nnmatch)
 * @param varAtet     the same for the ATET
 * @param notes       notes for the table (e.g. the score model's omitted terms)
 */
public record TeffectsResult(double ate, double seAte, double atet, double seAtet, int n, int nTreated,
                             int minMatches, int maxMatches, double varAte, double varAtet, List<String> notes) {
    public TeffectsResult {
        notes = List.copyOf(notes);
    }
}
