package org.reprise.spec;

import java.util.List;

/**
 * Generated text under a regression table ({@code narrative:}): the key terms to describe in every column, and
 * pairs of columns to compare. A comparison of independent samples (e.g. east vs central-west) is tested with
 * z = (b1 − b2)/sqrt(se1² + se2²); columns estimated on the same sample are compared in words only.
 *
 * @param terms   terms described in each column, e.g. [PxT]
 * @param compare pairs of model ids
 */
public record NarrativeSpec(List<String> terms, List<Compare> compare) {
    public NarrativeSpec {
        terms = Immutable.list(terms);
        compare = Immutable.list(compare);
    }

    /** Two columns (model ids) to compare; {@code independent} true when they use disjoint samples. */
    public record Compare(List<String> models, Boolean independent) {
        public Compare {
            models = Immutable.list(models);
            independent = independent != null && independent;
        }
    }
}
