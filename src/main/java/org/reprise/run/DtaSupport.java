package org.reprise.run;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reprise.data.DtaFile;
import org.reprise.data.DtaOptions;
import org.reprise.data.DtaReader;
import org.reprise.spec.DataSource;

/**
 * Stata .dta sources, read as Stata treats them: value-labelled variables stay numeric (a labelled 0/1 dummy is a
 * number; `i.var` makes factor dummies whose rows are labelled with the value labels); columns listed under the
 * source's `categorical:` become categories named by their labels. The file's variable labels and value labels
 * become table labels unless the spec gives its own.
 */
final class DtaSupport {
    private DtaSupport() {
    }

    static DtaFile read(Path file, DataSource s) {
        DtaOptions opts = DtaOptions.noValueLabels();
        if (!s.categorical().isEmpty()) {
            opts = opts.withCategorical(new HashSet<>(s.categorical()).toArray(new String[0]));
        }
        return DtaReader.readFile(file, opts, s.file());
    }

    /** Value labels keyed as levels print: an integer code as "1", others as Java prints them. */
    static Map<String, Map<String, String>> levels(DtaFile f) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        f.valueLabels().forEach((var, labels) -> {
            Map<String, String> m = new LinkedHashMap<>();
            labels.forEach((code, label) -> m.put(code == Math.rint(code) ? Long.toString(code.longValue())
                    : code.toString(), label));
            out.put(var, m);
        });
        return out;
    }
}
