package org.reprise.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.UserError;
import org.reprise.estimate.match.MatchResult;
import org.reprise.estimate.match.MatchSpec;
import org.reprise.estimate.match.Matcher;
import org.reprise.results.Results;

/**
 * Determinism of the matching methods run side by side ({@link MethodRuns}, samples of at least
 * {@link MethodRuns#parallelMin} rows): a whole analysis (four methods and pstest) gives the same results, bit for
 * bit, with its methods run one after another in the calling thread, side by side, repeatedly, and from several
 * analyses at once; each method's result equals a plain {@link Matcher#match}; a failing method reports the same
 * UserError either way, the first in spec order.
 */
class MethodRunsTest {
    private static final int N = 70_000;

    @TempDir
    Path tmp;

    /** A generated CSV (probit treatment on two covariates, one outcome) and a spec with the given methods. */
    private Path write(String methods) throws Exception {
        SplittableRandom r = new SplittableRandom(20261207L);
        StringBuilder csv = new StringBuilder("treat,x1,x2,y\n");
        for (int i = 0; i < N; i++) {
            double x1 = r.nextGaussian();
            double x2 = r.nextDouble() < 0.4 ? 1 : 0;
            int t = -0.6 + 0.5 * x1 - 0.3 * x2 + r.nextGaussian() > 0 ? 1 : 0;
            double y = 2 * x1 + x2 + t + r.nextGaussian();
            csv.append(t).append(',').append(x1).append(',').append(x2).append(',').append(y).append('\n');
        }
        Files.writeString(tmp.resolve("d.csv"), csv);
        Path spec = tmp.resolve("analysis.yaml");
        Files.writeString(spec, """
                title: side by side
                data: {file: d.csv}
                matching:
                  - id: m
                    treatment: treat
                    covariates: [x1, x2]
                    score: probit
                    outcomes: [y]
                    methods:
                """ + methods + """
                tables:
                  - {id: att, type: matching, title: ATT, matching: m}
                  - {id: balance, type: balance, style: pstest, title: Balance, matching: m}
                """);
        return spec;
    }

    private static Results compute(Path spec) {
        return Pipeline.compute(spec, Progress.silent()).results();
    }

    private static <T> T oneAfterAnother(Supplier<T> body) {
        int was = MethodRuns.parallelMin;
        MethodRuns.parallelMin = Integer.MAX_VALUE;
        try {
            return body.get();
        } finally {
            MethodRuns.parallelMin = was;
        }
    }

    @Test
    void sideBySideGivesTheResultsOfOneAfterAnother() throws Exception {
        assertTrue(N >= MethodRuns.parallelMin, "the sample is large enough to run side by side");
        Path spec = write("""
                      - {id: nn1, method: nearest, k: 1}
                      - {id: nn4, method: nearest, k: 4, ties: true}
                      - {id: radius, method: radius, caliper: 0.002}
                      - {id: kernel, method: kernel, kernel: epanechnikov, bandwidth: 0.002}
                """);
        Results one = oneAfterAnother(() -> compute(spec));
        assertNotNull(one.balance("m"));
        assertEquals(one, compute(spec));
        assertEquals(one, compute(spec));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Results>> at = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                at.add(pool.submit(() -> compute(spec)));
            }
            for (Future<Results> f : at) {
                assertEquals(one, f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void firstFailingMethodInSpecOrderIsReported() throws Exception {
        // no two scores are within 1e-300, so "tight" and "none" match nothing: the ATT is not defined for either
        Path spec = write("""
                      - {id: nn1, method: nearest, k: 1}
                      - {id: tight, method: nearest, k: 1, caliper: 1e-300}
                      - {id: kernel, method: kernel, kernel: normal, bandwidth: 0.06}
                      - {id: none, method: radius, caliper: 1e-300}
                """);
        UserError one = assertThrows(UserError.class, () -> oneAfterAnother(() -> compute(spec)));
        UserError side = assertThrows(UserError.class, () -> compute(spec));
        assertEquals(one.getMessage(), side.getMessage());
        assertTrue(side.getMessage().contains("method tight: none of the"), side.getMessage());
        assertFalse(side.getMessage().contains("\n"), "one paragraph");
    }

    @Test
    void eachMethodEqualsAPlainMatchAndErrorsComeInSpecOrder() {
        SplittableRandom r = new SplittableRandom(7);
        double[] score = new double[N];
        boolean[] treated = new boolean[N];
        double[][] y = new double[1][N];
        for (int i = 0; i < N; i++) {
            double z = r.nextGaussian();
            treated[i] = z + r.nextGaussian() > 1;
            // rounded to 1e-4 so that nearest neighbours tie
            score[i] = Math.rint(1e4 / (1 + Math.exp(1 - z))) / 1e4;
            y[0][i] = 3 * z + r.nextGaussian();
        }
        List<MatchSpec> specs = List.of(MatchSpec.nearest(1), MatchSpec.nearest(3).withTies(MatchSpec.Ties.PSMATCH2),
                MatchSpec.radius(0.01), MatchSpec.kernel(MatchSpec.Kernel.NORMAL, 0.06),
                MatchSpec.kernel(MatchSpec.Kernel.BIWEIGHT, 0.002).withAte(true));
        List<MatchResult> plain = new ArrayList<>();
        for (MatchSpec s : specs) {
            plain.add(Matcher.match(score, treated, y, s));
        }
        for (int keep = 0; keep < specs.size(); keep++) {
            try (MethodRuns runs = MethodRuns.start(score, treated, y, specs, keep, null)) {
                for (int m = 0; m < specs.size(); m++) {
                    MatchResult got = runs.result(m);
                    MatchResult want = plain.get(m);
                    assertArrayEquals(want.effects(), got.effects(), "method " + m);
                    assertEquals(want.nTreatedOnSupport(), got.nTreatedOnSupport());
                    assertEquals(want.nControlsOnSupport(), got.nControlsOnSupport());
                    if (m == keep) {
                        assertArrayEquals(want.weight(), got.weight());
                        assertArrayEquals(want.support(), got.support());
                        assertArrayEquals(want.matchCount(), got.matchCount());
                        assertArrayEquals(want.matchedOutcome()[0], got.matchedOutcome()[0]);
                        if (want.sets() != null) {
                            assertArrayEquals(want.sets().start(), got.sets().start());
                            assertArrayEquals(want.sets().index(), got.sets().index());
                            assertArrayEquals(want.sets().weight(), got.sets().weight());
                        }
                    }
                }
            }
        }
        // a negative caliper fails inside the matcher: methods 1 and 3 fail, method 1's error is the first one seen
        List<MatchSpec> bad = List.of(MatchSpec.nearest(1), MatchSpec.nearest(1).withCaliper(-1),
                MatchSpec.radius(0.01), MatchSpec.nearest(2).withCaliper(-2));
        try (MethodRuns runs = MethodRuns.start(score, treated, y, bad, 0, null)) {
            assertNotNull(runs.result(0));
            UserError e = assertThrows(UserError.class, () -> runs.result(1));
            assertTrue(e.getMessage().contains("'caliper' is -1.0"), e.getMessage());
        }
    }
}
