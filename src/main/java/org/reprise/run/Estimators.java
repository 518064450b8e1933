package org.reprise.run;

import org.reprise.data.ModelFrame;
import org.reprise.results.Estimate;
import org.reprise.spec.ModelSpec;
import org.reprise.spec.Spec;

/** Dispatches a model to its estimator and the covariance layer. */
final class Estimators {
    private Estimators() {
    }

    static Estimate fit(Spec spec, ModelSpec m, ModelFrame f) {
        throw new UnsupportedOperationException("estimators not wired yet");
    }
}
