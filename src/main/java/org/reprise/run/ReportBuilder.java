package org.reprise.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.reprise.data.Dataset;
import org.reprise.report.Report;
import org.reprise.results.Provenance;
import org.reprise.results.Results;
import org.reprise.spec.Section;
import org.reprise.spec.Spec;
import org.reprise.spec.TableKind;
import org.reprise.spec.TableSpec;
import org.reprise.narrative.Sentence;

/** The report's blocks, in the order of the spec's sections, ending with a reproducibility section. */
public final class ReportBuilder {
    private ReportBuilder() {
    }

    public static Report build(Spec spec, Results results, Map<String, Dataset> data, String specName) {
        return build(spec, results, data, specName, new ArrayList<>());
    }

    /** As above; every generated sentence (with the numbers it prints) is also added to {@code sentences}. */
    public static Report build(Spec spec, Results results, Map<String, Dataset> data, String specName,
                               List<Sentence> sentences) {
        List<Report.Block> blocks = new ArrayList<>();
        Numbering numbering = new Numbering();
        for (Section s : spec.report()) {
            if (!s.heading().isEmpty()) {
                blocks.add(new Report.Heading(1, s.heading()));
            }
            if (!s.text().isEmpty()) {
                blocks.add(new Report.Paragraph(s.text()));
            }
            for (String id : s.tables()) {
                TableSpec t = spec.table(id);
                String number = numbering.next(t.number());
                for (var table : Tables.buildAll(spec, t, results, data)) {
                    blocks.add(new Report.TableBlock(table, number));
                }
                boolean balance = t.kind() == TableKind.BALANCE && !t.style().equals("smd");
                if (balance || (t.kind() == TableKind.REGRESSION || t.kind() == TableKind.MATCHING)
                        && !t.narrative().terms().isEmpty()) {
                    List<Sentence> text = balance ? Narratives.ofBalance(spec, t, results)
                            : t.kind() == TableKind.REGRESSION ? Narratives.of(spec, t, results)
                            : Narratives.ofMatching(spec, t, results);
                    sentences.addAll(text);
                    if (!text.isEmpty()) {
                        blocks.add(new Report.Paragraph(String.join(" ",
                                text.stream().map(Sentence::text).toList())));
                    }
                }
            }
            for (String id : s.figures()) {
                var f = spec.figure(id);
                blocks.add(new Report.Figure(id, id, f.title()));
            }
        }
        blocks.add(new Report.Heading(1, "Reproducibility"));
        blocks.addAll(reproducibility(results.provenance(), specName));
        return new Report(spec.title(), spec.authors(), spec.abstractText(), blocks);
    }

    /**
     * Table numbers: the spec's {@code number:} where given; otherwise one more than the last numeric number (so a
     * reproduction can follow the paper's numbering: `number: 2` on the DID table, and the tables after it follow).
     */
    static final class Numbering {
        private int last;

        String next(String given) {
            if (!given.isEmpty()) {
                if (given.matches("\\d{1,6}")) {
                    last = Integer.parseInt(given);
                }
                return given;
            }
            return Integer.toString(++last);
        }
    }

    private static List<Report.Block> reproducibility(Provenance p, String specName) {
        List<Report.Block> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        sb.append("Produced by Reprise ").append(p.repriseVersion()).append(" on Java ").append(p.javaVersion())
                .append(" with seed ").append(p.seed()).append(". Spec ").append(p.spec().file())
                .append(" (SHA-256 ").append(p.spec().sha256()).append(")");
        for (Provenance.FileHash h : p.data()) {
            sb.append("; data ").append(h.file()).append(" (SHA-256 ").append(h.sha256()).append(")");
        }
        sb.append("; templates ").append(p.templates().file()).append(" (SHA-256 ")
                .append(p.templates().sha256()).append(").");
        out.add(new Report.Paragraph(sb.toString()));
        out.add(new Report.Paragraph("To reproduce: java -jar target/reprise.jar run " + specName
                + " (or make report). Every number in this report is stored at full precision in results.json."));
        return out;
    }
}
