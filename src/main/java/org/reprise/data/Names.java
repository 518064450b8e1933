package org.reprise.data;

import java.util.Collection;

/** Nearest-name suggestions for messages ("did you mean ...?"). */
final class Names {
    private Names() {
    }

    /** The candidate closest to {@code name} (case-insensitive edit distance), or null if none is close. */
    static String nearest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(name.toLowerCase(), c.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        if (best == null) {
            return null;
        }
        int limit = Math.max(2, Math.min(name.length(), best.length()) / 2);
        return bestDistance <= limit ? best : null;
    }

    /** " Did you mean X?" or, when nothing is close, a list of the available names (at most 12). */
    static String suggest(String name, Collection<String> candidates) {
        String near = nearest(name, candidates);
        if (near != null) {
            return " Did you mean '" + near + "'?";
        }
        StringBuilder sb = new StringBuilder(" Available: ");
        int i = 0;
        for (String c : candidates) {
            if (i == 12) {
                sb.append(", ...");
                break;
            }
            sb.append(i++ == 0 ? "" : ", ").append(c);
        }
        return sb.append('.').toString();
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
