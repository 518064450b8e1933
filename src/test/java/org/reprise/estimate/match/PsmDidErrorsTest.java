package org.reprise.estimate.match;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.reprise.UserError;

/** Bad input to PSM-DID ends in a UserError that names the problem. */
class PsmDidErrorsTest {
    static final double[] S = {0.50, 0.49, 0.52, Double.NaN, Double.NaN, Double.NaN};
    static final boolean[] T = {true, false, false, true, false, false};
    static final boolean[] P = {false, false, false, true, true, true};
    static final int[] ID = {1, 2, 3, 1, 2, 3};
    static final double[] Y = {1, 2, 3, 4, 5, 6};

    static void fails(String fragment, Runnable r) {
        UserError e = assertThrows(UserError.class, r::run);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    static PsmDidResult run(double[] y, boolean[] t, boolean[] p, int[] id, PsmDidSpec spec) {
        return PsmDid.estimateWithScore(y, t, p, id, S, spec, null);
    }

    @Test
    void duplicateIdWithinAPeriod() {
        fails("two rows in period 1", () -> run(Y, T, P, new int[] {1, 2, 3, 1, 2, 2}, PsmDidSpec.kernelDefaults()));
    }

    @Test
    void treatmentVaryingWithinAUnit() {
        fails("treated in one period and a control in the other",
                () -> run(Y, T, P, new int[] {1, 2, 3, 2, 1, 3}, PsmDidSpec.kernelDefaults()));
    }

    @Test
    void noBaselineOrNoFollowUpRows() {
        boolean[] allPost = {true, true, true, true, true, true};
        fails("no row has period 0", () -> run(Y, T, allPost, new int[] {1, 2, 3, 4, 5, 6},
                PsmDidSpec.kernelDefaults()));
        boolean[] allBase = new boolean[6];
        fails("no row has period 1", () -> run(Y, T, allBase, new int[] {1, 2, 3, 4, 5, 6},
                PsmDidSpec.kernelDefaults()));
    }

    @Test
    void emptyGroups() {
        boolean[] noControls = {true, true, true, true, true, true};
        fails("at least one of each", () -> run(Y, noControls, P, ID, PsmDidSpec.kernelDefaults()));
        // plain DID: no treated at follow-up
        boolean[] t = {true, false, false, false, false, false};
        fails("no treated at follow-up", () -> PsmDid.estimate(Y, t, P, new int[] {1, 2, 3, 4, 5, 6}, null, null,
                PsmDidSpec.plain()));
        // kernel: no control inside the bandwidth -> no weighted controls
        fails("no controls at baseline with a positive kernel weight",
                () -> run(Y, T, P, ID, PsmDidSpec.kernelDefaults().withKernel(PsmDidSpec.Kernel.EPANECHNIKOV, 0.001)));
    }

    @Test
    void missingOutcomeAndBadOptions() {
        double[] y = Y.clone();
        y[4] = Double.NaN;
        fails("observation 5", () -> run(y, T, P, ID, PsmDidSpec.kernelDefaults()));
        fails("bandwidth", () -> run(Y, T, P, ID, PsmDidSpec.kernelDefaults().withKernel(PsmDidSpec.Kernel.GAUSSIAN,
                0)));
        fails("needs kernel matching", () -> PsmDid.estimate(Y, T, P, ID, null, null,
                PsmDidSpec.plain().withSupport(true)));
        fails("needs covariates", () -> PsmDid.estimate(Y, T, P, ID, null, null, PsmDidSpec.kernelDefaults()));
        fails("no options", () -> PsmDid.estimate(Y, T, P, ID, null, null, null));
        fails("same rows", () -> run(Y, new boolean[] {true}, P, ID, PsmDidSpec.kernelDefaults()));
        fails("covariate names", () -> PsmDid.estimate(Y, T, P, ID, new double[][] {Y}, new String[0],
                PsmDidSpec.kernelDefaults()));
    }

    @Test
    void scoreModelWithOneGroupAtBaseline() {
        boolean[] t = {false, false, false, true, true, true};
        double[][] x = {{0.1, 0.5, 0.9, 1, 2, 3}};
        fails("needs both groups", () -> PsmDid.estimate(Y, t, P, new int[] {1, 2, 3, 4, 5, 6}, x,
                new String[] {"x"}, PsmDidSpec.kernelDefaults()));
    }
}
