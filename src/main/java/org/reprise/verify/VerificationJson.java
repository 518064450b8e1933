package org.reprise.verify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * verification.json: the verification for machines. A summary with the count of each class, the tolerance, and one
 * record per published number (docs/verify.md lists the fields). Numbers at full precision, null where not defined,
 * keys in a fixed order, two-space indentation: the same inputs give the same bytes.
 */
public final class VerificationJson {
    private VerificationJson() {
    }

    public static String write(Verification v) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                    .withSeparators(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
            g.writeStartObject();
            g.writeStringField("spec", v.spec());
            g.writeStringField("manuscript", v.manuscript());
            g.writeStringField("source", v.source());
            g.writeObjectFieldStart("tolerance");
            g.writeFieldName("relative");
            g.writeNumber(v.tolerance().relative());
            g.writeNumberField("std_errors", 1);
            g.writeStringField("accept", v.tolerance().accept().key());
            g.writeEndObject();
            g.writeObjectFieldStart("summary");
            g.writeNumberField("total", v.total());
            for (Check.Status s : Check.Status.values()) {
                g.writeNumberField(s.key(), v.count(s));
            }
            if (v.reading() != null) {
                g.writeNumberField("to_review", v.toReview());
                g.writeNumberField("findings", v.findings());
            }
            g.writeBooleanField("passes", v.passes());
            g.writeEndObject();
            g.writeArrayFieldStart("numbers");
            for (Check c : v.checks()) {
                number(g, c);
            }
            g.writeEndArray();
            if (v.reading() != null) {
                g.writeArrayFieldStart("findings");
                for (SelfCheck.Finding f : v.reading().findings()) {
                    g.writeStartObject();
                    g.writeStringField("kind", f.kind());
                    g.writeStringField("where", f.where());
                    g.writeStringField("detail", f.detail());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    private static void number(JsonGenerator g, Check c) throws IOException {
        PublishedNumber p = c.number();
        g.writeStartObject();
        PublishedNumber.Origin o = p.origin();
        if (o != null) {
            g.writeStringField("table", o.table());
            g.writeStringField("row", o.row());
            g.writeStringField("column", o.column());
        }
        g.writeStringField("where", p.where());
        g.writeStringField("ref", p.ref());
        g.writeStringField("published", p.published());
        g.writeNumberField("decimals", p.value().decimals());
        g.writeStringField("computed", c.status() == Check.Status.MISSING ? null : c.computed());
        number(g, "full_precision", c.raw());
        g.writeStringField("status", c.status().key());
        number(g, "relative_difference", c.relative());
        number(g, "std_error", c.stdError());
        number(g, "difference_in_std_errors", c.inSe());
        g.writeStringField("reason", c.reason());
        if (o != null) {
            g.writeStringField("aligned_to", o.target());
            g.writeNumberField("confidence", Math.round(o.confidence() * 100) / 100.0);
            g.writeStringField("alignment", o.reason());
        }
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String name, double x) throws IOException {
        g.writeFieldName(name);
        if (Double.isFinite(x)) {
            g.writeNumber(x);
        } else {
            g.writeNull();
        }
    }
}
