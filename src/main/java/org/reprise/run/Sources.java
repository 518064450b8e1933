package org.reprise.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.reprise.UserError;
import org.reprise.data.CsvOptions;
import org.reprise.data.CsvReader;
import org.reprise.data.Dataset;
import org.reprise.data.Derive;
import org.reprise.data.Filter;
import org.reprise.spec.DataSource;
import org.reprise.spec.Delimiter;
import org.reprise.spec.Derived;
import org.reprise.spec.Spec;
import org.reprise.spec.Vulnerability;
import org.reprise.results.Estimate;
import org.reprise.results.VulnerabilityResult;

/** Reads every data source of a spec, then applies its derived variables and filter, in order. */
public final class Sources {
    private Sources() {
    }

    /** The data sources after every step, plus what the vulnerability steps estimated. */
    public record Loaded(Spec spec, Map<String, Dataset> data, List<Estimate> estimates,
                         List<VulnerabilityResult> vulnerability) {
    }

    public static Loaded load(Spec spec, Progress progress) {
        Map<String, Dataset> out = new LinkedHashMap<>();
        List<Estimate> estimates = new ArrayList<>();
        List<VulnerabilityResult> vul = new ArrayList<>();
        List<DataSource> sources = new ArrayList<>();
        for (DataSource given : spec.data()) {
            FileLabels[] labels = new FileLabels[1];
            Dataset d = prepared(spec, given, progress, labels);
            DataSource s = labels[0] != null ? labels[0].addTo(given) : given;
            sources.add(s);
            for (int k = 0; k < s.vulnerability().size(); k++) {
                d = vulnerability(spec, s, k, d, progress, estimates, vul);
            }
            out.put(s.name(), d);
        }
        return new Loaded(spec.withData(sources), out, estimates, vul);
    }

    /** A Stata file's variable and value labels (what {@link DataSource#withFileLabels} adds to a source). */
    record FileLabels(Map<String, String> variables, Map<String, Map<String, String>> values) {
        DataSource addTo(DataSource given) {
            return given.withFileLabels(variables, values);
        }
    }

    /**
     * Reads one source's file and applies its derived variables and filter, then checks the panel; {@code labels[0]}
     * receives a Stata file's labels (null for other files).
     */
    static Dataset prepared(Spec spec, DataSource given, Progress progress, FileLabels[] labels) {
        String at = spec.sourcePointer(given.name());
        Object[] file = new Object[1];
        Dataset d = progress.step("reading " + given.file(), () -> located(spec, at + "/file",
                () -> read(spec, given, file)));
        labels[0] = file[0] instanceof org.reprise.data.DtaFile f
                ? new FileLabels(f.variableLabels(), DtaSupport.levels(f)) : null;
        DataSource s = labels[0] != null ? labels[0].addTo(given) : given;
        for (int k = 0; k < s.derive().size(); k++) {
            Derived dv = s.derive().get(k);
            Dataset before = d;
            d = located(spec, at + "/derive/" + k + "/expr", () -> Derive.apply(before, dv.name(), dv.expr()));
        }
        if (!s.filter().isEmpty()) {
            Dataset before = d;
            d = located(spec, at + "/filter", () -> Filter.apply(before, s.filter()));
            if (d.rows() == 0) {
                throw spec.errorAt(at + "/filter", "the filter `" + s.filter() + "` keeps no rows of " + s.file()
                        + ". Loosen the condition or check the variable's values.");
            }
        }
        if (s.panel() != null) {
            Dataset checked = d;
            located(spec, at + "/panel", () -> {
                org.reprise.data.PanelCheck.check(checked, s.panel().id(), s.panel().time());
                return checked;
            });
        }
        return d;
    }

    /** Source {@code s}'s vulnerability step {@code k} on {@code before}: the data with its columns added. */
    static Dataset vulnerability(Spec spec, DataSource s, int k, Dataset before, Progress progress,
                                 List<Estimate> estimates, List<VulnerabilityResult> vul) {
        Vulnerability v = s.vulnerability().get(k);
        String vp = spec.sourcePointer(s.name()) + "/vulnerability/" + k;
        return progress.step("vulnerability " + v.id() + " (three-step FGLS)", () -> located(spec, vp,
                () -> Vulnerabilities.apply(spec, s, v, before, estimates, vul)));
    }

    private static Dataset read(Spec spec, DataSource s, Object[] fileOut) {
        Path file = spec.resolve(s.file());
        if (!Files.isRegularFile(file)) {
            throw new UserError("data file " + s.file() + " not found (looked in " + spec.baseDir().relativize(file)
                    + " relative to the spec). Check the `file:` path; it is relative to the spec's folder.");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".dta")) {
            org.reprise.data.DtaFile f = DtaSupport.read(file, s);
            fileOut[0] = f;
            return f.data();
        }
        Character delim = switch (s.delimiter()) {
            case COMMA -> ',';
            case SEMICOLON -> ';';
            case TAB -> '\t';
            default -> null;
        };
        boolean whitespace = s.delimiter() == Delimiter.WHITESPACE;
        CsvOptions opts = new CsvOptions(delim, s.missing(), new HashSet<>(s.categorical()), whitespace, false);
        return CsvReader.read(file, opts, s.file());
    }

    /** Runs work; a UserError from it gets the spec location of pointer in front. */
    static <T> T located(Spec spec, String pointer, Supplier<T> work) {
        try {
            return work.get();
        } catch (UserError e) {
            String msg = e.getMessage();
            if (msg.startsWith(spec.locations().file() + ":")) {
                throw e;
            }
            throw new UserError(spec.locate(pointer) + ": " + msg, e);
        }
    }

    /** Names of all variables a source has after derivation, for suggestions. */
    static List<String> names(Dataset d) {
        return d.names();
    }
}
