package org.reprise.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.reprise.spec.DataSource;
import org.reprise.spec.Spec;

/**
 * An output folder as the user named it (with {@code --out} or the spec's {@code output:}), and the inputs it must
 * never be, contain or sit inside. {@link OutputCheck} decides whether Reprise may write there.
 *
 * @param path   the folder as given (relative to the working folder for --out, absolute for the spec's output)
 * @param shown  how messages name it: the --out argument or the spec's {@code output:} value
 * @param prefix what a message starts with: "--out DIR: " or "analysis.yaml:3:9: " (empty for the default)
 * @param fix    how to name another folder: "choose another --out" or "write another `output:` …"
 * @param inputs every file or folder the run reads
 */
public record OutputTarget(Path path, String shown, String prefix, String fix, List<Input> inputs) {

    /** A file or folder the run reads: the spec, a data file, the templates folder, the manuscript. */
    public record Input(Path path, String what) {
    }

    /** A folder given on the command line with --out (run or verify). */
    public static OutputTarget ofOption(Path out, List<Input> inputs) {
        return new OutputTarget(out, out.toString(), "--out " + out + ": ",
                "Choose another --out (a new or empty folder)", inputs);
    }

    /** The output folder of a run: --out when given, else the spec's {@code output:} (default output/). */
    public static OutputTarget of(Spec spec, Path specPath, Path out, Path manuscript) {
        List<Input> inputs = inputs(spec, specPath, manuscript);
        if (out != null) {
            return ofOption(out, inputs);
        }
        String file = specPath.getFileName().toString();
        boolean written = spec.locations().has("/output");
        String prefix = written ? spec.locate("/output") + ": " : "";
        String fix = written ? "Write another `output:` folder (a new or empty one) in " + file
                : "Add `output: FOLDER` (a new or empty folder) to " + file;
        return new OutputTarget(spec.outputDir(), spec.output() + "/", prefix, fix + ", or give one with --out DIR",
                inputs);
    }

    /** The spec, every data file, the templates folder (when there is one) and the manuscript (when there is one). */
    static List<Input> inputs(Spec spec, Path specPath, Path manuscript) {
        List<Input> in = new ArrayList<>();
        in.add(new Input(specPath, "the spec " + specPath.getFileName()));
        for (DataSource s : spec.data()) {
            in.add(new Input(spec.resolve(s.file()), "the data file " + s.file()));
        }
        Path templates = spec.templatesDir().orElseGet(() -> spec.baseDir().resolve("templates"));
        if (Files.exists(templates)) {
            in.add(new Input(templates, "the templates folder " + spec.baseDir().relativize(templates) + "/"));
        }
        Path parent = specPath.toAbsolutePath().getParent();
        Path m = manuscript != null ? manuscript : parent.resolve("manuscript.yaml");
        if (Files.exists(m)) {
            in.add(new Input(m, "the manuscript " + (manuscript != null ? manuscript : "manuscript.yaml")));
        }
        return in;
    }
}
