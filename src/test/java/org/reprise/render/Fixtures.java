package org.reprise.render;

import java.util.ArrayList;
import java.util.List;
import org.reprise.report.Report;
import org.reprise.table.Table;
import org.reprise.table.Table.Cell;
import org.reprise.table.Table.ColumnKind;
import org.reprise.table.Table.HeaderRow;
import org.reprise.table.Table.Row;
import org.reprise.table.Table.Section;
import org.reprise.table.Table.Span;

/** The golden report: a two-model regression table, a descriptive table, a figure. Numbers are illustrative. */
final class Fixtures {
    static final String NASTY = "a_b % & # $ { } ~ ^ \\ <script>alert(1)</script> | *x*";

    private Fixtures() {
    }

    static Cell num(String text, String stars, String ref) {
        return new Cell(text, stars, ref);
    }

    static Cell t(String text) {
        return Cell.text(text);
    }

    static Row row(Cell... cells) {
        return new Row(List.of(cells));
    }

    /** A term's estimate row and its standard-error row. */
    static List<Row> term(String label, String term, String b1, String s1, String se1, String b2, String s2, String se2) {
        return List.of(
                row(t(label), num(b1, s1, "estimates/m1/terms/" + term + "/estimate"),
                        num(b2, s2, "estimates/m2/terms/" + term + "/estimate")),
                row(t(""), num("(" + se1 + ")", "", "estimates/m1/terms/" + term + "/std_error"),
                        num("(" + se2 + ")", "", "estimates/m2/terms/" + term + "/std_error")));
    }

    static Table regression() {
        List<Row> terms = new ArrayList<>();
        terms.addAll(term("Treated", "treated", "-0.0223", "***", "0.0123", "-0.0198", "**", "0.0094"));
        terms.addAll(term("Age", "age", "0.0412", "***", "0.0031", "0.0398", "***", "0.0030"));
        terms.addAll(term("Age²", "age2", "-0.0005", "***", "0.0001", "-0.0004", "**", "0.0002"));
        terms.addAll(term("Constant", "_cons", "1.8730", "***", "0.0654", "1.9012", "***", "0.0712"));
        List<Row> stats = List.of(
                row(t("Controls"), t("No"), t("Yes")),
                row(t("Observations"), num("6,124", "", "estimates/m1/nobs"), num("6,124", "", "estimates/m2/nobs")),
                row(t("R²"), num("0.214", "", "estimates/m1/r2"), num("0.231", "", "estimates/m2/r2")));
        return new Table("wages", "Effect of training on log wages",
                List.of(ColumnKind.TEXT, ColumnKind.NUMBER, ColumnKind.NUMBER),
                List.of(new HeaderRow(List.of(new Span("", 1), new Span("Log hourly wage", 2)), true),
                        new HeaderRow(List.of(new Span("", 1), new Span("(1)", 1), new Span("(2)", 1)), false)),
                List.of(new Section(terms), new Section(stats)),
                List.of("Standard errors in parentheses.", "* p<0.10, ** p<0.05, *** p<0.01"));
    }

    static Table descriptive() {
        List<Row> rows = List.of(
                row(t("Log hourly wage"), num("2.6421", "", "d/lw/mean"), num("0.5310", "", "d/lw/sd"),
                        num("0.6931", "", "d/lw/min"), num("4.6052", "", "d/lw/max")),
                row(t("Age (years)"), num("38.12", "", "d/age/mean"), num("11.47", "", "d/age/sd"),
                        num("18", "", "d/age/min"), num("65", "", "d/age/max")),
                row(t("Hours × weeks / 100"), num("19.84", "", "d/hw/mean"), num("6.02", "", "d/hw/sd"),
                        num("0.40", "", "d/hw/min"), num("31.20", "", "d/hw/max")),
                row(t("Change in log wage"), num("\u22120.0150", "", "d/dlw/mean"), num("0.2104", "", "d/dlw/sd"),
                        num("\u22121.2040", "", "d/dlw/min"), num("0.9810", "", "d/dlw/max")));
        List<Row> n = List.of(row(t("Observations"), num("6,124", "", "d/nobs"), t(""), t(""), t("")));
        return new Table("desc", "Descriptive statistics",
                List.of(ColumnKind.TEXT, ColumnKind.NUMBER, ColumnKind.NUMBER, ColumnKind.NUMBER, ColumnKind.NUMBER),
                List.of(new HeaderRow(List.of(new Span("Variable", 1), new Span("Mean", 1), new Span("SD", 1),
                        new Span("Min", 1), new Span("Max", 1)), false)),
                List.of(new Section(rows), new Section(n)),
                List.of("Sample: workers aged 18\u201365."));
    }

    static Report report() {
        return new Report("Job training and wages", List.of("Ana Researcher", "Bo Économiste"),
                "We estimate the effect of a training programme on log hourly wages. Age enters as a quadratic "
                        + "(Age²); hours × weeks are scaled by 1/100.",
                List.of(new Report.Heading(1, "Results"),
                        new Report.Paragraph("Table 1 reports the estimates. Training lowers log wages by "
                                + "\u22120.0223 in column (1)."),
                        new Report.TableBlock(regression()),
                        new Report.Heading(2, "Sample"),
                        new Report.Paragraph("Table 2 describes the sample."),
                        new Report.TableBlock(descriptive()),
                        new Report.Figure("hist", "wage_hist", "Distribution of log hourly wages")));
    }

    /** Every text field holds the nasty label. */
    static Report nasty() {
        Table table = new Table("nasty", NASTY, List.of(ColumnKind.TEXT, ColumnKind.NUMBER),
                List.of(new HeaderRow(List.of(new Span(NASTY, 1), new Span(NASTY, 1)), false)),
                List.of(new Section(List.of(row(t(NASTY), num("-0.0223", "***", "x")),
                        row(t(""), num("(0.0123)", "", "y")), row(t("N"), t(NASTY))))),
                List.of(NASTY));
        return new Report(NASTY, List.of(NASTY), NASTY, List.of(new Report.Heading(1, NASTY),
                new Report.Paragraph(NASTY), new Report.TableBlock(table), new Report.Figure("f", "missing", NASTY)));
    }
}
