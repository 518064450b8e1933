package org.reprise.table;

import java.util.ArrayList;
import java.util.List;
import org.reprise.results.Estimate;
import org.reprise.results.Term;
import org.reprise.table.Table.Cell;
import org.reprise.table.Table.ColumnKind;
import org.reprise.table.Table.HeaderRow;
import org.reprise.table.Table.Row;
import org.reprise.table.Table.Section;
import org.reprise.table.Table.Span;

/**
 * The tables of Stata's diff (docs/did.md), one section per outcome. {@link #diff}: diff's results table — Before
 * and After, each the control and treated means and their difference, then the Diff-in-Diff; the difference rows with
 * S.E., t and p; with {@code report} the covariates' coefficients (or the score model) beneath; N and R².
 * {@link #test}: diff's baseline balance test — mean control, mean treated, difference, t, p per variable.
 */
public final class DidTable {
    /** Decimal places of the parts, as diff prints them (%5.3f, %4.3f, %4.2f, %4.3f; the test's p %5.4f). */
    public record Digits(int estimate, int se, int t, int p, int r2) {
    }

    /** One outcome: its label, diff's table, and the rows shown by {@code report} (null = none). */
    public record Outcome(String label, Estimate table, Estimate report, String reportHeading) {
    }

    private DidTable() {
    }

    public static Table diff(String id, String title, List<Outcome> outcomes, boolean withCovariates, Digits dg,
                             StarRule stars, List<String> notes) {
        List<Section> sections = new ArrayList<>();
        for (Outcome o : outcomes) {
            Estimate e = o.table();
            List<Row> rows = new ArrayList<>();
            rows.add(heading("Outcome: " + o.label()));
            rows.add(heading("Before"));
            rows.add(mean(e, "mean_c0", "Control", dg));
            rows.add(mean(e, "mean_t0", "Treated", dg));
            rows.add(full(e, "diff0", "Diff (T − C)", dg, stars));
            rows.add(heading("After"));
            rows.add(mean(e, "mean_c1", "Control", dg));
            rows.add(mean(e, "mean_t1", "Treated", dg));
            rows.add(full(e, "diff1", "Diff (T − C)", dg, stars));
            rows.add(full(e, "did", "Diff-in-Diff", dg, stars));
            sections.add(new Section(rows));
            if (o.report() != null) {
                List<Row> rep = new ArrayList<>();
                rep.add(heading(o.reportHeading()));
                for (Term t : o.report().terms()) {
                    rep.add(full(o.report(), t.term(), t.term(), dg, stars));
                }
                sections.add(new Section(rep));
            }
            List<Row> foot = new ArrayList<>();
            foot.add(statRow("N", Numbers.count(e.nobs()), "estimates/" + e.id() + "/nobs"));
            foot.add(statRow("R²", Numbers.fixed(e.stats().get("r2"), dg.r2()), "estimates/" + e.id() + "/stats/r2"));
            sections.add(new Section(foot));
        }
        List<String> all = new ArrayList<>();
        if (!outcomes.isEmpty()) {
            Estimate first = outcomes.get(0).table();
            all.add(first.method().equals("diff_kernel")
                    ? "Kernel propensity-score matching at baseline, weights carried to the follow-up by unit, then the"
                    + " weighted regression of the outcome on period, treatment and their product (Stata's diff,"
                    + " kernel)."
                    : "Means and differences from the regression of the outcome on period, treatment and their product"
                    + " (Stata's diff)" + (withCovariates ? "; with the covariates as"
                    + " regressors, the means are at covariates equal to zero, as diff prints them" : "") + ".");
            all.add("S.E.: " + first.vcov() + "; t and p with the regression's degrees of freedom.");
        }
        all.add(stars.note() + ".");
        all.addAll(notes);
        return new Table(id, title, kinds(5), List.of(header("", "Estimate", "S.E.", "t", "p")), sections, all);
    }

    public static Table test(String id, String title, List<String> outcomeLabels, List<List<Estimate>> rows,
                             List<List<String>> rowLabels, Digits dg, StarRule stars, boolean weighted,
                             List<String> notes) {
        List<Section> sections = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            List<Row> body = new ArrayList<>();
            body.add(new Row(List.of(Cell.text("Outcome: " + outcomeLabels.get(k)), Cell.text(""), Cell.text(""),
                    Cell.text(""), Cell.text(""), Cell.text(""))));
            for (int j = 0; j < rows.get(k).size(); j++) {
                Estimate e = rows.get(k).get(j);
                String ref = "estimates/" + e.id();
                Term t = e.term("treated");
                List<Cell> cells = new ArrayList<>();
                cells.add(Cell.text(rowLabels.get(k).get(j)));
                cells.add(new Cell(Numbers.fixed(e.stats().get("mean_control"), dg.estimate()), "",
                        ref + "/stats/mean_control"));
                cells.add(new Cell(Numbers.fixed(e.stats().get("mean_treated"), dg.estimate()), "",
                        ref + "/stats/mean_treated"));
                cells.add(new Cell(Numbers.fixed(t.estimate(), dg.estimate()), stars.stars(t.pValue()),
                        ref + "/terms/treated/estimate"));
                cells.add(new Cell(Numbers.fixed(t.statistic(), dg.t()), "", ref + "/terms/treated/statistic"));
                cells.add(new Cell(Numbers.fixed(t.pValue(), dg.p()), "", ref + "/terms/treated/p_value"));
                body.add(new Row(cells));
            }
            sections.add(new Section(body));
        }
        List<String> all = new ArrayList<>();
        all.add("Baseline (period 0) means of the control and treated groups and their difference, from the regression"
                + " of each variable on the treatment" + (weighted ? " weighted by the kernel weights" : "")
                + " (Stata's diff, test).");
        if (!rows.isEmpty() && !rows.get(0).isEmpty()) {
            all.add("t and p: " + rows.get(0).get(0).vcov() + ".");
        }
        all.add(stars.note() + ".");
        all.addAll(notes);
        return new Table(id, title, kinds(6), List.of(header("", "Mean control", "Mean treated", "Diff.", "t", "p")),
                sections, all);
    }

    private static List<ColumnKind> kinds(int n) {
        List<ColumnKind> k = new ArrayList<>();
        k.add(ColumnKind.TEXT);
        for (int i = 1; i < n; i++) {
            k.add(ColumnKind.NUMBER);
        }
        return k;
    }

    private static HeaderRow header(String... texts) {
        List<Span> s = new ArrayList<>();
        for (String t : texts) {
            s.add(new Span(t, 1));
        }
        return new HeaderRow(s, false);
    }

    private static Row heading(String text) {
        return new Row(List.of(Cell.text(text), Cell.text(""), Cell.text(""), Cell.text(""), Cell.text("")));
    }

    private static Row mean(Estimate e, String term, String label, Digits dg) {
        String ref = "estimates/" + e.id() + "/terms/" + term;
        return new Row(List.of(Cell.text(label), new Cell(Numbers.fixed(e.term(term).estimate(), dg.estimate()), "",
                ref + "/estimate"), Cell.text(""), Cell.text(""), Cell.text("")));
    }

    private static Row full(Estimate e, String term, String label, Digits dg, StarRule stars) {
        Term t = e.term(term);
        String ref = "estimates/" + e.id() + "/terms/" + term;
        return new Row(List.of(Cell.text(label),
                new Cell(Numbers.fixed(t.estimate(), dg.estimate()), stars.stars(t.pValue()), ref + "/estimate"),
                new Cell(Numbers.fixed(t.stdError(), dg.se()), "", ref + "/std_error"),
                new Cell(Numbers.fixed(t.statistic(), dg.t()), "", ref + "/statistic"),
                new Cell(Numbers.fixed(t.pValue(), dg.p()), "", ref + "/p_value")));
    }

    private static Row statRow(String label, String text, String ref) {
        return new Row(List.of(Cell.text(label), new Cell(text, "", ref), Cell.text(""), Cell.text(""),
                Cell.text("")));
    }
}
