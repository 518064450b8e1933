package org.reprise.estimate.boot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprise.estimate.BinaryChoice;
import org.reprise.estimate.BinaryFit;
import org.reprise.estimate.match.MatchSpec;
import org.reprise.estimate.match.Matcher;

/** The PSM replicate equals probit + matching done by hand; runs are deterministic; no-control draws fail. */
class PsmBootstrapTest {
    static final List<MatchSpec> SPECS = List.of(MatchSpec.nearest(1), MatchSpec.nearest(4), MatchSpec.radius(0.01),
            MatchSpec.kernel(MatchSpec.Kernel.NORMAL, 0.06));

    record Sim(double[][] x, boolean[] t, double[][] y) {
    }

    static Sim simulate(int n, double shift, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[3][n];
        boolean[] t = new boolean[n];
        double[][] y = new double[2][n];
        for (int i = 0; i < n; i++) {
            x[0][i] = r.nextGaussian();
            x[1][i] = r.nextDouble() < 0.4 ? 1 : 0;
            x[2][i] = r.nextGaussian();
            t[i] = shift + 0.5 * x[0][i] - 0.4 * x[1][i] + 0.3 * x[2][i] + r.nextGaussian() > 0;
            y[0][i] = 2 * x[0][i] + (t[i] ? 1 : 0) + r.nextGaussian();
            y[1][i] = x[2][i] + r.nextGaussian();
        }
        return new Sim(x, t, y);
    }

    @Test
    void originalSampleEqualsDirectComputation() {
        Sim s = simulate(300, 0.2, 11);
        String[] names = {"a", "b", "c"};
        BootstrapResult r = PsmBootstrap.run(20, 3, s.x(), names, s.t(), s.y(), SPECS, BinaryChoice.Link.PROBIT,
                BootOptions.defaults().withProgress(false));
        double[] y01 = new double[300];
        double[] ones = new double[300];
        for (int i = 0; i < 300; i++) {
            y01[i] = s.t()[i] ? 1 : 0;
            ones[i] = 1;
        }
        BinaryFit fit = BinaryChoice.fit(BinaryChoice.Link.PROBIT, y01,
                new double[][] {s.x()[0], s.x()[1], s.x()[2], ones}, new String[] {"a", "b", "c", "_cons"}, null);
        for (int m = 0; m < SPECS.size(); m++) {
            var eff = Matcher.match(fit.p(), s.t(), s.y(), SPECS.get(m)).effects();
            for (int j = 0; j < 2; j++) {
                assertEquals(eff[j].att(), r.estimate()[m * 2 + j], 0.0);
            }
        }
        assertEquals(8, r.stats().size());
        assertEquals("kernel normal 0.06 / y2", PsmBootstrap.labels(SPECS, new String[] {"y1", "y2"}).get(7));
        BootstrapResult again = PsmBootstrap.run(20, 3, s.x(), names, s.t(), s.y(), SPECS, BinaryChoice.Link.PROBIT,
                BootOptions.defaults().withProgress(false).withThreads(1));
        for (int b = 0; b < 20; b++) {
            assertArrayEquals(r.draws()[b], again.draws()[b], 0.0);
        }
    }

    @Test
    void resamplesWithoutControlsAreCountedAsFailures() {
        // 2 controls in 30: a resample has no control with probability (28/30)^30 = 12.6%
        Sim s = simulate(30, 0, 5);
        boolean[] t = new boolean[30];
        Arrays.fill(t, true);
        t[3] = false;
        t[17] = false;
        BootstrapResult r = PsmBootstrap.run(200, 8, new double[][] {s.x()[0]}, new String[] {"a"}, t, s.y(),
                List.of(MatchSpec.nearest(1)), BinaryChoice.Link.PROBIT, BootOptions.defaults().withProgress(false));
        int noControl = 0;
        for (int b = 0; b < 200; b++) {
            int[] idx = Bootstrap.draw(8, b, 30, null);
            if (Arrays.stream(idx).allMatch(i -> t[i])) {
                noControl++;
            }
        }
        assertTrue(noControl > 5);
        assertTrue(r.failed() >= noControl, r.failed() + " failed, " + noControl + " without controls");
        assertEquals(200, r.failed() + r.succeeded());
        assertEquals(r.failed(), r.failures().values().stream().mapToInt(Integer::intValue).sum());
    }
}
