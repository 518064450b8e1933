package org.reprise.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Aligns each number printed in a manuscript's tables to a cell of the regenerated tables, and so to a ref:
 * <ol>
 * <li>table: by number (the paper's "Table 2" ↔ table ids with the number 2, e.g. table2, or table3 and
 * table3_joint), else by caption;</li>
 * <li>row: by label against the regenerated rows (their text, the variable or term names in their refs, fuzzy:
 * "Family size" ↔ famsize) and against the column headers (a table printed transposed), within the group the paper
 * row sits in ("$1.9 poverty line" ↔ "Vul1: Vulnerability, $1.90-a-day line");</li>
 * <li>column: by the order in which the regenerated column headers appear in the paper's header ("(1)" … "(6)",
 * "Full sample", "East", "Central-west"), else by position among the row's number cells;</li>
 * <li>estimate or standard error: by parentheses.</li>
 * </ol>
 * Every alignment carries a confidence (0–1) and its reason; below {@link #REVIEW} it is listed for review and not
 * judged.
 */
final class Aligner {
    /** Alignments below this confidence are listed for review, never judged. */
    static final double REVIEW = 0.6;

    /**
     * One published number and where it was aligned.
     *
     * @param table      the paper's table ("Table 2")
     * @param row        the paper's row label (shortened)
     * @param column     the paper's column ("(2)", "col 3", or the header)
     * @param value      the number as printed
     * @param ref        the ref of the regenerated cell (null when none)
     * @param target     where the regenerated cell is ("table2 · P × T · (2) With controls")
     * @param confidence 0–1
     * @param reason     how the alignment was made
     */
    record Alignment(String table, String row, String column, Paper.Value value, String ref, String target,
            double confidence, String reason) {
        boolean accepted() {
            return ref != null && confidence >= REVIEW;
        }
    }

    private record Candidate(Target.Tab tab, Target.Row row, int column, double score, String why) {
        boolean transposed() {
            return row == null;
        }
    }

    private Aligner() {
    }

    static List<Alignment> align(Paper paper, Target target) {
        List<Alignment> out = new ArrayList<>();
        for (Paper.Table pt : paper.tables()) {
            table(pt, target, out);
        }
        return out;
    }

    private static void table(Paper.Table pt, Target target, List<Alignment> out) {
        List<Target.Tab> tabs = new ArrayList<>();
        double tableConf;
        String tableWhy;
        String label = pt.label().replaceFirst("^(tab|table|tbl)[:_-]", "");
        Target.Tab byLabel = target.tables.stream().filter(t -> !label.isEmpty() && label.equals(t.id())).findFirst()
                .orElse(null);
        if (byLabel != null) {
            tabs.add(byLabel);
            tableConf = 1.0;
            tableWhy = pt.name() + " ↔ " + byLabel.id() + " (label " + pt.label() + ")";
        } else {
            // caption similarity both ways, and the number (a paper's Table 3 is often the spec's table3)
            Target.Tab best = null;
            double bs = -1;
            for (Target.Tab t : target.tables) {
                double s = tableScore(pt, t);
                if (s > bs) {
                    bs = s;
                    best = t;
                }
            }
            if (best == null || bs < 0.3) {
                for (Paper.Row r : pt.rows()) {
                    for (Paper.Value v : r.values()) {
                        out.add(new Alignment(pt.name(), shortLabel(r.label()), column(pt, v), v, null, "", 0,
                                "no regenerated table has the number " + pt.number() + " or a caption like \""
                                        + pt.caption() + "\""));
                    }
                }
                return;
            }
            tabs.add(best);
            for (Target.Tab t : target.tables) {
                if (t != best && sameNumber(t.number(), best.number()) && sameNumber(t.number(), pt.number())
                        && tableScore(pt, t) >= bs - 0.5) {
                    tabs.add(t);
                }
            }
            tableConf = bs >= 0.6 ? 1.0 : bs >= 0.35 || sameNumber(best.number(), pt.number()) ? 0.9 : 0.75;
            tableWhy = pt.name() + " ↔ " + String.join(" + ", tabs.stream().map(Target.Tab::id).toList())
                    + " (caption " + fmt(captionScore(pt, best)) + (sameNumber(best.number(), pt.number()) ? ", number" : "")
                    + ")";
        }
        String group = null;
        for (Paper.Row r : pt.rows()) {
            group = group(r.label(), tabs, group);
            List<Candidate> cands = candidates(r.label(), tabs, group);
            cands.sort(Comparator.comparingDouble(Candidate::score).reversed());
            Candidate best = cands.isEmpty() ? null : cands.get(0);
            if (best == null || best.score() < 0.25) {
                for (Paper.Value v : r.values()) {
                    out.add(new Alignment(pt.name(), shortLabel(r.label()), column(pt, v), v, null, "", 0,
                            tableWhy + "; no row or column of it matches \"" + shortLabel(r.label()) + "\""));
                }
                continue;
            }
            double second = cands.size() > 1 ? cands.get(1).score() : 0;
            double margin = best.score() - second;
            double rowConf = Math.min(1, 0.25 + 0.5 * best.score() + margin);
            if (margin < 0.05) {
                rowConf = Math.min(rowConf, 0.4);
            }
            String why = tableWhy + "; " + best.why() + " (" + fmt(best.score()) + (margin < 0.15 ? ", next "
                    + fmt(second) + " " + cands.get(1).why() : "") + ")";
            if (best.transposed()) {
                byColumn(pt, r, best, tableConf * rowConf, why, out);
            } else {
                byRow(pt, r, best, tableConf * rowConf, why, out);
            }
        }
    }

    static double captionScore(Paper.Table pt, Target.Tab t) {
        return (Labels.similarity(pt.caption(), t.title()) + Labels.similarity(t.title(), pt.caption())) / 2;
    }

    static double tableScore(Paper.Table pt, Target.Tab t) {
        return captionScore(pt, t) + (sameNumber(t.number(), pt.number()) ? 0.5 : 0);
    }

    /** Two printed table numbers that are the same ("2", "A1"); a table without one matches none. */
    static boolean sameNumber(String a, String b) {
        return !a.isEmpty() && a.equals(b);
    }

    /** The group a paper row opens ("$1.9 poverty line …" ↔ "Vul1: …"), or the current one. */
    private static String group(String label, List<Target.Tab> tabs, String current) {
        String best = null;
        double bs = 0;
        double second = 0;
        for (Target.Tab t : tabs) {
            for (String g : t.groups()) {
                double s = Labels.similarity(label, g);
                if (s > bs) {
                    second = bs;
                    bs = s;
                    best = g;
                } else if (s > second && !g.equals(best)) {
                    second = s;
                }
            }
        }
        return best != null && bs >= 0.3 && bs - second >= 0.1 ? best : current;
    }

    private static List<Candidate> candidates(String label, List<Target.Tab> tabs, String group) {
        List<Candidate> out = new ArrayList<>();
        for (Target.Tab t : tabs) {
            boolean grouped = !t.groups().isEmpty() && group != null && t.groups().contains(group);
            for (Target.Row row : t.rows()) {
                double s = Labels.similarity(label, row.label());
                String why = "row \"" + row.label() + "\"";
                for (String n : row.names()) {
                    if (Labels.hasName(label, n) && s < 0.95) {
                        s = 0.95;
                        why = "row \"" + row.label() + "\" (name " + n + ")";
                    }
                }
                if (grouped) {
                    if (!row.group().equals(group)) {
                        s *= 0.6;
                    } else {
                        why += " in \"" + group + "\"";
                    }
                }
                out.add(new Candidate(t, row, -1, s, t.id() + " " + why));
            }
            for (int c = 0; c < t.columns().size(); c++) {
                int col = c;
                boolean numbers = t.rows().stream().anyMatch(r -> r.cells().stream().anyMatch(x -> x.column() == col));
                if (!numbers || t.column(c).isBlank()) {
                    continue;
                }
                double s = Labels.similarity(label, t.column(c));
                String header = t.column(c);
                if (Labels.tokens(header).size() < 2) {
                    s = Math.min(s, 0.7);
                }
                for (String w : header.split("\\s+")) {
                    if (Labels.hasName(label, w) && w.matches("[A-Za-z_][A-Za-z0-9_]*\\d") && s < 0.95) {
                        s = 0.95;
                    }
                }
                out.add(new Candidate(t, null, c, s, t.id() + " column \"" + shortLabel(header) + "\" (the paper prints"
                        + " the table transposed)"));
            }
        }
        return withoutHeaderWords(out);
    }

    /**
     * A label that matches two or more different rows (or columns) of one table well, and about equally, is a header
     * printed before the first row ("Full sample East of China Midwestern China … Matching (1:1)"): those matches say nothing about
     * the row and are dropped.
     */
    private static List<Candidate> withoutHeaderWords(List<Candidate> cands) {
        List<Candidate> drop = new ArrayList<>();
        for (Candidate a : cands) {
            if (a.score() < 0.7) {
                continue;
            }
            for (Candidate b : cands) {
                if (b != a && b.score() >= 0.7 && Math.abs(a.score() - b.score()) < 0.15 && b.tab() == a.tab()
                        && b.transposed() == a.transposed() && !labelOf(a).equals(labelOf(b))) {
                    drop.add(a);
                    break;
                }
            }
        }
        List<Candidate> out = new ArrayList<>(cands);
        out.removeAll(drop);
        return out;
    }

    private static String labelOf(Candidate c) {
        return c.transposed() ? c.tab().column(c.column()) : c.row().label();
    }

    /** The paper row matched a regenerated row: its numbers go to that row's cells. */
    private static void byRow(Paper.Table pt, Paper.Row r, Candidate c, double conf, String why,
            List<Alignment> out) {
        Target.Row row = c.row();
        boolean columnsKnown = r.values().stream().allMatch(v -> v.column() >= 0);
        if (columnsKnown) {
            java.util.Map<Integer, Integer> cmap = columnMap(pt, c.tab());
            for (Paper.Value v : r.values()) {
                int col = cmap.getOrDefault(v.column(), -1);
                Target.Cell cell = null;
                for (Target.Cell x : row.cells()) {
                    if (x.column() == col && x.paren() == v.paren() && (v.subrow() < 0 || x.subrow() == v.subrow()
                            || v.paren())) {
                        cell = x;
                        break;
                    }
                }
                add(out, pt, r, v, c.tab(), row, cell, cell == null ? 0 : conf, why + "; column " + v.column()
                        + (col == v.column() ? "" : " ↔ " + col) + (cell == null ? ": the regenerated row has no"
                        + " number there" : ""));
            }
            return;
        }
        List<Target.Cell> est = new ArrayList<>(row.estimates());
        est.sort(Comparator.comparingInt(Target.Cell::subrow).thenComparingInt(Target.Cell::column));
        double factor = 1;
        String how;
        if (row.multiline()) {
            factor = 0.3;
            how = "the regenerated row prints numbers on several lines; the text does not say which is which";
        } else {
            List<String> labels = new ArrayList<>();
            for (Target.Cell x : est) {
                labels.add(c.tab().column(x.column()));
            }
            List<Integer> order = order(pt.header(), labels);
            if (order.size() == r.estimates().size() && order.size() >= 2) {
                List<Target.Cell> ordered = new ArrayList<>();
                for (int i : order) {
                    ordered.add(est.get(i));
                }
                est = ordered;
                how = "columns in the order the paper's header names them";
            } else {
                how = "columns by position";
            }
        }
        mapInOrder(pt, r, c.tab(), row, est, row.errors(), conf * factor, why + "; " + how, out);
    }

    /**
     * The paper's columns (those with numbers) to the regenerated table's: the same index when both tables have the
     * same columns (a LaTeX table of the same layout); else by header (with the caption, so "Summary of Balance for
     * Matched Data · Means Control" finds "After matching Means control"); else, when both have as many columns of
     * numbers, by position.
     */
    static java.util.Map<Integer, Integer> columnMap(Paper.Table pt, Target.Tab tab) {
        java.util.TreeSet<Integer> pc = new java.util.TreeSet<>();
        for (Paper.Row r : pt.rows()) {
            r.values().forEach(v -> pc.add(v.column()));
        }
        java.util.TreeSet<Integer> tc = new java.util.TreeSet<>();
        for (Target.Row r : tab.rows()) {
            r.cells().forEach(x -> tc.add(x.column()));
        }
        java.util.Map<Integer, Integer> m = new java.util.LinkedHashMap<>();
        if (pt.columns().size() == tab.columns().size() && tc.containsAll(pc)) {
            for (int p : pc) {
                m.put(p, p);
            }
            return m;
        }
        for (int p : pc) {
            String h = (p < pt.columns().size() ? pt.columns().get(p) : "") + " " + pt.caption();
            int best = -1;
            double bs = 0;
            double second = 0;
            for (int t : tc) {
                double s = Labels.similarity(h, tab.column(t));
                if (s > bs) {
                    second = bs;
                    bs = s;
                    best = t;
                } else if (s > second) {
                    second = s;
                }
            }
            if (best >= 0 && bs >= 0.5 && bs - second >= 0.1 && !m.containsValue(best)) {
                m.put(p, best);
            }
        }
        if (m.size() < pc.size() && pc.size() == tc.size()) {
            m.clear();
            java.util.Iterator<Integer> t = tc.iterator();
            for (int p : pc) {
                m.put(p, t.next());
            }
        }
        return m;
    }

    /** The paper row matched a regenerated column (a transposed table): its numbers go down that column. */
    private static void byColumn(Paper.Table pt, Paper.Row r, Candidate c, double conf, String why,
            List<Alignment> out) {
        List<Target.Cell> est = new ArrayList<>();
        List<Target.Cell> err = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Target.Row> estRows = new ArrayList<>();
        for (Target.Row row : c.tab().rows()) {
            for (Target.Cell x : row.cells()) {
                if (x.column() == c.column()) {
                    if (x.paren()) {
                        err.add(x);
                    } else {
                        est.add(x);
                        labels.add(row.label());
                        estRows.add(row);
                    }
                }
            }
        }
        List<Integer> order = order(pt.header(), labels);
        String how = "rows by position";
        if (order.size() == r.estimates().size() && order.size() >= 2) {
            List<Target.Cell> ordered = new ArrayList<>();
            for (int i : order) {
                ordered.add(est.get(i));
            }
            est = ordered;
            how = "rows in the order the paper's header names them";
        }
        mapInOrder(pt, r, c.tab(), null, est, err, conf, why + "; " + how, out);
    }

    /**
     * The k-th estimate to the k-th cell; a standard error to the standard error under the cell its estimate went
     * to. More numbers than cells: the first ones are taken as part of the label (a number inside a label, "2300
     * national poverty line"); fewer: lower confidence.
     */
    private static void mapInOrder(Paper.Table pt, Paper.Row r, Target.Tab tab, Target.Row row,
            List<Target.Cell> est, List<Target.Cell> err, double conf, String why, List<Alignment> out) {
        List<Paper.Value> pe = r.estimates();
        int skip = Math.max(0, pe.size() - est.size());
        double factor = pe.size() == est.size() ? 1 : pe.size() > est.size() ? 0.85 : 0.75;
        String countWhy = pe.size() == est.size() ? "" : "; " + pe.size() + " numbers for " + est.size() + " cells";
        List<Target.Cell> used = new ArrayList<>();
        for (int k = 0; k < pe.size(); k++) {
            Paper.Value v = pe.get(k);
            if (k < skip) {
                out.add(new Alignment(pt.name(), shortLabel(r.label()), column(pt, v), v, null, "", 0,
                        why + countWhy + "; taken as part of the label"));
                used.add(null);
                continue;
            }
            Target.Cell cell = est.get(k - skip);
            used.add(cell);
            add(out, pt, r, v, tab, row, cell, conf * factor, why + countWhy);
        }
        List<Paper.Value> ps = r.errors();
        for (int k = 0; k < ps.size(); k++) {
            Paper.Value v = ps.get(k);
            Target.Cell under = null;
            Target.Cell est0 = k + skip < used.size() ? used.get(k + skip) : null;
            if (est0 != null) {
                for (Target.Cell x : err) {
                    if (x.column() == est0.column() && sameRow(tab, x, est0)) {
                        under = x;
                    }
                }
            }
            if (under == null && ps.size() == err.size()) {
                under = err.get(k);
            }
            add(out, pt, r, v, tab, row, under, under == null ? 0 : conf * factor, why + countWhy
                    + "; standard error (parentheses)");
        }
    }

    private static boolean sameRow(Target.Tab tab, Target.Cell a, Target.Cell b) {
        for (Target.Row row : tab.rows()) {
            if (row.cells().contains(a) && row.cells().contains(b)) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<Alignment> out, Paper.Table pt, Paper.Row r, Paper.Value v, Target.Tab tab,
            Target.Row row, Target.Cell cell, double conf, String why) {
        if (cell == null) {
            out.add(new Alignment(pt.name(), shortLabel(r.label()), column(pt, v), v, null, "", 0,
                    why + "; no regenerated cell for this number"));
            return;
        }
        String rowLabel = row != null ? row.label() : rowOf(tab, cell);
        String target = tab.id() + " · " + rowLabel + (cell.subrow() > 0 && !cell.paren() ? " (line "
                + (cell.subrow() + 1) + ")" : "") + " · " + shortLabel(tab.column(cell.column()))
                + (cell.paren() ? " · SE" : "");
        out.add(new Alignment(pt.name(), shortLabel(r.label()), column(pt, v), v, cell.ref(), target, conf, why));
    }

    private static String rowOf(Target.Tab tab, Target.Cell cell) {
        for (Target.Row row : tab.rows()) {
            if (row.cells().contains(cell)) {
                return row.label();
            }
        }
        return "";
    }

    /**
     * The order in which {@code labels} appear in the paper's header: indices into labels, sorted by position, for
     * the labels found. A model number "(2)" is found by itself; another label by its first word (or, when the
     * header lacks that word, any of its words) followed by at least half of its words.
     */
    static List<Integer> order(String header, List<String> labels) {
        List<String> h = Labels.tokens(header);
        record Pos(int label, int pos) {
        }
        List<Pos> found = new ArrayList<>();
        List<Integer> taken = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            List<String> lt = Labels.tokens(labels.get(i));
            int pos = -1;
            for (String t : lt) {
                if (t.startsWith("(") && h.contains(t)) {
                    pos = h.indexOf(t);
                    break;
                }
            }
            if (pos < 0 && !lt.isEmpty()) {
                boolean firstPresent = h.contains(lt.get(0));
                for (int j = 0; j < h.size() && pos < 0; j++) {
                    if (taken.contains(j) || (firstPresent ? !h.get(j).equals(lt.get(0)) : !lt.contains(h.get(j)))) {
                        continue;
                    }
                    List<String> window = h.subList(j, Math.min(h.size(), j + lt.size() + 1));
                    if (Labels.recall(window, lt) >= 0.5) {
                        pos = j;
                    }
                }
            }
            if (pos >= 0 && !taken.contains(pos)) {
                taken.add(pos);
                found.add(new Pos(i, pos));
            }
        }
        found.sort(Comparator.comparingInt(Pos::pos));
        return found.stream().map(Pos::label).toList();
    }

    private static String column(Paper.Table pt, Paper.Value v) {
        if (v.column() >= 0) {
            String h = v.column() < pt.columns().size() ? pt.columns().get(v.column()).strip() : "";
            return h.isEmpty() ? "col " + (v.column() + 1) : shortLabel(h);
        }
        return "";
    }

    /** A label for display: at most its last six words (the first row of a text table carries the header). */
    static String shortLabel(String s) {
        String[] w = s.strip().split("\\s+");
        if (w.length <= 6) {
            return s.strip();
        }
        return "… " + String.join(" ", java.util.Arrays.copyOfRange(w, w.length - 6, w.length));
    }

    static String fmt(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }
}
