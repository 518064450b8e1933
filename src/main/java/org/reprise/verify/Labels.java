package org.reprise.verify;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a label printed in a paper is compared with a label of a regenerated table: both are reduced to tokens
 * (lower case, British and American spellings and a few economists' synonyms made one, numbers in their shortest
 * decimal form so that "$1.9" matches "$1.90", "R2" and "R²" the same), and compared by the share of the regenerated
 * label's tokens that the paper's label contains. A variable or term name counts even when the paper's text breaks it
 * across lines ("famsiz e"), and an acronym matches the words it abbreviates ("DID" ↔ "Diff-in-Diff").
 */
final class Labels {
    private static final Set<String> STOP = Set.of("of", "the", "a", "an", "and", "in", "on", "at", "to", "for",
            "by", "with", "is", "are", "based", "under", "value", "values", "variable", "variables", "standard",
            "vs", "or");
    private static final Pattern TOKEN = Pattern.compile("\\(\\d{1,2}\\)|\\d+:\\d+|\\d+(?:\\.\\d+)?|\\.\\d+|\\p{L}[\\p{L}\\d]*");
    private static final String[][] PHRASES = {
        {"\\bbefore matching\\b|\\bunmatched\\b|\\ball data\\b|\\bprior to matching\\b", " before "},
        {"\\bafter matching\\b|\\bmatched (data|sample)\\b", " after "},
        {"mid-?west(ern)?|central[- ]?(and|&)?[- ]?west(ern)?|central[- ]?west(ern)?", "central west"},
        {"\\bstd\\.?\\s*dev\\.?|standard\\s+deviations?|\\bs\\.\\s*d\\.", " sd "},
        {"standard\\s+errors?|std\\.?\\s*err\\.?|\\bs\\.\\s*e\\.", " se "},
        {"\\baverages?\\b", "mean"},
        {"\\bobservations?\\b|\\bobs\\.?\\b", "n"},
        {"\\bconstant(\\s+terms?)?\\b|\\bintercept\\b|_cons\\b", "constant"},
        {"\\beastern\\b", "east"},
        {"\\bwestern\\b", "west"},
        {"\\bnuclear\\b", "kernel"},
        {"\\bdiff(erence)?s?[- ]in[- ]diff(erence)?s?\\b", "did"},
        {"χ", "chi"},
        {"²", "2"},
        {"×", "x"},
        {"\\bpseudo\\b", "ps"},
    };
    private static final List<Pattern> PHRASE_PATTERNS = new ArrayList<>();

    static {
        for (String[] p : PHRASES) {
            PHRASE_PATTERNS.add(Pattern.compile(p[0], Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
    }

    private Labels() {
    }

    /** The comparable tokens of a label, in order. */
    static List<String> tokens(String s) {
        if (s == null) {
            return List.of();
        }
        String t = s.replace('（', '(').replace('）', ')').replace('\u2212', '-').replace('\u2013', '-');
        for (int i = 0; i < PHRASES.length; i++) {
            t = PHRASE_PATTERNS.get(i).matcher(t).replaceAll(Matcher.quoteReplacement(PHRASES[i][1]));
        }
        t = t.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(t);
        while (m.find()) {
            String w = m.group();
            if (Character.isDigit(w.charAt(0)) || w.charAt(0) == '.') {
                if (!w.contains(":")) {
                    try {
                        w = new BigDecimal(w).stripTrailingZeros().toPlainString();
                    } catch (NumberFormatException e) {
                        // keep as written
                    }
                }
            } else if (w.charAt(0) != '(') {
                w = spelling(w);
                if (STOP.contains(w)) {
                    continue;
                }
            }
            out.add(w);
        }
        return out;
    }

    /** British and American spelling made one (neighbour → neighbor), and a plural's final s dropped. */
    private static String spelling(String w) {
        String x = w;
        if (x.endsWith("our") && x.length() > 5) {
            x = x.substring(0, x.length() - 3) + "or";
        }
        if (x.endsWith("s") && x.length() > 4 && !x.endsWith("ss")) {
            x = x.substring(0, x.length() - 1);
        }
        return x;
    }

    /** A name compared as written in a ref: lower case, letters and digits only ("PxT" → "pxt", "famsize"). */
    static String name(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replace("×", "x").replaceAll("[^\\p{L}\\d]", "");
    }

    /**
     * Whether {@code name} occurs in the paper's label as a word, or as two or three consecutive pieces the paper's
     * text broke it into ("famsiz" "e").
     */
    static boolean hasName(String paperLabel, String name) {
        String n = name(name);
        if (n.length() < 2) {
            return false;
        }
        if (name.contains(".")) {
            // R's factor levels: black.race is printed raceblack
            String[] parts = name.split("\\.");
            StringBuilder r = new StringBuilder();
            for (int i = parts.length - 1; i >= 0; i--) {
                r.append(name(parts[i]));
            }
            if (hasName(paperLabel, r.toString())) {
                return true;
            }
        }
        String[] words = paperLabel.replace('×', 'x').split("[^\\p{L}\\d_]+");
        for (int i = 0; i < words.length; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = i; j < Math.min(words.length, i + 3); j++) {
                b.append(name(words[j]));
                if (b.toString().equals(n)) {
                    return true;
                }
                if (!n.startsWith(b.toString())) {
                    break;
                }
            }
        }
        return false;
    }

    /**
     * The share (0–1) of the target's tokens found in the paper's tokens; numbers and model numbers "(2)" weigh
     * double. A target token also counts when the paper has its acronym or the paper's word is its acronym
     * ("did" ↔ "diff in diff").
     */
    static double recall(List<String> paper, List<String> target) {
        if (target.isEmpty()) {
            return 0;
        }
        double total = 0;
        double found = 0;
        for (String t : target) {
            double w = Character.isLetter(t.charAt(0)) ? 1 : 2;
            total += w;
            if (paper.contains(t)) {
                found += w;
            }
        }
        double r = found / total;
        String acronym = acronym(target);
        if (acronym.length() >= 2 && paper.contains(acronym)) {
            r = Math.max(r, 0.9);
        }
        return r;
    }

    private static String acronym(List<String> tokens) {
        StringBuilder b = new StringBuilder();
        for (String t : tokens) {
            if (Character.isLetter(t.charAt(0))) {
                b.append(t.charAt(0));
            }
        }
        return b.toString();
    }

    /** Similarity of a paper's label and a regenerated label (0–1). */
    static double similarity(String paperLabel, String target) {
        return recall(tokens(paperLabel), tokens(target));
    }
}
