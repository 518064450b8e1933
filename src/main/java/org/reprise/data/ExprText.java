package org.reprise.data;

import java.util.ArrayList;
import java.util.List;
import org.reprise.UserError;

/**
 * Lexical pre-pass over an expression before JEXL sees it: finds the functions called and rewrites the
 * power operator {@code a^b} (JEXL's {@code ^} is bitwise xor, with the wrong precedence) to {@code pow(a, b)}.
 * {@code ^} binds tighter than unary minus on its left ({@code -x^2} is {@code -(x^2)}, as in Stata and R);
 * a chain {@code a^b^c} is rejected because Stata and R disagree on its meaning.
 */
final class ExprText {
    enum Kind { IDENT, NUMBER, STRING, OP, QUOTED }

    record Token(Kind kind, String text, int pos) {
        boolean is(String s) {
            return kind == Kind.OP && text.equals(s);
        }
    }

    private ExprText() {
    }

    static List<Token> tokenize(String s, String where) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_' || c == '$') {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '$')) {
                    j++;
                }
                out.add(new Token(Kind.IDENT, s.substring(i, j), i));
                i = j;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                int j = i;
                while (j < n && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
                    j++;
                }
                if (j < n && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
                    int k = j + 1;
                    if (k < n && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
                        k++;
                    }
                    if (k < n && Character.isDigit(s.charAt(k))) {
                        j = k;
                        while (j < n && Character.isDigit(s.charAt(j))) {
                            j++;
                        }
                    }
                }
                out.add(new Token(Kind.NUMBER, s.substring(i, j), i));
                i = j;
            } else if (c == '`') {
                int j = s.indexOf('`', i + 1);
                if (j < 0) {
                    throw new UserError(where + ": the column name starting at position " + (i + 1) + " has no"
                            + " closing backtick. Write it as `name`, e.g. `true` * 2.");
                }
                if (j == i + 1) {
                    throw new UserError(where + ": `` (two backticks) names no column. Put the column name between"
                            + " them, e.g. `size`.");
                }
                out.add(new Token(Kind.QUOTED, s.substring(i + 1, j), i));
                i = j + 1;
            } else if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < n && s.charAt(j) != c) {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                if (j >= n) {
                    throw new UserError(where + ": the text starting at position " + (i + 1)
                            + " has no closing " + c + ". Close the quoted text, e.g. region == 'east'.");
                }
                out.add(new Token(Kind.STRING, s.substring(i, j + 1), i));
                i = j + 1;
            } else {
                String two = i + 1 < n ? s.substring(i, i + 2) : "";
                if (List.of("==", "!=", "<=", ">=", "&&", "||", "=~", "!~", "=^", "=$", "->", "=>", "**").contains(two)) {
                    out.add(new Token(Kind.OP, two, i));
                    i += 2;
                } else {
                    out.add(new Token(Kind.OP, String.valueOf(c), i));
                    i++;
                }
            }
        }
        return out;
    }

    /** Rewrites every {@code a^b} to {@code pow(a, b)} and joins the tokens back into JEXL source. */
    static String rewritePower(List<Token> tokens, String where) {
        List<String> t = new ArrayList<>();
        for (Token k : tokens) {
            t.add(k.kind() == Kind.OP && k.text().equals("**") ? "^" : k.text());
        }
        while (true) {
            int p = t.indexOf("^");
            if (p < 0) {
                break;
            }
            int leftStart = operandStart(t, p, where);
            int rightEnd = operandEnd(t, p, where);
            if (rightEnd + 1 < t.size() && t.get(rightEnd + 1).equals("^")) {
                throw new UserError(where + ": a^b^c is ambiguous (Stata reads (a^b)^c, R reads a^(b^c)). "
                        + "Add parentheses, e.g. (a^b)^c or a^(b^c).");
            }
            List<String> repl = new ArrayList<>();
            repl.add("pow");
            repl.add("(");
            repl.addAll(t.subList(leftStart, p));
            repl.add(",");
            repl.addAll(t.subList(p + 1, rightEnd + 1));
            repl.add(")");
            List<String> next = new ArrayList<>(t.subList(0, leftStart));
            next.addAll(repl);
            next.addAll(t.subList(rightEnd + 1, t.size()));
            t = next;
        }
        return String.join(" ", t);
    }

    private static boolean isAtom(String s) {
        char c = s.charAt(0);
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.' || c == '\'' || c == '"';
    }

    private static int operandStart(List<String> t, int p, String where) {
        int i = p - 1;
        if (i < 0) {
            throw new UserError(where + ": '^' needs a value on its left, e.g. x^2.");
        }
        if (t.get(i).equals(")")) {
            int depth = 0;
            for (; i >= 0; i--) {
                if (t.get(i).equals(")")) {
                    depth++;
                } else if (t.get(i).equals("(") && --depth == 0) {
                    break;
                }
            }
            if (i < 0) {
                throw new UserError(where + ": unbalanced parentheses before '^'.");
            }
            if (i > 0 && Character.isLetter(t.get(i - 1).charAt(0))) {
                i--; // function call
            }
            return i;
        }
        if (isAtom(t.get(i))) {
            return i;
        }
        throw new UserError(where + ": '^' needs a value on its left, e.g. x^2.");
    }

    private static int operandEnd(List<String> t, int p, String where) {
        int i = p + 1;
        while (i < t.size() && (t.get(i).equals("-") || t.get(i).equals("+"))) {
            i++;
        }
        if (i >= t.size()) {
            throw new UserError(where + ": '^' needs a value on its right, e.g. x^2.");
        }
        if (isAtom(t.get(i)) && !(i + 1 < t.size() && t.get(i + 1).equals("("))) {
            return i;
        }
        if (Character.isLetter(t.get(i).charAt(0))) {
            i++; // function name, then its parenthesised arguments
        }
        if (!t.get(i).equals("(")) {
            throw new UserError(where + ": '^' needs a value on its right, e.g. x^2.");
        }
        int depth = 0;
        for (; i < t.size(); i++) {
            if (t.get(i).equals("(")) {
                depth++;
            } else if (t.get(i).equals(")") && --depth == 0) {
                return i;
            }
        }
        throw new UserError(where + ": unbalanced parentheses after '^'.");
    }
}
