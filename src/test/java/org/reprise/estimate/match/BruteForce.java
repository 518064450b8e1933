package org.reprise.estimate.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.reprise.estimate.match.MatchSpec.Kernel;
import org.reprise.estimate.match.MatchSpec.Method;
import org.reprise.estimate.match.MatchSpec.Order;
import org.reprise.estimate.match.MatchSpec.Ties;

/**
 * An independent, deliberately naive O(n^2) implementation of the rules in docs/matching.md: every pair of units
 * is looked at, nothing is sorted for speed, no windows, no prefix sums, no truncation, no series.
 */
final class BruteForce {
    double[] weight;
    boolean[] support;
    int[] count;
    double[][] matched;
    List<List<Integer>> sets = new ArrayList<>();
    double[] att;
    double[] seAtt;
    double[] atu;
    double[] ate;
    double[] aiAtt;
    double[] aiAtu;
    double[] aiAte;

    private final double[] score;
    private final boolean[] treated;
    private final double[][] y;
    private final MatchSpec spec;
    private final int n;

    BruteForce(double[] score, boolean[] treated, double[][] y, MatchSpec spec) {
        this.score = score;
        this.treated = treated;
        this.y = y;
        this.spec = spec;
        this.n = score.length;
        run();
    }

    /** True if unit a sorts before unit b in psmatch2's order (score, then data order). */
    private boolean before(int a, int b) {
        return score[a] < score[b] || (score[a] == score[b] && a < b);
    }

    private int rank(int c, List<Integer> pool) {
        int r = 0;
        for (int o : pool) {
            if (before(o, c)) {
                r++;
            }
        }
        return r;
    }

    /** Matched set of unit i among pool (i itself excluded), as a list of units (may repeat). */
    List<Integer> nearest(int i, List<Integer> poolIn, int k) {
        List<Integer> pool = new ArrayList<>();
        for (int c : poolIn) {
            if (c != i) {
                pool.add(c);
            }
        }
        List<Integer> out = new ArrayList<>();
        if (pool.isEmpty()) {
            return out;
        }
        double p = score[i];
        double cal = spec.caliper();
        int first = -1;
        for (int c : pool) {
            double d = Math.abs(p - score[c]);
            if (first < 0) {
                first = c;
            } else {
                double df = Math.abs(p - score[first]);
                if (d < df || (d == df && rank(c, pool) < rank(first, pool))) {
                    first = c;
                }
            }
        }
        double dmin = Math.abs(p - score[first]);
        if (!(dmin < cal)) {
            return out;
        }
        out.add(first);
        int rf = rank(first, pool);
        if (spec.ties() == Ties.PSMATCH2) {
            List<Integer> tied = new ArrayList<>();
            for (int c : pool) {
                if (c != first && Math.abs(p - score[c]) == dmin) {
                    tied.add(c);
                }
            }
            tied.sort(Comparator.comparingInt(c -> rank(c, pool)));
            out.addAll(tied);
        }
        // all other units ordered by distance, then left side (lower rank) before right, then outward
        List<Integer> rest = new ArrayList<>();
        for (int c : pool) {
            if (c != first) {
                rest.add(c);
            }
        }
        rest.sort((a, b) -> {
            double da = Math.abs(p - score[a]);
            double db = Math.abs(p - score[b]);
            if (da != db) {
                return Double.compare(da, db);
            }
            int ra = rank(a, pool);
            int rb = rank(b, pool);
            boolean la = ra < rf;
            boolean lb = rb < rf;
            if (la != lb) {
                return la ? -1 : 1;
            }
            return la ? Integer.compare(rb, ra) : Integer.compare(ra, rb);
        });
        int taken = 0;
        double last = dmin;
        for (int c : rest) {
            double d = Math.abs(p - score[c]);
            if (taken < k - 1) {
                if (!(d < cal)) {
                    break;
                }
            } else if (spec.ties() != Ties.ALL_AT_KTH || d != last) {
                break;
            }
            out.add(c);
            taken++;
            last = d;
        }
        return out;
    }

    private List<Integer> group(boolean g) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (treated[i] == g && support[i]) {
                l.add(i);
            }
        }
        return l;
    }

    private void run() {
        weight = new double[n];
        support = new boolean[n];
        count = new int[n];
        matched = new double[y.length][n];
        for (double[] m : matched) {
            Arrays.fill(m, Double.NaN);
        }
        for (int i = 0; i < n; i++) {
            sets.add(new ArrayList<>());
        }
        Arrays.fill(support, true);
        if (spec.common() && spec.trim() >= 100) {
            for (int i = 0; i < n; i++) {
                for (boolean g : spec.ate() ? new boolean[] {true, false} : new boolean[] {true}) {
                    if (treated[i] != g) {
                        continue;
                    }
                    boolean below = true;
                    boolean above = true;
                    for (int c = 0; c < n; c++) {
                        if (treated[c] != g) {
                            below &= score[i] < score[c];
                            above &= score[i] > score[c];
                        }
                    }
                    if (below || above) {
                        support[i] = false;
                    }
                }
            }
        }
        List<Integer> poolT = group(true);
        List<Integer> poolC = group(false);
        if (spec.ate()) {
            for (int c : poolC) {
                matchOne(c, poolT);
            }
            if (spec.method() != Method.NEAREST) {
                poolC = group(false);
            }
        }
        if (spec.replacement()) {
            for (int t : poolT) {
                matchOne(t, poolC);
            }
        } else {
            greedy(poolT, poolC);
        }
        if (!spec.ate()) {
            for (int t : poolT) {
                weight[t] = 1;
            }
        }
        for (int i = 0; i < n; i++) {
            if (!support[i] || !(weight[i] > 0)) {
                weight[i] = 0;
            }
        }
        effects(poolT, poolC);
    }

    private double kern(double u) {
        return Passes.kernel(spec.kernel(), u);
    }

    private void matchOne(int t, List<Integer> pool) {
        double p = score[t];
        if (spec.method() == Method.NEAREST) {
            List<Integer> set = nearest(t, pool, spec.k());
            if (set.isEmpty()) {
                support[t] = false;
                return;
            }
            for (int j = 0; j < y.length; j++) {
                matched[j][t] = 0;
                for (int c : set) {
                    matched[j][t] += y[j][c] / set.size();
                }
            }
            for (int c : set) {
                weight[c] += 1.0 / set.size();
            }
            sets.get(t).addAll(set);
            count[t] = set.size();
            return;
        }
        Kernel kernel = spec.method() == Method.RADIUS ? Kernel.UNIFORM : spec.kernel();
        double bw = spec.method() == Method.RADIUS ? spec.caliper() : spec.bandwidth();
        double s = 0;
        int inside = 0;
        double[] kv = new double[n];
        for (int c : pool) {
            double dif = score[c] - p;
            if (kernel == Kernel.NORMAL || Math.abs(dif) <= bw) {
                kv[c] = Passes.kernel(kernel, dif / bw);
                s += kv[c];
                inside++;
            }
        }
        if (!(s > 0)) {
            support[t] = false;
            return;
        }
        for (int j = 0; j < y.length; j++) {
            double a = 0;
            for (int c : pool) {
                a += kv[c] * y[j][c];
            }
            matched[j][t] = a / s;
        }
        for (int c : pool) {
            weight[c] += kv[c] / s;
        }
        count[t] = inside;
    }

    private void greedy(List<Integer> poolT, List<Integer> poolC) {
        List<Integer> order = new ArrayList<>(poolT);
        if (spec.order() == Order.SMALLEST) {
            order.sort((a, b) -> score[a] != score[b] ? Double.compare(score[a], score[b]) : a - b);
        } else if (spec.order() == Order.LARGEST) {
            order.sort((a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a]) : a - b);
        } else if (spec.order() == Order.RANDOM) {
            SplittableRandom rng = new SplittableRandom(spec.seed());
            for (int i = order.size() - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int tmp = order.get(i);
                order.set(i, order.get(j));
                order.set(j, tmp);
            }
        }
        boolean[] used = new boolean[n];
        boolean[] active = new boolean[n];
        for (int t : order) {
            active[t] = true;
        }
        for (int round = 0; round < spec.k(); round++) {
            for (int t : order) {
                if (!active[t]) {
                    continue;
                }
                int best = -1;
                for (int c : poolC) {
                    if (used[c]) {
                        continue;
                    }
                    double d = Math.abs(score[t] - score[c]);
                    if (best < 0 || d < Math.abs(score[t] - score[best])
                            || (d == Math.abs(score[t] - score[best]) && c < best)) {
                        best = c;
                    }
                }
                if (best < 0 || !(Math.abs(score[t] - score[best]) < spec.caliper())) {
                    active[t] = false;
                    continue;
                }
                used[best] = true;
                sets.get(t).add(best);
            }
        }
        for (int t : order) {
            List<Integer> set = sets.get(t);
            if (set.isEmpty()) {
                support[t] = false;
                continue;
            }
            for (int j = 0; j < y.length; j++) {
                matched[j][t] = 0;
                for (int c : set) {
                    matched[j][t] += y[j][c] / set.size();
                }
            }
            for (int c : set) {
                weight[c] += 1.0 / set.size();
            }
            count[t] = set.size();
        }
    }

    private static double var(List<Double> x) {
        if (x.size() < 2) {
            return Double.NaN;
        }
        double m = 0;
        for (double v : x) {
            m += v;
        }
        m /= x.size();
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / (x.size() - 1);
    }

    private void effects(List<Integer> commonT, List<Integer> commonC) {
        int m = y.length;
        att = new double[m];
        seAtt = new double[m];
        atu = new double[m];
        ate = new double[m];
        aiAtt = new double[m];
        aiAtu = new double[m];
        aiAte = new double[m];
        for (int j = 0; j < m; j++) {
            List<Double> yt = new ArrayList<>();
            List<Double> yc = new ArrayList<>();
            double sumT = 0;
            double sumM = 0;
            double sumC = 0;
            double sumMC = 0;
            int n1 = 0;
            int n0 = 0;
            double wtot = 0;
            for (int i = 0; i < n; i++) {
                if (!support[i]) {
                    continue;
                }
                if (treated[i]) {
                    n1++;
                    sumT += y[j][i];
                    sumM += matched[j][i];
                    yt.add(y[j][i]);
                } else {
                    n0++;
                    sumC += y[j][i];
                    if (spec.ate()) {
                        sumMC += matched[j][i];
                    }
                    if (weight[i] > 0) {
                        yc.add(y[j][i]);
                        wtot += (float) (weight[i] * weight[i]);
                    }
                }
            }
            att[j] = sumT / n1 - sumM / n1;
            seAtt[j] = Math.sqrt(var(yt) / n1 + var(yc) * wtot / ((double) n1 * n1));
            atu[j] = spec.ate() ? sumMC / n0 - sumC / n0 : Double.NaN;
            ate[j] = spec.ate() ? (att[j] * n1 + atu[j] * n0) / (n0 + n1) : Double.NaN;
            aiAtt[j] = Double.NaN;
            aiAtu[j] = Double.NaN;
            aiAte[j] = Double.NaN;
            if (spec.aiNeighbours() > 0) {
                ai(j, commonT, commonC, n1, n0);
            }
        }
    }

    private void ai(int j, List<Integer> commonT, List<Integer> commonC, int n1, int n0) {
        int jn = spec.aiNeighbours();
        double[] sig = new double[n];
        BruteForce self = this;
        for (int i = 0; i < n; i++) {
            List<Integer> pool = treated[i] ? commonT : commonC;
            if (!pool.contains(i)) {
                continue;
            }
            List<Integer> set = self.nearestJ(i, pool, jn);
            double mean = 0;
            for (int c : set) {
                mean += y[j][c] / set.size();
            }
            if (!spec.altVariance()) {
                sig[i] = (double) jn / (jn + 1) * (y[j][i] - mean) * (y[j][i] - mean);
            } else if (!set.isEmpty()) {
                List<Double> g = new ArrayList<>();
                g.add(y[j][i]);
                for (int c : set) {
                    g.add(y[j][c]);
                }
                sig[i] = var(g);
            }
        }
        double et = 0;
        double eu = 0;
        double ee = 0;
        double k = spec.k();
        for (int i = 0; i < n; i++) {
            if (!support[i]) {
                continue;
            }
            double w = weight[i];
            double s = sig[i];
            if (!spec.aiPopulation()) {
                et += treated[i] ? s : s * w * w;
                eu += treated[i] ? s * w * w : s;
                ee += s * (1 + w) * (1 + w);
            } else if (treated[i]) {
                et += Math.pow(y[j][i] - matched[j][i] - att[j], 2);
                eu += (w * w - w / k) * s;
                if (spec.ate()) {
                    ee += Math.pow(y[j][i] - matched[j][i] - ate[j], 2) + (w * w + 2 * w - w / k) * s;
                }
            } else {
                et += (w * w - w / k) * s;
                if (spec.ate()) {
                    eu += Math.pow(matched[j][i] - y[j][i] - atu[j], 2);
                    ee += Math.pow(matched[j][i] - y[j][i] - ate[j], 2) + (w * w + 2 * w - w / k) * s;
                }
            }
        }
        aiAtt[j] = Math.sqrt(et) / n1;
        if (spec.ate()) {
            aiAtu[j] = Math.sqrt(eu) / n0;
            aiAte[j] = Math.sqrt(ee) / (n0 + n1);
        }
    }

    private List<Integer> nearestJ(int i, List<Integer> pool, int jn) {
        return nearest(i, pool, jn);
    }
}
