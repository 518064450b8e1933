package org.reprise.table;

import java.util.ArrayList;
import java.util.List;
import org.reprise.estimate.balance.BalanceJoint;
import org.reprise.estimate.balance.BalanceRow;
import org.reprise.results.BalanceResult;
import org.reprise.table.Table.Cell;
import org.reprise.table.Table.ColumnKind;
import org.reprise.table.Table.HeaderRow;
import org.reprise.table.Table.Row;
import org.reprise.table.Table.Section;
import org.reprise.table.Table.Span;

/** Stata's pstest layout (the paper's Table 3): covariate rows before (U) and after (M) matching, then the joint test. */
public final class BalanceTables {
    private BalanceTables() {
    }

    public static List<Table> build(String id, String title, BalanceResult b, List<String> labels, int decimals,
                                    List<String> notes) {
        return build(id, title, b, labels, decimals, notes, b.method());
    }

    /** As above; {@code method} names the matching method whose weights make the matched sample. */
    public static List<Table> build(String id, String title, BalanceResult b, List<String> labels, int decimals,
                                    List<String> notes, String method) {
        String ref = "balance/" + b.id() + "/";
        List<ColumnKind> kinds = List.of(ColumnKind.TEXT, ColumnKind.TEXT, ColumnKind.NUMBER, ColumnKind.NUMBER,
                ColumnKind.NUMBER, ColumnKind.NUMBER, ColumnKind.NUMBER, ColumnKind.NUMBER);
        List<Span> head = List.of(new Span("Variable", 1), new Span("Sample", 1), new Span("Mean treated", 1),
                new Span("Mean control", 1), new Span("%bias", 1), new Span("%reduct |bias|", 1), new Span("t", 1),
                new Span("p>|t|", 1));
        List<Section> sections = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < b.table().rows().size(); i++) {
            BalanceRow r = b.table().rows().get(i);
            String rr = ref + r.variable() + "/";
            rows.add(new Row(List.of(Cell.text(labels.get(i)), Cell.text("U"),
                    num(r.meanTreatedU(), decimals, rr + "mean_treated_u"),
                    num(r.meanControlU(), decimals, rr + "mean_control_u"), num(r.biasU(), 1, rr + "bias_u"),
                    Cell.text(""), num(r.tU(), 2, rr + "t_u"), num(r.pU(), 3, rr + "p_u"))));
            rows.add(new Row(List.of(Cell.text(""), Cell.text("M"),
                    num(r.meanTreatedM(), decimals, rr + "mean_treated_m"),
                    num(r.meanControlM(), decimals, rr + "mean_control_m"), num(r.biasM(), 1, rr + "bias_m"),
                    num(r.reductionPct(), 1, rr + "reduction"), num(r.tM(), 2, rr + "t_m"),
                    num(r.pM(), 3, rr + "p_m"))));
        }
        sections.add(new Section(rows));
        List<String> n1 = new ArrayList<>();
        n1.add("U: unmatched sample; M: matched sample (" + method + "). %bias: standardised difference"
                + " in means, 100 × difference / sqrt of the mean of the unmatched group variances (pstest).");
        n1.addAll(notes);
        Table covariates = new Table(id, title, kinds, List.of(new HeaderRow(head, false)), sections, n1);

        List<ColumnKind> jk = List.of(ColumnKind.TEXT, ColumnKind.NUMBER, ColumnKind.NUMBER, ColumnKind.NUMBER,
                ColumnKind.NUMBER, ColumnKind.NUMBER, ColumnKind.NUMBER, ColumnKind.NUMBER);
        List<Span> jh = List.of(new Span("Sample", 1), new Span("Pseudo R²", 1), new Span("LR χ²", 1),
                new Span("p>χ²", 1), new Span("Mean bias", 1), new Span("Median bias", 1), new Span("B", 1),
                new Span("R", 1));
        List<Row> jr = List.of(joint("Unmatched", b.table().unmatched(), ref + "unmatched/"),
                joint("Matched", b.table().matched(), ref + "matched/"));
        Table joint = new Table(id + "_joint", title.isEmpty() ? "Joint test of balance" : title + ": joint test", jk, List.of(new HeaderRow(jh, false)),
                List.of(new Section(jr)), List.of("Score model re-estimated on each sample (probit, as pstest); "
                + "B: Rubin's standardised difference of the linear index; R: ratio of its variances."));
        return List.of(covariates, joint);
    }

    /** MatchIt's summary layout: means and standardised mean differences before and after matching. */
    public static Table smd(String id, String title, BalanceResult b, List<String> labels, int decimals,
                            List<String> notes) {
        String ref = "balance/" + b.id() + "/smd/";
        List<ColumnKind> kinds = List.of(ColumnKind.TEXT, ColumnKind.NUMBER, ColumnKind.NUMBER, ColumnKind.NUMBER,
                ColumnKind.NUMBER, ColumnKind.NUMBER);
        List<Span> top = List.of(new Span("", 1), new Span("Before matching", 3), new Span("After matching", 2));
        List<Span> head = List.of(new Span("Variable", 1), new Span("Means treated", 1),
                new Span("Means control", 1), new Span("Std. mean diff.", 1), new Span("Means control", 1),
                new Span("Std. mean diff.", 1));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < b.smd().size(); i++) {
            var r = b.smd().get(i);
            String rr = ref + r.variable() + "/";
            rows.add(new Row(List.of(Cell.text(labels.get(i)), num(r.meanTreated(), decimals, rr + "mean_treated"),
                    num(r.meanControl(), decimals, rr + "mean_control"), num(r.smdBefore(), decimals, rr + "smd_before"),
                    num(r.meanControlMatched(), decimals, rr + "mean_control_matched"),
                    num(r.smdAfter(), decimals, rr + "smd_after"))));
        }
        List<String> n = new ArrayList<>();
        n.add("Standardised mean difference: difference in means over the treated group's standard deviation"
                + " (sqrt(p(1 − p)) for a 0/1 variable), as MatchIt; matched sample: " + b.method() + " weights.");
        n.addAll(notes);
        return new Table(id, title, kinds, List.of(new HeaderRow(top, true), new HeaderRow(head, false)),
                List.of(new Section(rows)), n);
    }

    private static Row joint(String label, BalanceJoint j, String ref) {
        return new Row(List.of(Cell.text(label), num(j.pseudoR2(), 3, ref + "pseudo_r2"),
                num(j.lrChi2(), 2, ref + "lr_chi2"), num(j.pChi2(), 3, ref + "p_chi2"),
                num(j.meanBias(), 1, ref + "mean_bias"), num(j.medianBias(), 1, ref + "median_bias"),
                num(j.rubinB(), 1, ref + "rubin_b"), num(j.rubinR(), 2, ref + "rubin_r")));
    }

    private static Cell num(double v, int d, String ref) {
        return Double.isNaN(v) ? Cell.text("") : new Cell(Numbers.fixed(v, d), "", ref);
    }
}
