package org.reprise.spec;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean ...?" suggestions: the nearest candidate by edit distance (insertions, deletions, substitutions and
 * swaps of two neighbouring letters each count 1), ignoring case. Also used by the data layer for column names.
 */
public final class Suggest {
    private Suggest() {
    }

    /**
     * The candidate closest to {@code typed}, if it is close enough to be a plausible typo: at most 1 edit for words
     * of up to 3 letters, 2 for up to 8 letters, 3 beyond; a candidate that starts with what was typed (or the other
     * way round) also counts.
     */
    public static Optional<String> nearest(String typed, Collection<String> candidates) {
        String t = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            String lc = c.toLowerCase(Locale.ROOT);
            int d = distance(t, lc);
            if ((t.length() >= 2 && (lc.startsWith(t) || t.startsWith(lc))) && d > 0) {
                d = Math.min(d, allowed(t.length()));
            }
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        if (best != null && bestDistance <= allowed(t.length())) {
            return Optional.of(best);
        }
        return Optional.empty();
    }

    /** " Did you mean `x`?" or the empty string when nothing is close. */
    public static String didYouMean(String typed, Collection<String> candidates) {
        return nearest(typed, candidates).map(s -> " Did you mean `" + s + "`?").orElse("");
    }

    private static int allowed(int length) {
        return length <= 3 ? 1 : length <= 8 ? 2 : 3;
    }

    /** Optimal string alignment distance (Damerau-Levenshtein without repeated edits of one substring). */
    static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[n][m];
    }
}
