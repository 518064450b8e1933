package org.reprise.results;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes results.json: full double precision (shortest round-trip form), NaN and infinities as null,
 * keys in a fixed order, two-space indentation, "\n" line ends.
 */
public final class ResultsJson {
    private ResultsJson() {
    }

    public static String write(Results r) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.setPrettyPrinter(new com.fasterxml.jackson.core.util.DefaultPrettyPrinter()
                    .withObjectIndenter(new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n"))
                    .withSeparators(com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER)));
            g.writeStartObject();
            provenance(g, r.provenance());
            g.writeArrayFieldStart("estimates");
            for (Estimate e : r.estimates()) {
                estimate(g, e);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("descriptives");
            for (Descriptives d : r.descriptives()) {
                descriptives(g, d);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("balance");
            for (BalanceResult b : r.balance()) {
                balance(g, b);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("vulnerability");
            for (VulnerabilityResult v : r.vulnerability()) {
                vulnerability(g, v);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString() + "\n";
    }

    private static void provenance(JsonGenerator g, Provenance p) throws IOException {
        g.writeObjectFieldStart("provenance");
        g.writeStringField("reprise_version", p.repriseVersion());
        g.writeStringField("java_version", p.javaVersion());
        g.writeNumberField("seed", p.seed());
        if (p.sourceDateEpoch() != null) {
            g.writeNumberField("source_date_epoch", p.sourceDateEpoch());
        }
        hash(g, "spec", p.spec());
        g.writeArrayFieldStart("data");
        for (Provenance.FileHash h : p.data()) {
            g.writeStartObject();
            g.writeStringField("file", h.file());
            g.writeStringField("sha256", h.sha256());
            g.writeEndObject();
        }
        g.writeEndArray();
        hash(g, "templates", p.templates());
        g.writeEndObject();
    }

    private static void hash(JsonGenerator g, String name, Provenance.FileHash h) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("file", h.file());
        g.writeStringField("sha256", h.sha256());
        g.writeEndObject();
    }

    private static void estimate(JsonGenerator g, Estimate e) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", e.id());
        g.writeStringField("method", e.method());
        g.writeStringField("outcome", e.outcome());
        g.writeNumberField("nobs", e.nobs());
        g.writeStringField("vcov", e.vcov());
        g.writeArrayFieldStart("terms");
        for (Term t : e.terms()) {
            g.writeStartObject();
            g.writeStringField("term", t.term());
            number(g, "estimate", t.estimate());
            number(g, "std_error", t.stdError());
            number(g, "statistic", t.statistic());
            number(g, "p_value", t.pValue());
            number(g, "conf_low", t.confLow());
            number(g, "conf_high", t.confHigh());
            if (t.omitted()) {
                g.writeBooleanField("omitted", true);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("stats");
        for (Map.Entry<String, Double> s : e.stats().entrySet()) {
            number(g, s.getKey(), s.getValue());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("notes");
        for (String n : e.notes()) {
            g.writeString(n);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void descriptives(JsonGenerator g, Descriptives d) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", d.id());
        g.writeStringField("data", d.data());
        g.writeArrayFieldStart("rows");
        for (Summary s : d.rows()) {
            g.writeStartObject();
            g.writeStringField("variable", s.variable());
            g.writeNumberField("n", s.n());
            number(g, "mean", s.mean());
            number(g, "sd", s.sd());
            number(g, "min", s.min());
            number(g, "max", s.max());
            number(g, "median", s.median());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void balance(JsonGenerator g, BalanceResult b) throws IOException {
        var t = b.table();
        g.writeStartObject();
        g.writeStringField("id", b.id());
        g.writeStringField("method", b.method());
        g.writeStringField("score_model", t.link().name().toLowerCase(java.util.Locale.ROOT));
        g.writeNumberField("n_treated", t.nTreated());
        g.writeNumberField("n_controls", t.nControls());
        g.writeNumberField("n_treated_matched", t.nTreatedMatched());
        g.writeNumberField("n_controls_matched", t.nControlsMatched());
        g.writeArrayFieldStart("rows");
        for (var row : t.rows()) {
            g.writeStartObject();
            g.writeStringField("variable", row.variable());
            number(g, "mean_treated_u", row.meanTreatedU());
            number(g, "mean_control_u", row.meanControlU());
            number(g, "bias_u", row.biasU());
            number(g, "t_u", row.tU());
            number(g, "p_u", row.pU());
            number(g, "var_ratio_u", row.varRatioU());
            if (!row.binary()) {
                g.writeBooleanField("var_ratio_flag_u", row.varRatioFlagU());
            }
            number(g, "mean_treated_m", row.meanTreatedM());
            number(g, "mean_control_m", row.meanControlM());
            number(g, "bias_m", row.biasM());
            number(g, "reduction", row.reductionPct());
            number(g, "t_m", row.tM());
            number(g, "p_m", row.pM());
            number(g, "var_ratio_m", row.varRatioM());
            if (!row.binary()) {
                g.writeBooleanField("var_ratio_flag_m", row.varRatioFlagM());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("smd");
        for (var row : b.smd()) {
            g.writeStartObject();
            g.writeStringField("variable", row.variable());
            number(g, "mean_treated", row.meanTreated());
            number(g, "mean_control", row.meanControl());
            number(g, "smd_before", row.smdBefore());
            number(g, "mean_treated_matched", row.meanTreatedMatched());
            number(g, "mean_control_matched", row.meanControlMatched());
            number(g, "smd_after", row.smdAfter());
            g.writeEndObject();
        }
        g.writeEndArray();
        joint(g, "unmatched", t.unmatched());
        joint(g, "matched", t.matched());
        g.writeEndObject();
    }

    private static void joint(JsonGenerator g, String name, org.reprise.estimate.balance.BalanceJoint j)
            throws IOException {
        g.writeObjectFieldStart(name);
        number(g, "pseudo_r2", j.pseudoR2());
        number(g, "lr_chi2", j.lrChi2());
        g.writeNumberField("lr_df", j.lrDf());
        number(g, "p_chi2", j.pChi2());
        number(g, "mean_bias", j.meanBias());
        number(g, "median_bias", j.medianBias());
        number(g, "rubin_b", j.rubinB());
        number(g, "rubin_r", j.rubinR());
        g.writeBooleanField("rubin_b_flag", j.rubinBFlag());
        g.writeBooleanField("rubin_r_flag", j.rubinRFlag());
        number(g, "pct_var", j.pctVarOutside());
        number(g, "var_ratio_low", j.varRatioLow());
        number(g, "var_ratio_high", j.varRatioHigh());
        g.writeEndObject();
    }

    private static void vulnerability(JsonGenerator g, VulnerabilityResult v) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", v.id());
        g.writeStringField("data", v.data());
        g.writeNumberField("n", v.n());
        g.writeNumberField("non_positive_variances", v.nonPositive());
        g.writeNumberField("non_positive_weights", v.nonPositiveWeights());
        g.writeStringField("rule", v.rule());
        number(g, "threshold", v.threshold());
        g.writeArrayFieldStart("lines");
        for (VulnerabilityResult.Line l : v.lines()) {
            g.writeStartObject();
            g.writeStringField("column", l.column());
            g.writeStringField("label", l.label());
            number(g, "z", l.z());
            number(g, "mean", l.meanVul());
            number(g, "incidence", l.incidence());
            number(g, "share_high", l.shareHigh());
            number(g, "share_low", l.shareLow());
            g.writeNumberField("n", l.n());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static void number(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(name, v);
        } else {
            g.writeNullField(name);
        }
    }
}
