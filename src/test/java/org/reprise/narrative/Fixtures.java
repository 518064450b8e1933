package org.reprise.narrative;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.reprise.results.Estimate;
import org.reprise.results.Term;
import org.reprise.table.RegressionLayout;
import org.reprise.table.StarRule;

/** Shared builders for the narrative tests. */
final class Fixtures {
    private Fixtures() {
    }

    /**
     * The built-in templates, read from the classpath: until the build copies templates/ into the jar, a class loader
     * over the project folder (Maven runs tests there) stands in for it, so the classpath fallback itself is exercised.
     */
    static Narrative builtIn() {
        return Narrative.with(null, builtInLoader());
    }

    /** A class loader whose only resources are the project folder's files (templates/narrative/...). */
    static ClassLoader builtInLoader() {
        try {
            return new URLClassLoader(new URL[] {Path.of("").toAbsolutePath().toUri().toURL()}, null);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Term term(String name, double b, double se, double p) {
        return new Term(name, b, se, b / se, p, b - 1.96 * se, b + 1.96 * se, false);
    }

    static Estimate model(String id, String outcome, Term... terms) {
        return new Estimate(id, "ols", outcome, 6124, "Standard errors clustered by hhid", List.of(terms), Map.of(),
                List.of());
    }

    static RegressionLayout layout(List<Estimate> models, List<String> labels, String term, String termLabel,
                                   int decimals) {
        return new RegressionLayout("t", "Title", models, labels, List.of(),
                List.of(new RegressionLayout.TermRow(term, termLabel)), RegressionLayout.Below.SE, List.of(),
                List.of(), decimals, decimals, StarRule.DEFAULT, List.of());
    }
}
