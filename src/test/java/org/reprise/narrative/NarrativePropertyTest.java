package org.reprise.narrative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.reprise.results.Estimate;
import org.reprise.results.Term;
import org.reprise.table.Numbers;
import org.reprise.table.RegressionLayout;
import org.reprise.table.RegressionTable;
import org.reprise.table.StarRule;
import org.reprise.table.Table;

/**
 * Properties over 2,000 random tables (seeded java.util.Random): each check is an independent restatement of a wording
 * rule, computed here from the raw estimates and the table cells built by RegressionTable, never from the narrative's
 * own helpers. Estimates span 1e-5 to 1e3, p-values cluster at the star levels (exactly, and their
 * neighbours one ulp away), decimals 0 to 5; a quarter of the tables use the star rule 0.05/0.01/0.001.
 */
class NarrativePropertyTest {
    private static final StarRule STRICT = new StarRule(List.of(0.05, 0.01, 0.001), List.of("*", "**", "***"));
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
    private static final Pattern LEVEL_PHRASE = Pattern.compile("(\\d+(?:\\.\\d+)?)% level");
    private static final String[] COLUMN_LABELS = {"", "East", "Central-west", "Vul1", "$1.9 line", "wave 2016",
        "With controls"};
    private static final String[] GROUP_LABELS = {"Vul2 (2300 yuan)", "Full"};

    private final Narrative narrative = Fixtures.builtIn();
    private int sentencesChecked;
    private int comparisonsChecked;
    private int significantComparisons;
    private List<Double> levels;
    private int tenthOfAPercent;

    @Test
    void twoThousandRandomTables() {
        Random rnd = new Random(20240517L);
        for (int i = 0; i < 2000; i++) {
            one(rnd, i);
        }
        // the loop reached every kind of sentence
        assertTrue(sentencesChecked > 4000, "estimate sentences: " + sentencesChecked);
        assertTrue(comparisonsChecked > 1000, "comparison sentences: " + comparisonsChecked);
        assertTrue(significantComparisons > 100, "significant comparisons: " + significantComparisons);
        assertTrue(tenthOfAPercent > 50, "claims at the 0.1% level: " + tenthOfAPercent);
    }

    private void one(Random rnd, int iteration) {
        StarRule rule = rnd.nextInt(4) == 0 ? STRICT : StarRule.DEFAULT;
        levels = rule.levels();
        int k = 1 + rnd.nextInt(4);
        int d = rnd.nextInt(6);
        int bd = rnd.nextInt(6);
        List<Estimate> models = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        Map<String, Unit> units = new HashMap<>();
        Map<String, Double> values = new HashMap<>();
        for (int j = 0; j < k; j++) {
            double b = estimate(rnd);
            double se = rnd.nextInt(20) == 0 ? Double.NaN : Math.abs(b) * Math.exp(rnd.nextGaussian() * 1.5) + 1e-6;
            double p = Double.isNaN(se) ? Double.NaN : pValue(rnd, levels);
            String id = "m" + (j + 1);
            models.add(Fixtures.model(id, "Vul", Fixtures.term("PxT", b, se, p)));
            labels.add(COLUMN_LABELS[rnd.nextInt(COLUMN_LABELS.length)]);
            units.put(id, switch (rnd.nextInt(4)) {
                case 0 -> Unit.PROBABILITY;
                case 1 -> Unit.LOG;
                case 2 -> Unit.level("yuan");
                default -> Unit.LEVEL;
            });
            values.put("estimates/" + id + "/terms/PxT/estimate", b);
            values.put("estimates/" + id + "/terms/PxT/std_error", se);
        }
        List<RegressionLayout.Group> groups = rnd.nextBoolean() ? List.of()
                : List.of(new RegressionLayout.Group(GROUP_LABELS[rnd.nextInt(2)], 0, k));
        RegressionLayout l = new RegressionLayout("t", "T", models, labels, groups,
                List.of(new RegressionLayout.TermRow("PxT", "P×T")), RegressionLayout.Below.SE, List.of(), List.of(),
                d, bd, rule, List.of());
        List<Comparison> comparisons = new ArrayList<>();
        for (int c = 0; c < k * (k - 1) / 2 + 1 && k > 1; c++) {
            int a = rnd.nextInt(k);
            int b = (a + 1 + rnd.nextInt(k - 1)) % k;
            comparisons.add(new Comparison("m" + (a + 1), "m" + (b + 1), rnd.nextInt(4) != 0));
        }
        Map<String, String> cells = cells(RegressionTable.build(l));
        List<Sentence> out = narrative.regression(l, List.of("PxT"), units, rule, comparisons);
        int h = k >= 2 ? 1 : 0; // a headline sentence first when the term is in two or more columns
        assertEquals(h + k + comparisons.size(), out.size(), "iteration " + iteration);
        List<String> masks = new ArrayList<>(labels);
        masks.addAll(List.of(GROUP_LABELS));
        for (int j = 0; j < k; j++) {
            masks.add("column " + (j + 1));
        }
        // the level every column meets as its strictest, said once in the headline (NaN: none shared)
        double common = Double.NaN;
        boolean shared = k >= 2;
        for (int j = 0; j < k && shared; j++) {
            double met = strictestMet(models.get(j).terms().get(0).pValue());
            shared = !Double.isNaN(met) && (j == 0 || met == common);
            common = met;
        }
        if (!shared) {
            common = Double.NaN;
        }
        if (h == 1) {
            headline(out.get(0), models, d, common);
        }
        for (int j = 0; j < k; j++) {
            Term t = models.get(j).terms().get(0);
            estimateSentence(out.get(h + j), t, units.get("m" + (j + 1)), d, bd, cells, masks, values, "m" + (j + 1),
                    !Double.isNaN(common));
        }
        for (int c = 0; c < comparisons.size(); c++) {
            comparisonSentence(out.get(h + k + c), comparisons.get(c), l, cells, masks, values);
        }
    }

    /** The strictest level p meets, NaN when none (or no p). */
    private double strictestMet(double p) {
        double expected = Double.NaN;
        for (double level : levels) {
            if (p < level && (Double.isNaN(expected) || level < expected)) {
                expected = level;
            }
        }
        return expected;
    }

    /** The headline: the direction of every printed estimate, and the shared level only when there is one. */
    private void headline(Sentence s, List<Estimate> models, int d, double common) {
        String text = s.text();
        assertTrue(s.numbers().isEmpty(), text);
        int neg = 0;
        int pos = 0;
        boolean allP = true;
        int sig = 0;
        for (Estimate e : models) {
            Term t = e.terms().get(0);
            int sign = new BigDecimal(Numbers.fixed(t.estimate(), d)).signum();
            neg += sign < 0 ? 1 : 0;
            pos += sign > 0 ? 1 : 0;
            allP &= !Double.isNaN(t.pValue());
            sig += Double.isNaN(strictestMet(t.pValue())) ? 0 : 1;
        }
        int k = models.size();
        if (neg == k) {
            assertTrue(text.matches("(?s).*\\breduces\\b.* in (both|all \\w+) columns.*"), text);
            assertFalse(text.contains("increases"), text);
        } else if (pos == k) {
            assertTrue(text.matches("(?s).*\\bincreases\\b.* in (both|all \\w+) columns.*"), text);
            assertFalse(text.contains("reduces"), text);
        } else {
            assertTrue(text.contains(" of the "), text);
        }
        String loose = BigDecimal.valueOf(levels.get(0)).scaleByPowerOfTen(2).stripTrailingZeros().toPlainString();
        if (!allP) {
            assertFalse(text.contains("significant"), text);
        } else if (!Double.isNaN(common)) {
            String lv = BigDecimal.valueOf(common).scaleByPowerOfTen(2).stripTrailingZeros().toPlainString();
            assertTrue(text.contains("every estimate is significant at the " + lv + "% level."), text);
        } else if (sig == k) {
            assertTrue(text.contains("every estimate is significant at the " + loose + "% level or better"), text);
        } else if (sig == 0) {
            assertTrue(text.contains("no estimate is statistically distinguishable from zero at the " + loose
                    + "% level"), text);
        } else {
            assertTrue(text.contains("estimates are significant at the " + loose + "% level or better"), text);
            assertFalse(text.contains("every estimate"), text);
        }
    }

    private void estimateSentence(Sentence s, Term t, Unit unit, int d, int bd, Map<String, String> cells,
                                  List<String> masks, Map<String, Double> values, String id, boolean levelInHeadline) {
        sentencesChecked++;
        String text = s.text();
        if (text.contains("at the 0.1% level")) {
            tenthOfAPercent++;
        }
        String why = text + " | b=" + t.estimate() + " p=" + t.pValue() + " unit=" + unit;
        String ref = "estimates/" + id + "/terms/PxT";
        String cell = cells.get(ref + "/estimate");
        int sign = new BigDecimal(cell).signum();
        // direction
        if (t.estimate() > 0) {
            assertFalse(text.matches("(?s).*\\b(reduces|reduce|decrease[sd]?|lower)\\b.*"), why);
        }
        if (t.estimate() < 0) {
            assertFalse(text.matches("(?s).*\\b(increases|increase|raises|raise|higher)\\b.*"), why);
        }
        assertEquals(sign < 0, text.contains(" reduces "), why);
        assertEquals(sign > 0, text.contains(" increases "), why);
        // significance: exactly the strictest level met, or "not ... at the 10% level", or nothing without a p-value
        double expected = Double.NaN;
        for (double level : levels) {
            if (t.pValue() < level && (Double.isNaN(expected) || level < expected)) {
                expected = level;
            }
        }
        if (levelInHeadline) {
            assertFalse(text.contains("significant"), why); // said once, in the headline
            assertFalse(text.contains("distinguishable"), why);
        } else {
            claim(text, t.pValue(), expected, "significant at the ", "not statistically distinguishable from zero at"
                    + " the ", why);
        }
        // units
        String noLevels = LEVEL_PHRASE.matcher(text).replaceAll("");
        if (unit.kind() == Unit.Kind.PROBABILITY) {
            assertFalse(noLevels.contains("%"), why);
            assertFalse(noLevels.matches("(?s).*\\bpercent\\b.*"), why);
            assertEquals(sign != 0, text.contains(" percentage points"), why);
        } else {
            assertFalse(text.contains("percentage point"), why);
        }
        // numbers: the text's numbers are the registered ones, in order, each as the table prints it
        numbers(text, s, masks, why);
        for (NumberUse u : s.numbers()) {
            String expectedRef = ref + (u.ref().endsWith("std_error") ? "/std_error" : "/estimate");
            assertEquals(expectedRef, u.ref(), why);
            String c = cells.get(u.ref());
            double x = values.get(u.ref());
            switch (u.kind()) {
                case AS_PRINTED -> {
                    assertEquals(c, u.printed(), why);
                    assertEquals(u.ref().endsWith("std_error") ? bd : d, u.decimals(), why);
                    assertEquals(Numbers.fixed(x, u.decimals()), u.printed(), why);
                    assertEquals(x, u.raw(), 0.0, why);
                }
                case MAGNITUDE -> {
                    assertEquals(c.replace("-", ""), u.printed(), why);
                    assertEquals(Math.abs(x), u.raw(), 0.0, why);
                }
                case PERCENTAGE_POINTS -> {
                    // the cell at ref (estimate or SE) with the point moved two places
                    assertEquals(unit.kind(), Unit.Kind.PROBABILITY, why);
                    assertEquals(0, new BigDecimal(c).abs().scaleByPowerOfTen(2).compareTo(new BigDecimal(u.printed())),
                            why);
                    assertEquals(Math.max((u.ref().endsWith("std_error") ? bd : d) - 2, 0), u.decimals(), why);
                    assertEquals(100 * Math.abs(x), u.raw(), 1e-9 * Math.max(1, 100 * Math.abs(x)), why);
                }
                case PERCENT_CHANGE -> {
                    double pct = 100 * Math.abs(Math.exp(x) - 1);
                    assertEquals(Math.max(d - 2, 0), u.decimals(), why);
                    assertEquals(pct, Double.parseDouble(u.printed()),
                            0.5 * Math.pow(10, -u.decimals()) + 1e-9 * Math.max(1, pct), why);
                    assertTrue(text.contains(u.printed() + "%"), why);
                }
                default -> throw new AssertionError("unexpected kind " + u.kind() + ": " + why);
            }
        }
        // the estimate is always quoted: as printed, or as its size in the outcome's unit
        assertTrue(s.numbers().stream().anyMatch(u -> u.ref().endsWith("/estimate")), why);
        // an SE, when there is one, is quoted once, in the unit of the size
        long ses = s.numbers().stream().filter(u -> u.ref().endsWith("/std_error")).count();
        assertEquals(Double.isFinite(t.stdError()) ? 1 : 0, ses, why);
    }

    private void comparisonSentence(Sentence s, Comparison c, RegressionLayout l, Map<String, String> cells,
                                    List<String> masks, Map<String, Double> values) {
        comparisonsChecked++;
        String text = s.text();
        String refA = "estimates/" + c.modelA() + "/terms/PxT";
        String refB = "estimates/" + c.modelB() + "/terms/PxT";
        BigDecimal a = new BigDecimal(cells.get(refA + "/estimate"));
        BigDecimal b = new BigDecimal(cells.get(refB + "/estimate"));
        double ba = values.get(refA + "/estimate");
        double bb = values.get(refB + "/estimate");
        double sa = values.get(refA + "/std_error");
        double sb = values.get(refB + "/std_error");
        String why = text + " | " + c;
        List<String> printed = numbers(text, s, masks, why);
        boolean opposite = a.signum() * b.signum() < 0;
        int bySize = a.abs().compareTo(b.abs());
        // the two estimates come first, A then B, exactly as the table prints them (once when they print the same)
        boolean same = !opposite && bySize == 0;
        int next = same ? 1 : 2;
        assertEquals(a.toPlainString(), printed.get(0), why);
        assertEquals(same ? a.toPlainString() : b.toPlainString(), printed.get(next - 1), why);
        assertEquals(opposite, text.contains("opposite signs"), why);
        if (!opposite) {
            assertEquals(bySize > 0, text.contains("larger in magnitude"), why);
            assertEquals(bySize < 0, text.contains("smaller in magnitude"), why);
            assertEquals(bySize == 0, text.contains("the same, as printed"), why);
        }
        boolean tested = c.independentSamples() && !Double.isNaN(sa) && !Double.isNaN(sb);
        double expected = Double.NaN;
        double p = Double.NaN;
        if (tested) {
            double z = (ba - bb) / Math.sqrt(sa * sa + sb * sb);
            p = org.apache.commons.math3.special.Erf.erfc(Math.abs(z) / Math.sqrt(2));
            for (double level : levels) {
                if (p < level && (Double.isNaN(expected) || level < expected)) {
                    expected = level;
                }
            }
            assertEquals(Numbers.fixed(z, 2), printed.get(next), why);
            NumberUse pu = s.numbers().get(next + 1);
            double shown = Double.parseDouble(pu.printed());
            if (pu.kind() == NumberUse.Kind.P_BELOW) {
                assertTrue(p < shown, why);
                assertTrue(text.contains("p < " + pu.printed()), why);
            } else {
                assertEquals(p, shown, 0.5 * Math.pow(10, -pu.decimals()), why);
                assertTrue(text.contains("p = " + pu.printed()), why);
                // the printed p meets the same levels as p
                for (double level : levels) {
                    assertEquals(p < level, shown < level, why);
                }
            }
            assertEquals(refA + "/estimate," + refA + "/std_error," + refB + "/estimate," + refB + "/std_error",
                    pu.ref(), why);
        } else {
            assertEquals(next, printed.size(), why);
            assertFalse(text.contains("statistically significant"), why);
        }
        claim(text, p, expected, "statistically significant at the ", "not statistically significant at the ", why);
        boolean significant = !Double.isNaN(expected);
        if (significant) {
            significantComparisons++;
        }
        assertEquals(significant && !opposite && !same, text.contains("significantly"), why);
    }

    /** The text claims exactly the expected level, or "not" at the loosest level, or nothing when p is NaN. */
    private void claim(String text, double p, double expected, String yes, String no, String why) {
        double loosest = levels.get(0);
        List<String> claimed = new ArrayList<>();
        Matcher m = Pattern.compile("(?<!not )" + Pattern.quote(yes) + "(\\d+(?:\\.\\d+)?)% level").matcher(text);
        while (m.find()) {
            claimed.add(m.group(1));
        }
        if (Double.isNaN(p)) {
            assertTrue(claimed.isEmpty(), why);
            assertFalse(text.contains(no), why);
        } else if (Double.isNaN(expected)) {
            assertTrue(claimed.isEmpty(), why);
            String loose = BigDecimal.valueOf(loosest).scaleByPowerOfTen(2).stripTrailingZeros().toPlainString();
            assertTrue(text.contains(no + loose + "% level"), why);
            assertTrue(p >= loosest, why);
        } else {
            assertEquals(1, claimed.size(), why);
            double level = Double.parseDouble(claimed.get(0)) / 100;
            assertEquals(expected, level, 1e-12, why);
            assertTrue(p < level, why);
            assertFalse(text.contains(no), why);
        }
    }

    /** Numbers in the text (labels and level phrases removed) equal the registered numbers' printed strings. */
    private static List<String> numbers(String text, Sentence s, List<String> masks, String why) {
        String t = text;
        List<String> sorted = new ArrayList<>(masks);
        sorted.removeIf(String::isEmpty);
        sorted.sort((x, y) -> y.length() - x.length());
        for (String mask : sorted) {
            t = t.replace(mask, " ");
        }
        t = t.replace("P×T", " ").replace("Vul", " ");
        t = LEVEL_PHRASE.matcher(t).replaceAll(" ");
        List<String> found = new ArrayList<>();
        Matcher m = NUMBER.matcher(t);
        while (m.find()) {
            found.add(m.group());
        }
        List<String> registered = new ArrayList<>();
        for (NumberUse u : s.numbers()) {
            registered.add(u.printed());
        }
        assertEquals(registered, found, why);
        return found;
    }

    /** ref → the cell's text without parentheses. */
    private static Map<String, String> cells(Table table) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Table.Section sec : table.sections()) {
            for (Table.Row row : sec.rows()) {
                for (Table.Cell cell : row.cells()) {
                    if (cell.ref() != null) {
                        out.put(cell.ref(), cell.text().replace("(", "").replace(")", ""));
                    }
                }
            }
        }
        return out;
    }

    private static double estimate(Random rnd) {
        double magnitude = Math.pow(10, -5 + 8 * rnd.nextDouble());
        double b = (rnd.nextBoolean() ? -1 : 1) * magnitude;
        return switch (rnd.nextInt(10)) {
            case 0 -> 0.0;
            case 1 -> Math.round(b * 1e4) / 1e4 + (rnd.nextBoolean() ? 5e-5 : -5e-5); // half-way cases
            default -> b;
        };
    }

    private static double pValue(Random rnd, List<Double> levels) {
        double level = levels.get(rnd.nextInt(levels.size()));
        return switch (rnd.nextInt(6)) {
            case 0 -> level;
            case 1 -> Math.nextDown(level);
            case 2 -> Math.nextUp(level);
            case 3 -> Math.pow(10, -12 * rnd.nextDouble());
            default -> rnd.nextDouble();
        };
    }
}
