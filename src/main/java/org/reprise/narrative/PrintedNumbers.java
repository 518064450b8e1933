package org.reprise.narrative;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reprise.UserError;
import org.reprise.table.StarRule;

/**
 * Matches the numbers a rendered sentence prints with the numbers the builder registered, so that every number in the
 * text is a registered result even when a user edits the template. Labels (term, outcome, column names,
 * "column (2)") and significance-level phrases ("1% level") are not results and are skipped; a label that is a plain
 * number ("2016") is skipped only when no registered number prints the same.
 */
final class PrintedNumbers {
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?\\d+(?:\\.\\d+)?");
    private static final Pattern LEVEL = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:%|percent)\\s+level");

    private PrintedNumbers() {
    }

    /** The registered uses in the order the text prints them; throws when the text prints an unregistered number. */
    static List<NumberUse> reconcile(String text, List<NumberUse> registered, List<String> labels, StarRule rule,
                                     String template) {
        String masked = maskLevels(maskLabels(text, labels), rule);
        List<NumberUse> left = new ArrayList<>(registered);
        List<NumberUse> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(masked);
        while (m.find()) {
            NumberUse hit = null;
            for (NumberUse u : left) {
                if (u.printed().equals(m.group())) {
                    hit = u;
                    break;
                }
            }
            for (int i = 0; hit == null && i < out.size(); i++) {
                if (out.get(i).printed().equals(m.group())) {
                    hit = out.get(i); // the same result printed again
                }
            }
            if (hit == null && labels.contains(m.group())) {
                continue; // a label that is a plain number ("2016"), printed as a label
            }
            if (hit == null) {
                throw new UserError(template + ": the sentence \"" + text + "\" prints the number " + m.group()
                        + ", which is none of the results given to the template. Every number in the text must be one"
                        + " of the template's number variables (estimate, se, size, z, p, ...), printed unchanged;"
                        + " see docs/narrative.md.");
            }
            left.remove(hit);
            out.add(hit);
        }
        return out;
    }

    private static String maskLabels(String text, List<String> labels) {
        List<String> sorted = new ArrayList<>();
        for (String l : labels) {
            if (l != null && !l.isBlank() && !NUMBER.matcher(l).matches()) {
                sorted.add(l);
            }
        }
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        String s = text;
        for (String l : sorted) {
            Matcher m = Pattern.compile("(?<![\\d.])" + Pattern.quote(l) + "(?!\\d)").matcher(s);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, " ".repeat(m.group().length()));
            }
            m.appendTail(sb);
            s = sb.toString();
        }
        return s;
    }

    private static String maskLevels(String text, StarRule rule) {
        Matcher m = LEVEL.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            boolean isLevel = false;
            for (double level : rule.levels()) {
                if (Words.level(level).equals(m.group(1) + "%")) {
                    isLevel = true;
                }
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(isLevel ? " ".repeat(m.group().length()) : m.group()));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
