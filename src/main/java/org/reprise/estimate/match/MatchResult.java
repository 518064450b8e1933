package org.reprise.estimate.match;

/**
 * Everything a matching run produces, indexed by the caller's observation number i (0-based).
 *
 * @param spec            the options used
 * @param weight          psmatch2's {@code _weight}: controls = summed matching weight (NN: times used / neighbours;
 *                        kernel: summed normalised kernel weights); treated = 1 (ATT only) or, with {@code ate},
 *                        the weight as a match for controls. 0 where psmatch2 stores missing (unused or off support).
 * @param support         psmatch2's {@code _support}: on the common support and matched
 * @param matchCount      psmatch2's {@code _nn} for nearest neighbour (entries in the matched set, ties included);
 *                        for radius/kernel the number of opposite-group units inside the kernel window; 0 if none
 * @param matchedOutcome  psmatch2's {@code _y}: [outcome j][unit i] weighted mean outcome of i's matches (treated;
 *                        with {@code ate} also controls); NaN where not defined
 * @param sets            per-unit matched sets for nearest neighbour (null for radius and kernel, whose sets can
 *                        hold a large share of the sample)
 * @param effects         one entry per outcome column
 * @param nTreated        treated units in the input
 * @param nControls       control units in the input
 * @param nTreatedOnSupport   treated with support = true (psmatch2's N1)
 * @param nControlsOnSupport  controls on support (with {@code ate}: matched; psmatch2's N0)
 * @param nTreatedOffSupport  treated dropped by common support, trimming, caliper or an empty kernel window
 */
public record MatchResult(MatchSpec spec, double[] weight, boolean[] support, int[] matchCount,
                          double[][] matchedOutcome, MatchedSets sets, Effect[] effects, int nTreated,
                          int nControls, int nTreatedOnSupport, int nControlsOnSupport, int nTreatedOffSupport) {

    /**
     * Matched sets in compressed rows: the matches of unit i are entries start[i] .. start[i+1]-1 of
     * {@code index} (caller's observation numbers) with weights {@code weight} (1 / entries, psmatch2's rule).
     * Units that matched nothing have an empty row. {@code distance[i]} = |score difference| to the first match
     * (psmatch2's {@code _pdif}), NaN if none.
     */
    public record MatchedSets(int[] start, int[] index, double[] weight, double[] distance) {
        /** Number of entries for unit i. */
        public int size(int i) {
            return start[i + 1] - start[i];
        }
    }

    /**
     * Effects for one outcome. ATT = mean over treated on support of (y - matched y). SEs NaN where not defined.
     *
     * @param meanTreated         mean outcome of treated on support
     * @param meanMatchedControls mean matched outcome of treated on support
     * @param att                 average treatment effect on the treated
     * @param seAtt               psmatch2's approximate SE (fixed weights; ignores that the score is estimated)
     * @param atu                 average effect on the untreated (with {@code ate}), else NaN
     * @param ate                 average treatment effect (with {@code ate}), else NaN
     * @param aiSeAtt             Abadie-Imbens (2006) SE of the ATT (with {@code ai}), else NaN
     * @param aiSeAtu             Abadie-Imbens SE of the ATU (with {@code ai} and {@code ate}), else NaN
     * @param aiSeAte             Abadie-Imbens SE of the ATE (with {@code ai} and {@code ate}), else NaN
     */
    public record Effect(double meanTreated, double meanMatchedControls, double att, double seAtt, double atu,
                         double ate, double aiSeAtt, double aiSeAtu, double aiSeAte) {
    }
}
