package org.reprise.verify;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reprise.run.Pipeline;
import org.reprise.run.Progress;

/**
 * {@code reprise verify}: reads the published numbers (manuscript.yaml), reruns the analysis without writing its
 * outputs, checks every number and writes verification.json, verification.md and verification.html into the output
 * folder.
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
        Manuscript m = progress.step("reading " + file, () -> ManuscriptLoader.load(file));
        Pipeline.Computed c = Pipeline.compute(spec, progress);
        Verification v = Verifier.check(m, c.results(), spec.getFileName().toString(), tolerance);
        Path dir = out != null ? out : c.spec().outputDir();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("verification.json", VerificationJson.write(v));
        files.put("verification.md", VerificationReport.markdown(v));
        files.put("verification.html", VerificationReport.html(v));
        AtomicFiles.write(dir, files);
        progress.info("wrote " + dir.resolve("verification.md") + ", verification.json and verification.html");
        return v;
    }
}
