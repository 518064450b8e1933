package org.reprise.verify;

import java.util.List;

/**
 * {@code verify --extract}: the alignment of a manuscript's tables written as manuscript.yaml, for a data editor to
 * review, correct and commit. Accepted alignments are entries (with their confidence and reason as a comment);
 * low-confidence ones are commented-out entries under "review"; numbers aligned to nothing are listed as comments.
 */
final class ManuscriptYaml {
    private ManuscriptYaml() {
    }

    static String write(Paper paper, List<Aligner.Alignment> al) {
        StringBuilder b = new StringBuilder();
        b.append("# Published numbers read from ").append(oneLine(java.nio.file.Path.of(paper.file()).getFileName()
                .toString())).append(" by `reprise verify --extract` and aligned to the regenerated tables.\n");
        b.append("# Review each entry (the comment gives the confidence and the reason), fix or delete it, uncomment the\n");
        b.append("# entries under \"to review\" that are right, and commit; `reprise verify SPEC` then checks these numbers.\n");
        b.append("source: ").append(quote("Tables " + String.join(", ", paper.tables().stream().map(t -> t.number()
                + " (" + t.caption() + ")").toList()) + " of " + java.nio.file.Path.of(paper.file()).getFileName()))
                .append("\n");
        b.append("numbers:\n");
        String table = "";
        for (Aligner.Alignment a : al) {
            if (!a.accepted()) {
                continue;
            }
            if (!a.table().equals(table)) {
                table = a.table();
                b.append("  # ").append(table).append("\n");
            }
            b.append("  - {ref: ").append(quote(a.ref())).append(", published: ").append(quote(a.value().text()))
                    .append(", where: ").append(quote(Verify.where(a))).append("}  # ")
                    .append(Aligner.fmt(a.confidence())).append(" ").append(oneLine(a.target())).append("\n");
        }
        boolean header = false;
        for (Aligner.Alignment a : al) {
            if (a.accepted() || a.ref() == null) {
                continue;
            }
            if (!header) {
                b.append("  # to review: aligned with low confidence; uncomment the right ones\n");
                header = true;
            }
            b.append("  # - {ref: ").append(quote(a.ref())).append(", published: ").append(quote(a.value().text()))
                    .append(", where: ").append(quote(Verify.where(a))).append("}  # ")
                    .append(Aligner.fmt(a.confidence())).append(": ").append(oneLine(a.reason())).append("\n");
        }
        header = false;
        for (Aligner.Alignment a : al) {
            if (a.ref() != null) {
                continue;
            }
            if (!header) {
                b.append("  # unmatched: no regenerated cell for these numbers\n");
                header = true;
            }
            b.append("  #   ").append(oneLine(Verify.where(a))).append(": ").append(oneLine(a.value().text()))
                    .append(" (").append(oneLine(a.reason())).append(")\n");
        }
        return b.toString();
    }

    static String quote(String s) {
        return "\"" + oneLine(s).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
