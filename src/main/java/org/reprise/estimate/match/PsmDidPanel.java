package org.reprise.estimate.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.reprise.UserError;

/**
 * The two-period panel behind a DID: for each row, the row of the same unit in the other period. A unit is an
 * (id, treatment group) pair, as in diff, which sorts by {@code id treated period} before carrying a baseline weight
 * to the follow-up ({@code by id: replace _weights = _weights[_n-1] if period == 1}): an id that holds a control and
 * a treated unit in the same period (Card and Krueger's store 407) is two units, kept apart, and a note says so.
 * Refused: two rows of one unit in one period (diff would then carry whichever row its sort put last), and an id
 * whose only control rows and only treated rows fall in different periods (a treatment that switches on: treated
 * was defined as treated-and-after). Units seen in one period only are allowed, as in diff, and counted in a note.
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

    private static long key(int id, boolean treated) {
        return ((long) id << 1) | (treated ? 1L : 0L);
    }

    static PsmDidPanel of(boolean[] treated, boolean[] post, int[] id) {
        int n = id.length;
        Map<Long, Integer> base = new HashMap<>();
        Map<Long, Integer> follow = new HashMap<>();
        // per id: bit 0 control at baseline, 1 treated at baseline, 2 control at follow-up, 3 treated at follow-up
        Map<Integer, Integer> cells = new HashMap<>();
        Map<Integer, Integer> firstRow = new HashMap<>();
        int nBase = 0;
        for (int i = 0; i < n; i++) {
            Map<Long, Integer> m = post[i] ? follow : base;
            Integer prev = m.put(key(id[i], treated[i]), i);
            if (prev != null) {
                throw new UserError("psm-did: unit id " + id[i] + " (" + (treated[i] ? "treated" : "control")
                        + ") has two rows in period " + (post[i] ? 1 : 0) + " (observations " + (prev + 1) + " and "
                        + (i + 1) + "); the id must identify one unit per treatment group and period. Check the id "
                        + "and period variables or remove duplicate rows.");
            }
            cells.merge(id[i], 1 << ((post[i] ? 2 : 0) + (treated[i] ? 1 : 0)), (a, b) -> a | b);
            firstRow.putIfAbsent(id[i], i);
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
        TreeSet<Integer> twoUnits = new TreeSet<>();
        for (Map.Entry<Integer, Integer> e : cells.entrySet()) {
            int c = e.getValue();
            boolean bothBefore = (c & 3) == 3;
            boolean bothAfter = (c & 12) == 12;
            boolean control = (c & 5) != 0;
            boolean treat = (c & 10) != 0;
            if (bothBefore || bothAfter) {
                twoUnits.add(e.getKey());
            } else if (control && treat) {
                int i = firstRow.get(e.getKey());
                throw new UserError("psm-did: unit id " + e.getKey() + " is treated in one period and a control in "
                        + "the other (observation " + (i + 1) + " and its other-period row); the treatment group "
                        + "must be constant within a unit. Define treated as the group, not as treated-and-after.");
            }
        }
        int[] other = new int[n];
        int onlyBase = 0;
        int onlyFollow = 0;
        for (int i = 0; i < n; i++) {
            Integer o = (post[i] ? base : follow).get(key(id[i], treated[i]));
            other[i] = o == null ? -1 : o;
            if (o == null) {
                if (post[i]) {
                    onlyFollow++;
                } else {
                    onlyBase++;
                }
            }
        }
        List<String> notes = new ArrayList<>();
        if (!twoUnits.isEmpty()) {
            notes.add(twoUnits.size() + " id(s) hold a control and a treated unit in the same period (id "
                    + abbreviate(twoUnits) + "); as diff (which sorts by id, treatment and period) each id and "
                    + "treatment group is taken as its own unit. Check that the id identifies units.");
        }
        if (onlyBase + onlyFollow > 0) {
            notes.add(onlyBase + " unit(s) are observed only at baseline and " + onlyFollow + " only at follow-up; "
                    + "as in diff they are kept (a control seen only at follow-up has no baseline weight and "
                    + "drops out of the kernel regression).");
        }
        return new PsmDidPanel(other, post, notes);
    }

    private static String abbreviate(TreeSet<Integer> ids) {
        List<String> shown = new ArrayList<>();
        for (int v : ids) {
            if (shown.size() == 5) {
                shown.add("…");
                break;
            }
            shown.add(String.valueOf(v));
        }
        return String.join(", ", shown);
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
