package org.reprise.estimate.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reprise.UserError;

/**
 * The two-period panel behind a DID: for each row, the row of the same unit in the other period. Checks that a unit
 * has at most one row per period and one treatment status. Units seen in one period only are allowed, as in diff
 * (their rows enter by diff's rules; see docs/matching.md), and counted in a note.
 */
final class PsmDidPanel {
    private final int[] other;
    private final boolean[] post;
    private final List<String> notes;

    private PsmDidPanel(int[] other, boolean[] post, List<String> notes) {
        this.other = other;
        this.post = post;
        this.notes = notes;
    }

    static PsmDidPanel of(boolean[] treated, boolean[] post, int[] id) {
        int n = id.length;
        Map<Integer, Integer> base = new HashMap<>();
        Map<Integer, Integer> follow = new HashMap<>();
        int nBase = 0;
        for (int i = 0; i < n; i++) {
            Map<Integer, Integer> m = post[i] ? follow : base;
            Integer prev = m.put(id[i], i);
            if (prev != null) {
                throw new UserError("psm-did: unit id " + id[i] + " has two rows in period " + (post[i] ? 1 : 0)
                        + " (observations " + (prev + 1) + " and " + (i + 1) + "); the id must identify one unit "
                        + "per period. Check the id and period variables or remove duplicate rows.");
            }
            if (!post[i]) {
                nBase++;
            }
        }
        if (nBase == 0) {
            throw new UserError("psm-did: no row has period 0 (baseline); a DID needs baseline and follow-up rows. "
                    + "Check the period variable (0 = before, 1 = after).");
        }
        if (nBase == n) {
            throw new UserError("psm-did: no row has period 1 (follow-up); a DID needs baseline and follow-up rows. "
                    + "Check the period variable (0 = before, 1 = after).");
        }
        int[] other = new int[n];
        int onlyBase = 0;
        int onlyFollow = 0;
        for (int i = 0; i < n; i++) {
            Integer o = (post[i] ? base : follow).get(id[i]);
            other[i] = o == null ? -1 : o;
            if (o != null && treated[o] != treated[i]) {
                throw new UserError("psm-did: unit id " + id[i] + " is treated in one period and a control in the "
                        + "other (observations " + (Math.min(i, o) + 1) + " and " + (Math.max(i, o) + 1) + "); the "
                        + "treatment group must be constant within a unit. Define treated as the group, not as "
                        + "treated-and-after.");
            }
            if (o == null) {
                if (post[i]) {
                    onlyFollow++;
                } else {
                    onlyBase++;
                }
            }
        }
        List<String> notes = new ArrayList<>();
        if (onlyBase + onlyFollow > 0) {
            notes.add(onlyBase + " unit(s) are observed only at baseline and " + onlyFollow + " only at follow-up; "
                    + "as in diff they are kept (a control seen only at follow-up has no baseline weight and "
                    + "drops out of the kernel regression).");
        }
        return new PsmDidPanel(other, post, notes);
    }

    /** The unit's baseline row for a follow-up row i (-1 if none, or if i is itself a baseline row). */
    int baselineRow(int i) {
        return post[i] ? other[i] : -1;
    }

    /** The unit's row in the other period (-1 if none). */
    int otherRow(int i) {
        return other[i];
    }

    List<String> notes() {
        return notes;
    }
}
