package org.reprise.verify;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The manuscript checked against itself, apart from reproduction (what statcheck does for APA text, for tables):
 * <ul>
 * <li><b>stars</b>: the stars printed on an estimate contradict its estimate and standard error at the levels the
 * table note states (default * 0.10, ** 0.05, *** 0.01), for every value the printed digits allow (normal
 * approximation, two-sided);</li>
 * <li><b>text</b>: a sentence says a printed estimate is "significant at the X% level" and the table's stars say
 * otherwise; it reads a printed estimate −0.1413 as "by 14.13%"; it says "ATT&gt;0" or "positive effect" of a
 * table whose starred estimates are all negative (or the reverse);</li>
 * <li><b>references</b>: the text cites a table, or a model "(k)", that the manuscript does not have;</li>
 * <li><b>N</b>: the N row of one table prints different numbers across columns.</li>
 * </ul>
 */
final class SelfCheck {
    private static final Pattern TABLE_REF = Pattern.compile("\\bTables?\\s+([A-Z]?\\d{1,2})\\b");
    private static final Pattern MODEL_REF = Pattern.compile("(?i)\\bmodels?\\s+((?:\\(\\d{1,2}\\)(?:\\s*,\\s*|\\s+and\\s+|\\s*)?)+)");
    private static final Pattern SIGNIFICANT = Pattern.compile("(?i)significant at the (\\d{1,2})\\s*% level");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.])-?\\s?\\d*\\.\\d+|(?<![\\d.])\\d+(?:\\.\\d+)?");
    private static final Pattern PERCENT = Pattern.compile("(?i)\\bby\\s+(?:about\\s+)?(\\d+(?:\\.\\d+)?)\\s?%");

    /**
     * One finding.
     *
     * @param kind   stars, text, reference or n
     * @param where  the table and row, or the line of the text
     * @param detail what contradicts what, in plain words
     */
    record Finding(String kind, String where, String detail) {
    }

    private SelfCheck() {
    }

    static List<Finding> check(Paper paper) {
        List<Finding> out = new ArrayList<>();
        for (Paper.Table t : paper.tables()) {
            stars(t, out);
            n(t, out);
        }
        text(paper, out);
        return out;
    }

    /** Star levels from the table's notes ("* p<0.1, ** p<0.05, *** p<0.01"); default 0.10, 0.05, 0.01. */
    static double[] levels(String notes) {
        double[] l = {0.10, 0.05, 0.01};
        Matcher m = Pattern.compile("(\\*{1,3})\\s*(?:p\\s*)?[<＜]\\s*(0?\\.\\d+)").matcher(notes == null ? "" : notes);
        while (m.find()) {
            l[m.group(1).length() - 1] = Double.parseDouble(m.group(2));
        }
        return l;
    }

    private static void stars(Paper.Table t, List<Finding> out) {
        double[] levels = levels(t.notes());
        for (Paper.Row r : t.rows()) {
            for (Pair p : pairs(r)) {
                BigDecimal b = p.est().number().value().abs();
                BigDecimal s = p.se().number().value();
                if (s.signum() <= 0) {
                    continue;
                }
                double hb = 0.5 * Math.pow(10, -p.est().number().decimals());
                double hs = 0.5 * Math.pow(10, -p.se().number().decimals());
                double zmax = (b.doubleValue() + hb) / Math.max(1e-300, s.doubleValue() - hs);
                double zmin = Math.max(0, b.doubleValue() - hb) / (s.doubleValue() + hs);
                if (s.doubleValue() - hs <= 0) {
                    zmax = Double.POSITIVE_INFINITY;
                }
                int printed = p.est().stars().length();
                int low = starsFor(zmin, levels);
                int high = starsFor(zmax, levels);
                if (printed < low || printed > high) {
                    double z = b.doubleValue() / s.doubleValue();
                    String expected = low == high ? stars(low) : stars(low) + " to " + stars(high);
                    out.add(new Finding("stars", t.name() + ", " + Aligner.shortLabel(r.label()), p.est().text()
                            + " " + p.se().text() + ": |estimate/SE| = " + String.format(Locale.ROOT, "%.2f", z)
                            + " (p " + pText(z) + "), which earns " + expected + " at the levels "
                            + levelsText(levels) + "; the table prints " + stars(printed) + "."));
                }
            }
        }
    }

    private record Pair(Paper.Value est, Paper.Value se) {
    }

    /** Estimates with their standard errors: same column when known, else the k-th with the k-th. */
    private static List<Pair> pairs(Paper.Row r) {
        List<Pair> out = new ArrayList<>();
        List<Paper.Value> e = r.estimates();
        List<Paper.Value> s = r.errors();
        if (r.values().stream().allMatch(v -> v.column() >= 0)) {
            for (Paper.Value x : e) {
                for (Paper.Value y : s) {
                    if (y.column() == x.column()) {
                        out.add(new Pair(x, y));
                        break;
                    }
                }
            }
            return out;
        }
        if (e.size() == s.size()) {
            for (int i = 0; i < e.size(); i++) {
                out.add(new Pair(e.get(i), s.get(i)));
            }
        }
        return out;
    }

    static int starsFor(double z, double[] levels) {
        double p = pValue(z);
        int n = 0;
        for (int k = 0; k < 3; k++) {
            if (p < levels[k]) {
                n = k + 1;
            }
        }
        return n;
    }

    static double pValue(double z) {
        if (Double.isInfinite(z)) {
            return 0;
        }
        return 2 * (1 - new org.apache.commons.math3.distribution.NormalDistribution().cumulativeProbability(
                Math.abs(z)));
    }

    private static String pText(double z) {
        double p = pValue(z);
        return p < 0.001 ? "< 0.001" : "= " + String.format(Locale.ROOT, "%.3f", p);
    }

    private static String stars(int n) {
        return n == 0 ? "no star" : "*".repeat(n);
    }

    private static String levelsText(double[] l) {
        return String.format(Locale.ROOT, "* %s, ** %s, *** %s", plain(l[0]), plain(l[1]), plain(l[2]));
    }

    private static String plain(double x) {
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }

    private static void n(Paper.Table t, List<Finding> out) {
        for (Paper.Row r : t.rows()) {
            List<String> tokens = Labels.tokens(r.label());
            if (tokens.size() != 1 || !tokens.get(0).equals("n")) {
                continue;
            }
            Set<String> distinct = new LinkedHashSet<>();
            for (Paper.Value v : r.values()) {
                distinct.add(v.number().value().stripTrailingZeros().toPlainString());
            }
            if (distinct.size() > 1) {
                out.add(new Finding("n", t.name() + ", N", "N differs across the columns: "
                        + String.join(", ", r.values().stream().map(Paper.Value::text).toList())
                        + ". If the columns use one sample, one of them is wrong; if not, the table should say why."));
            }
        }
    }

    private record Sentence(int line, String text) {
    }

    /** The running text as sentences, lines joined (a number broken after its minus sign is joined again). */
    private static List<Sentence> sentences(Paper paper) {
        List<Sentence> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        int start = -1;
        for (Paper.Line l : paper.prose()) {
            String t = l.text();
            if (start < 0) {
                start = l.line();
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) == '-' && !t.isEmpty() && (Character.isDigit(t.charAt(0))
                    || t.charAt(0) == '.')) {
                b.append(t);
            } else {
                b.append(b.length() == 0 ? "" : " ").append(t);
            }
            String s = b.toString();
            int cut;
            while ((cut = sentenceEnd(s)) >= 0) {
                out.add(new Sentence(start, s.substring(0, cut + 1).strip()));
                s = s.substring(cut + 1).strip();
                start = l.line();
            }
            b.setLength(0);
            b.append(s);
            if (s.isEmpty()) {
                start = -1;
            }
        }
        if (b.length() > 0) {
            out.add(new Sentence(start, b.toString().strip()));
        }
        return out;
    }

    private static int sentenceEnd(String s) {
        Matcher m = Pattern.compile("[.;](?=\\s+\\p{Lu}|\\s*$)").matcher(s);
        while (m.find()) {
            int i = m.start();
            if (i > 0 && Character.isDigit(s.charAt(i - 1)) && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                continue;
            }
            if (i + 1 >= s.length()) {
                return -1;
            }
            return i;
        }
        return -1;
    }

    private static void text(Paper paper, List<Finding> out) {
        // printed numbers in reading order: 1, 2, …, 10, then appendix numbers A1, A2, …
        Set<String> numbers = new TreeSet<>(java.util.Comparator.comparing((String s) -> !s.matches("\\d+"))
                .thenComparingInt(String::length).thenComparing(s -> s));
        Set<String> models = new TreeSet<>();
        for (Paper.Table t : paper.tables()) {
            if (!t.number().isEmpty()) {
                numbers.add(t.number());
            }
            Matcher m = Pattern.compile("\\((\\d{1,2})\\)").matcher(t.header() + " " + String.join(" ", t.columns()));
            while (m.find()) {
                models.add(m.group(1));
            }
        }
        Set<String> reported = new LinkedHashSet<>();
        for (Sentence s : sentences(paper)) {
            Matcher m = TABLE_REF.matcher(s.text());
            while (m.find()) {
                String n = TextPaperReader.tableNumber(m.group(1));
                if (!numbers.contains(n) && reported.add("table " + n)) {
                    out.add(new Finding("reference", "text, line " + s.line(), "the text cites Table " + n
                            + ", but the manuscript has no Table " + n + " (it has Tables "
                            + String.join(", ", numbers) + "): \""
                            + excerpt(s.text(), m.start()) + "\""));
                }
            }
            Matcher mm = MODEL_REF.matcher(s.text());
            while (mm.find() && !models.isEmpty()) {
                Matcher k = Pattern.compile("\\((\\d{1,2})\\)").matcher(mm.group(1));
                while (k.find()) {
                    if (!models.contains(k.group(1)) && reported.add("model " + k.group(1))) {
                        out.add(new Finding("reference", "text, line " + s.line(), "the text cites model ("
                                + k.group(1) + "), but no table has a column (" + k.group(1) + "): \""
                                + excerpt(s.text(), mm.start()) + "\""));
                    }
                }
            }
            significance(paper, s, out);
            percent(paper, s, out);
            sign(paper, s, out);
        }
    }

    /** Printed estimates of the tables with this text (sign, digits); null when none. */
    private static List<Found> lookup(Paper paper, String number) {
        List<Found> out = new ArrayList<>();
        String n = number.replace(" ", "");
        for (Paper.Table t : paper.tables()) {
            for (Paper.Row r : t.rows()) {
                for (Paper.Value v : r.estimates()) {
                    String printed = v.number().value().toPlainString();
                    if (printed.equals(n) || printed.equals(n.replaceFirst("^-", "-0").replaceFirst("^\\.", "0."))) {
                        out.add(new Found(t, r, v));
                    }
                }
            }
        }
        return out;
    }

    private record Found(Paper.Table table, Paper.Row row, Paper.Value value) {
    }

    private static void significance(Paper paper, Sentence s, List<Finding> out) {
        Matcher sig = SIGNIFICANT.matcher(s.text());
        int from = 0;
        while (sig.find()) {
            int level = Integer.parseInt(sig.group(1));
            int need = level <= 1 ? 3 : level <= 5 ? 2 : 1;
            String before = s.text().substring(from, sig.start());
            from = sig.end();
            Matcher num = NUMBER.matcher(before);
            List<String> weak = new ArrayList<>();
            String tableName = "";
            while (num.find()) {
                String x = num.group();
                if (!x.contains(".") || x.replace("-", "").strip().length() < 5) {
                    continue;
                }
                for (Found f : lookup(paper, x)) {
                    if (f.value().stars().length() < need) {
                        weak.add(f.value().text());
                        tableName = f.table().name();
                    }
                    break;
                }
            }
            if (!weak.isEmpty()) {
                out.add(new Finding("text", "text, line " + s.line(), "the text says " + String.join(", ", weak)
                        + " " + (weak.size() > 1 ? "are" : "is") + " significant at the " + level + "% level; "
                        + tableName + " prints " + (weak.size() > 1 ? "them" : "it") + " with fewer stars than "
                        + stars(need) + ": \"" + excerpt(s.text(), sig.start()) + "\""));
            }
        }
    }

    private static void percent(Paper paper, Sentence s, List<Finding> out) {
        Matcher m = PERCENT.matcher(s.text());
        while (m.find()) {
            BigDecimal pct = new BigDecimal(m.group(1));
            if (pct.scale() < 2) {
                continue;
            }
            String asShare = pct.movePointLeft(2).toPlainString();
            List<Found> f = new ArrayList<>(lookup(paper, "-" + asShare));
            f.addAll(lookup(paper, asShare));
            if (!f.isEmpty()) {
                out.add(new Finding("text", "text, line " + s.line(), "the text reads the estimate "
                        + f.get(0).value().text() + " (" + f.get(0).table().name() + ") as \"" + m.group().strip()
                        + "\": a difference of " + asShare + " in a probability or share is " + pct.toPlainString()
                        + " percentage points, not " + pct.toPlainString() + "% (a relative change needs the baseline)."
                        + " \"" + excerpt(s.text(), m.start()) + "\""));
            }
        }
    }

    private static void sign(Paper paper, Sentence s, List<Finding> out) {
        String t = s.text();
        boolean positive = Pattern.compile("(?i)ATT\\s*>\\s*0|positive effect").matcher(t).find();
        boolean negative = Pattern.compile("(?i)ATT\\s*<\\s*0|negative effect").matcher(t).find();
        if (positive == negative) {
            return;
        }
        Matcher m = TABLE_REF.matcher(t);
        while (m.find()) {
            String n = TextPaperReader.tableNumber(m.group(1));
            for (Paper.Table tab : paper.tables()) {
                if (!tab.number().equals(n)) {
                    continue;
                }
                int pos = 0;
                int neg = 0;
                for (Paper.Row r : tab.rows()) {
                    for (Paper.Value v : r.estimates()) {
                        if (!v.stars().isEmpty()) {
                            if (v.number().value().signum() > 0) {
                                pos++;
                            } else if (v.number().value().signum() < 0) {
                                neg++;
                            }
                        }
                    }
                }
                if (positive && neg > 0 && pos == 0 || negative && pos > 0 && neg == 0) {
                    out.add(new Finding("text", "text, line " + s.line(), "the text says the effect in "
                            + tab.name() + " is " + (positive ? "positive" : "negative") + ", but all its "
                            + (positive ? neg : pos) + " starred estimates are " + (positive ? "negative" : "positive")
                            + ": \"" + excerpt(t, m.start()) + "\""));
                }
            }
        }
    }

    private static String excerpt(String s, int at) {
        int from = Math.max(0, at - 80);
        int to = Math.min(s.length(), at + 120);
        return (from > 0 ? "…" : "") + s.substring(from, to).strip() + (to < s.length() ? "…" : "");
    }
}
