package org.reprise.run;

import java.nio.file.Path;
import org.reprise.UserError;
import org.reprise.data.Dataset;
import org.reprise.spec.DataSource;

/** Stata .dta sources (the reader lands with the .dta work). */
final class DtaSupport {
    private DtaSupport() {
    }

    static Dataset read(Path file, DataSource s) {
        throw new UserError(s.file() + ": reading Stata .dta files is not available in this build; export the data to CSV.");
    }
}
