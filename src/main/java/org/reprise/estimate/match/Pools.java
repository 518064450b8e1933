package org.reprise.estimate.match;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The common support and both groups sorted by score for one score and treatment, computed once per support rule
 * (trim level, common, ate) and shared by every method matched on them ({@link Matcher#match(double[], boolean[],
 * double[][], MatchSpec, Pools)}): the methods of one sample sort the same units by the same score. Thread-safe;
 * what it hands out is only read by the passes.
 */
public final class Pools {
    final double[] score;
    final boolean[] treated;
    private final Map<String, Groups> byRule = new HashMap<>();

    /** The support flags after the support rule, the treated and control units on it (data order), sorted. */
    record Groups(boolean[] support, int[] tr, int[] co, Pool poolT, Pool poolC) {
    }

    /** For matching on {@code score} (finite, checked by the matcher) with treatment {@code treated}. */
    public Pools(double[] score, boolean[] treated) {
        this.score = score;
        this.treated = treated;
    }

    /** Computes the groups of every valid spec's support rule now (a spec that fails is left to the matcher). */
    public void prepare(java.util.List<MatchSpec> specs) {
        for (MatchSpec spec : specs) {
            try {
                spec.validate();
            } catch (org.reprise.UserError e) {
                continue;
            }
            of(spec);
        }
    }

    /** The groups under spec's support rule; computed on first use. */
    synchronized Groups of(MatchSpec spec) {
        String rule = spec.trim() < 100 ? "trim " + spec.trim() + " " + spec.ate()
                : spec.common() ? "common " + spec.ate() : "all";
        Groups g = byRule.get(rule);
        if (g == null) {
            g = compute(score, treated, spec);
            byRule.put(rule, g);
        }
        return g;
    }

    /** psmatch2's support rule (common support or trimming), then each group on it sorted by score. */
    static Groups compute(double[] score, boolean[] treated, MatchSpec spec) {
        boolean[] support = new boolean[score.length];
        Arrays.fill(support, true);
        if (spec.trim() < 100) {
            Support.trim(score, treated, support, spec.trim(), spec.ate());
        } else if (spec.common()) {
            Support.common(score, treated, support, spec.ate());
        }
        int[] tr = Matcher.members(treated, support, true);
        int[] co = Matcher.members(treated, support, false);
        if (score.length < 1 << 16) {
            return new Groups(support, tr, co, Pool.of(score, tr), Pool.of(score, co));
        }
        // the two sorts side by side (a fork-join task: in the caller's pool, or the common pool)
        java.util.concurrent.ForkJoinTask<Pool> t = java.util.concurrent.ForkJoinTask.adapt(() -> Pool.of(score, tr))
                .fork();
        Pool c = Pool.of(score, co);
        return new Groups(support, tr, co, t.join(), c);
    }
}
