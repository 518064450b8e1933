package org.reprise.run;

import java.nio.file.Path;
import java.util.HashSet;
import org.reprise.data.Dataset;
import org.reprise.data.DtaOptions;
import org.reprise.data.DtaReader;
import org.reprise.spec.DataSource;

/** Stata .dta sources: value-labelled variables become categories when every value is labelled (as Stata shows them). */
final class DtaSupport {
    private DtaSupport() {
    }

    static Dataset read(Path file, DataSource s) {
        DtaOptions opts = DtaOptions.defaults();
        if (!s.categorical().isEmpty()) {
            opts = opts.withCategorical(new HashSet<>(s.categorical()).toArray(new String[0]));
        }
        return DtaReader.readFile(file, opts, s.file()).data();
    }
}
