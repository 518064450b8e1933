package org.reprise.run;

import org.reprise.UserError;
import org.reprise.data.ModelFrame;
import org.reprise.estimate.LinearFit;
import org.reprise.spec.ModelSpec;

/** Absorbed fixed effects (wired when the within estimator lands). */
final class FixedEffectsSupport {
    private FixedEffectsSupport() {
    }

    static LinearFit fit(ModelSpec m, ModelFrame f) {
        throw new UserError("model `" + m.id() + "`: `absorb` is not available in this build.");
    }
}
