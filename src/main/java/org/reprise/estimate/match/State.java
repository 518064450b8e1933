package org.reprise.estimate.match;

import java.util.Arrays;

/** Mutable per-run arrays shared by the matching passes (psmatch2's generated variables). */
final class State {
    final int n;
    final double[] weight;
    final boolean[] support;
    final int[] count;
    final double[][] matched;
    final double[] distance;
    /** Entries of nearest-neighbour matched sets, in the order they were produced. */
    int[] entryOwner = new int[16];
    int[] entryUnit = new int[16];
    double[] entryWeight = new double[16];
    int entries;

    /** {@code sets}: whether the passes record matched sets and distances (nearest neighbour). */
    State(int n, int outcomes, boolean sets) {
        this.n = n;
        weight = new double[n];
        support = new boolean[n];
        count = new int[n];
        matched = new double[outcomes][n];
        for (double[] m : matched) {
            Arrays.fill(m, Double.NaN);
        }
        distance = new double[sets ? n : 0];
        Arrays.fill(distance, Double.NaN);
    }

    /** Makes room for {@code more} further entries at once (no repeated growing for a pass of known size). */
    void reserve(long more) {
        long want = entries + more;
        if (want > entryOwner.length && want <= Integer.MAX_VALUE - 8) {
            int cap = (int) want;
            entryOwner = Arrays.copyOf(entryOwner, cap);
            entryUnit = Arrays.copyOf(entryUnit, cap);
            entryWeight = Arrays.copyOf(entryWeight, cap);
        }
    }

    void addEntry(int owner, int unit, double w) {
        if (entries == entryOwner.length) {
            int cap = entries * 2;
            entryOwner = Arrays.copyOf(entryOwner, cap);
            entryUnit = Arrays.copyOf(entryUnit, cap);
            entryWeight = Arrays.copyOf(entryWeight, cap);
        }
        entryOwner[entries] = owner;
        entryUnit[entries] = unit;
        entryWeight[entries] = w;
        entries++;
    }

    /** Compressed rows by owner, entries kept in production order within each row. */
    MatchResult.MatchedSets sets() {
        int[] start = new int[n + 1];
        boolean ascending = true;
        for (int e = 0; e < entries; e++) {
            start[entryOwner[e] + 1]++;
            ascending &= e == 0 || entryOwner[e - 1] <= entryOwner[e];
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        if (ascending) {
            // produced owner by owner (a pass over targets in data order): already the rows, in order
            int[] idx = entries == entryUnit.length ? entryUnit : Arrays.copyOf(entryUnit, entries);
            double[] w = entries == entryWeight.length ? entryWeight : Arrays.copyOf(entryWeight, entries);
            return new MatchResult.MatchedSets(start, idx, w, distance);
        }
        int[] fill = Arrays.copyOf(start, n);
        int[] idx = new int[entries];
        double[] w = new double[entries];
        for (int e = 0; e < entries; e++) {
            int at = fill[entryOwner[e]]++;
            idx[at] = entryUnit[e];
            w[at] = entryWeight[e];
        }
        return new MatchResult.MatchedSets(start, idx, w, distance);
    }
}
