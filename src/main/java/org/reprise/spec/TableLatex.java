package org.reprise.spec;

/**
 * A table's {@code latex:} key: fixes the font size and/or the orientation that Reprise otherwise chooses so that
 * the table fits the page (docs/output.md, "LaTeX tables that fit"). Null: chosen automatically.
 */
public record TableLatex(LatexSize size, Boolean landscape) {
    /** Everything chosen automatically. */
    public static final TableLatex AUTO = new TableLatex(null, null);
}
