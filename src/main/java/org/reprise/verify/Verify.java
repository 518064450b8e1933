package org.reprise.verify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprise.run.OutputFolder;
import org.reprise.run.OutputTarget;
import org.reprise.run.Pipeline;
import org.reprise.run.Progress;

/**
 * {@code reprise verify}: reads the published numbers (manuscript.yaml, or the manuscript itself: .txt, .tex, .pdf),
 * reruns the analysis without writing its outputs, checks every number and writes verification.json,
 * verification.md and verification.html into the output folder (added to what is there, through
 * {@link OutputFolder}: same ownership rules, lock and atomic swap as a run). With {@code --extract}, writes the alignment of a
 * manuscript's tables as manuscript.yaml instead, without judging.
 */
public final class Verify {
    private Verify() {
    }

    /** The manuscript beside the spec: {@code manuscript.yaml} in the spec's folder. */
    public static Path defaultManuscript(Path spec) {
        Path parent = spec.getParent();
        return parent == null ? Path.of("manuscript.yaml") : parent.resolve("manuscript.yaml");
    }

    /**
     * Runs the check.
     *
     * @param spec       the analysis file
     * @param manuscript the published numbers; null for manuscript.yaml beside the spec
     * @param out        the folder to write into; null for the spec's output folder
     */
    public static Verification run(Path spec, Path manuscript, Path out, Progress progress) {
        return run(spec, manuscript, out, Tolerance.DEFAULT, progress);
    }

    /** Runs the check with a tolerance for `close` and the classes that pass. */
    public static Verification run(Path spec, Path manuscript, Path out, Tolerance tolerance, Progress progress) {
        Path file = manuscript != null ? manuscript : defaultManuscript(spec);
        Verification v;
        Path dir;
        Pipeline.Computed computed;
        if (PaperReaders.isPaper(file)) {
            Paper paper = progress.step("reading the tables of " + file, () -> PaperReaders.read(file));
            Pipeline.Computed c = Pipeline.compute(spec, progress);
            v = judge(paper, c, spec.getFileName().toString(), tolerance);
            dir = out != null ? out : c.spec().outputDir();
            computed = c;
        } else {
            Manuscript m = progress.step("reading " + file, () -> ManuscriptLoader.load(file));
            Pipeline.Computed c = Pipeline.compute(spec, progress);
            v = Verifier.check(m, c.results(), spec.getFileName().toString(), tolerance);
            dir = out != null ? out : c.spec().outputDir();
            computed = c;
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put("verification.json", VerificationJson.write(v));
        files.put("verification.md", VerificationReport.markdown(v));
        files.put("verification.html", VerificationReport.html(v));
        write(spec, computed, out, file, files, progress);
        progress.info("wrote " + dir.resolve("verification.md") + ", verification.json and verification.html");
        return v;
    }

    /**
     * {@code verify --extract}: reads the manuscript's tables, aligns them to the regenerated tables and writes
     * manuscript.yaml into the output folder (accepted alignments as entries, the rest as comments for review).
     *
     * @return the alignments
     */
    public static Extraction extract(Path spec, Path manuscript, Path out, Progress progress) {
        if (manuscript == null || !PaperReaders.isPaper(manuscript)) {
            throw new org.reprise.UserError("--extract reads a manuscript's tables: name it with --manuscript"
                    + " paper.pdf, paper.tex or paper.txt" + (manuscript == null ? "" : " (" + manuscript + " is not"
                    + " one)") + ".");
        }
        Paper paper = progress.step("reading the tables of " + manuscript, () -> PaperReaders.read(manuscript));
        Pipeline.Computed c = Pipeline.compute(spec, progress);
        List<Aligner.Alignment> al = Aligner.align(paper, Target.of(c.report()));
        Path dir = out != null ? out : c.spec().outputDir();
        String yaml = ManuscriptYaml.write(paper, al);
        write(spec, c, out, manuscript, Map.of("manuscript.yaml", yaml), progress);
        progress.info("wrote " + dir.resolve("manuscript.yaml"));
        int accepted = (int) al.stream().filter(Aligner.Alignment::accepted).count();
        int review = (int) al.stream().filter(a -> a.ref() != null && !a.accepted()).count();
        return new Extraction(dir.resolve("manuscript.yaml"), paper.tables().size(), al.size(), accepted, review);
    }

    /** What --extract did: the file, the tables read, numbers read, aligned, listed for review. */
    public record Extraction(Path file, int tables, int numbers, int aligned, int review) {
        public String summary() {
            return "read " + numbers + " numbers in " + tables + " tables: " + aligned + " aligned, " + review
                    + " to review, " + (numbers - aligned - review) + " unmatched; wrote " + file;
        }
    }

    static Verification judge(Paper paper, Pipeline.Computed c, String specName, Tolerance tolerance) {
        Target target = Target.of(c.report());
        List<Aligner.Alignment> al = Aligner.align(paper, target);
        List<Check> checks = new ArrayList<>();
        for (Aligner.Alignment a : al) {
            PublishedNumber.Origin o = new PublishedNumber.Origin(a.table(), a.row(), a.column(), a.target(),
                    a.confidence(), a.reason());
            PublishedNumber p = new PublishedNumber(a.ref() == null ? "" : a.ref(), a.value().text(),
                    a.value().number(), where(a), a.value().line(), o);
            if (a.accepted()) {
                checks.add(Verifier.check(p, c.results(), tolerance));
            } else {
                String why = a.ref() == null ? a.reason() : "low confidence (" + Aligner.fmt(a.confidence())
                        + "): review the alignment to " + a.target() + ". " + a.reason();
                checks.add(new Check(p, Check.Status.UNMATCHED, "", Double.NaN, why));
            }
        }
        String file = java.nio.file.Path.of(paper.file()).getFileName().toString();
        return new Verification("", specName, file, checks, tolerance,
                new Verification.Reading(paper, target, SelfCheck.check(paper)));
    }

    /** Adds {@code files} to the output folder through {@link OutputFolder} (ownership, lock, atomic swap). */
    private static void write(Path spec, Pipeline.Computed c, Path out, Path manuscript, Map<String, String> files,
                              Progress progress) {
        OutputTarget target = OutputTarget.of(c.spec(), spec, out, manuscript);
        OutputFolder folder = OutputFolder.openKeeping(target, progress);
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                folder.writeText(f.getKey(), f.getValue());
            }
            folder.commit();
        } catch (RuntimeException | Error e) {
            folder.abandon();
            throw e;
        }
    }

    static String where(Aligner.Alignment a) {
        StringBuilder b = new StringBuilder(a.table()).append(", ").append(a.row());
        if (!a.column().isEmpty()) {
            b.append(", ").append(a.column());
        }
        if (a.value().paren()) {
            b.append(", SE");
        }
        return b.toString();
    }
}
