package org.reprise.verify;

import java.nio.file.Path;
import org.reprise.run.OutputFolder;
import org.reprise.run.OutputTarget;
import org.reprise.run.Pipeline;
import org.reprise.run.Progress;

/**
 * {@code reprise verify}: reads the published numbers (manuscript.yaml), reruns the analysis without writing its
 * outputs, checks every number and writes verification.md and verification.html into the output folder (added to
 * what is there, through {@link OutputFolder}: same ownership rules, lock and atomic swap as a run).
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
        Path file = manuscript != null ? manuscript : defaultManuscript(spec);
        Manuscript m = progress.step("reading " + file, () -> ManuscriptLoader.load(file));
        Pipeline.Computed c = Pipeline.compute(spec, progress);
        Verification v = Verifier.check(m, c.results(), spec.getFileName().toString());
        OutputTarget target = OutputTarget.of(c.spec(), spec, out, file);
        OutputFolder folder = OutputFolder.openKeeping(target, progress);
        try {
            folder.writeText("verification.md", VerificationReport.markdown(v));
            folder.writeText("verification.html", VerificationReport.html(v));
            folder.commit();
        } catch (RuntimeException | Error e) {
            folder.abandon();
            throw e;
        }
        Path dir = out != null ? out : c.spec().outputDir();
        progress.info("wrote " + dir.resolve("verification.md") + " and verification.html");
        return v;
    }
}
