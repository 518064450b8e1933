package org.reprise.run;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprise.data.CategoricalColumn;
import org.reprise.data.Column;
import org.reprise.data.Dataset;
import org.reprise.data.NumericColumn;
import org.reprise.figure.Figure;
import org.reprise.results.BalanceResult;
import org.reprise.results.Descriptives;
import org.reprise.results.Estimate;
import org.reprise.results.Results;
import org.reprise.results.VulnerabilityResult;
import org.reprise.spec.DataSource;
import org.reprise.spec.FigureKind;
import org.reprise.spec.FigureSpec;
import org.reprise.spec.ModelSpec;
import org.reprise.spec.Spec;
import org.reprise.spec.TableKind;
import org.reprise.spec.TableSpec;

/**
 * Estimation unit by unit through the cache ({@link UnitStore}, keys from {@link UnitKeys}): each source, each
 * vulnerability step, model, matching analysis, DID, descriptive table and figure is taken from the cache when its
 * key is there, else computed (and stored). Data are read only when some unit needs them; with every unit cached, no
 * data file is read (only hashed). Results are assembled in the same order as {@link Pipeline#estimate}, so
 * results.json is the same with and without the cache.
 */
final class Incremental {
    /**
     * A source: the labels its data file gave (a Stata file's variable and value labels; {@code dta} false: none).
     * Only the file's labels are kept: the spec's own are read from the spec on every run.
     */
    record SourceEntry(boolean dta, Map<String, String> variableLabels,
                       Map<String, Map<String, String>> valueLabels) implements Serializable {
    }

    /** One column: numeric values, or categorical codes and levels. */
    record ColumnData(String name, double[] values, int[] codes, List<String> levels) implements Serializable {
        static ColumnData of(Column c) {
            return c instanceof NumericColumn n ? new ColumnData(n.name(), n.values(), null, null)
                    : new ColumnData(c.name(), null, ((CategoricalColumn) c).codes(),
                    new ArrayList<>(((CategoricalColumn) c).levels()));
        }

        Column column() {
            return values != null ? new NumericColumn(name, values) : new CategoricalColumn(name, codes,
                    List.copyOf(levels));
        }
    }

    /** A source's data after its derived variables and filter. */
    record DataEntry(String source, int rows, List<ColumnData> columns) implements Serializable {
    }

    /**
     * A vulnerability step: its estimates and summary. The columns it adds are a separate entry, read only when a
     * unit needs the data (so a run with every unit cached reads no column).
     */
    record VepEntry(List<Estimate> estimates, VulnerabilityResult result) implements Serializable {
    }

    /** The columns a vulnerability step adds. */
    record ColumnsEntry(List<ColumnData> columns) implements Serializable {
    }

    /** A matching analysis: its estimates, balance tests and the warnings it printed. */
    record MatchingEntry(List<Estimate> estimates, List<BalanceResult> balance, List<String> warnings)
            implements Serializable {
    }

    /** A DID's estimates. */
    record EstimatesEntry(List<Estimate> estimates) implements Serializable {
    }

    /** Files by name (a figure's png and svg; the rendered report). */
    record FilesEntry(Map<String, byte[]> files) implements Serializable {
    }

    /** What a run prints from the results: a digest of the report's text form, numbers.csv and results.json. */
    record PresentEntry(String reportDigest, String ledgerCsv, String resultsJson) implements Serializable {
    }

    /**
     * One figure: its files from the cache, or how to build the figure to draw (then stored under {@code key}); the
     * build reads only finished results and data, so it may run on another thread.
     */
    record FigureOut(String key, Map<String, byte[]> files, String name, java.util.function.Supplier<Figure> build) {
    }

    /** What the run needs: the spec with file labels, the results, the figures, and which units were computed. */
    record Outcome(Spec spec, Results results, List<FigureOut> figures, List<String> computed, int units,
                   String base) {
    }

    private final Spec given;
    private final Progress progress;
    private final UnitStore store;
    private final boolean read;
    private final UnitKeys keys;
    private final List<String> computed = new ArrayList<>();
    private int units;
    private final Map<String, DataSource> labelled = new LinkedHashMap<>();
    private final Map<String, Dataset> data = new HashMap<>();
    private final Map<String, Dataset> prepared = new HashMap<>();
    private final Map<String, List<VepEntry>> vep = new LinkedHashMap<>();
    private final Worker worker;

    private Incremental(Spec given, Progress progress, UnitStore store, boolean read, UnitKeys keys, Worker worker) {
        this.given = given;
        this.progress = progress;
        this.store = store;
        this.read = read;
        this.keys = keys;
        this.worker = worker;
    }

    /**
     * Estimates {@code given} through the cache; {@code read} false computes every unit (and stores it: --no-cache
     * refreshes the cache).
     */
    static Outcome estimate(Spec given, Path specPath, Progress progress, UnitStore store, boolean read,
                            FileStamps stamps) {
        return estimate(given, specPath, progress, store, read, stamps, Worker.inline(),
                UnitKeys.codeFingerprint(stamps));
    }

    /**
     * As {@link #estimate(Spec, Path, Progress, UnitStore, boolean, FileStamps)}; a matching analysis whose data are
     * ready runs on {@code worker} while this thread estimates the models; {@code code} is the fingerprint of
     * Reprise's code ({@link UnitKeys#codeFingerprint}).
     */
    static Outcome estimate(Spec given, Path specPath, Progress progress, UnitStore store, boolean read,
                            FileStamps stamps, Worker worker, String code) {
        Incremental run = new Incremental(given, progress, store, read, UnitKeys.of(given, stamps, code), worker);
        return run.all(specPath, stamps);
    }

    private <T> T cached(String key, Class<T> type) {
        units++;
        return read && key != null ? store.read(key, type) : null;
    }

    /**
     * Notes a unit this run computes (not taken from the cache): the report will be rendered, so the PDF and Word
     * libraries are loaded meanwhile on an idle core ({@link WarmUp}).
     */
    private void noteComputed(String what) {
        computed.add(what);
        WarmUp.start();
    }

    private void put(String key, Serializable value, String what) {
        noteComputed(what);
        if (key != null) {
            store.write(key, value);
        }
    }

    private Outcome all(Path specPath, FileStamps stamps) {
        for (DataSource s : given.data()) {
            SourceEntry e = cached(keys.source.get(s.name()), SourceEntry.class);
            if (e != null) {
                labelled.put(s.name(), restore(s, e));
            } else {
                load(s.name());
                noteComputed("source " + s.name());
            }
            List<VepEntry> steps = new ArrayList<>();
            for (int k = 0; k < s.vulnerability().size(); k++) {
                steps.add(cached(keys.vep.get(s.name()).get(k), VepEntry.class));
            }
            vep.put(s.name(), steps);
            if (steps.contains(null)) {
                data(s.name());
            }
        }
        Spec spec = given.withData(given.data().stream().map(s -> labelled.get(s.name())).toList());
        List<Estimate> estimates = new ArrayList<>();
        List<VulnerabilityResult> vul = new ArrayList<>();
        for (List<VepEntry> steps : vep.values()) {
            for (VepEntry v : steps) {
                estimates.addAll(v.estimates());
                vul.add(v.result());
            }
        }
        List<Worker.Task<MatchingRun>> matchings = new ArrayList<>();
        for (int i = 0; i < spec.matching().size(); i++) {
            matchings.add(startMatching(spec, i));
        }
        for (int i = 0; i < spec.models().size(); i++) {
            estimates.add(model(spec, i));
        }
        List<BalanceResult> balance = new ArrayList<>();
        List<Matchings.Scores> scores = new ArrayList<>();
        for (int i = 0; i < spec.matching().size(); i++) {
            matching(spec, i, matchings.get(i), estimates, balance, scores);
        }
        for (int i = 0; i < spec.did().size(); i++) {
            did(spec, i, estimates);
        }
        List<Descriptives> descriptives = new ArrayList<>();
        for (TableSpec t : spec.tables()) {
            if (t.kind() == TableKind.DESCRIPTIVE) {
                String key = keys.describe.get(t.id());
                Descriptives d = cached(key, Descriptives.class);
                if (d == null) {
                    data(t.data());
                    d = Pipeline.describe(spec, t, data);
                    put(key, d, "table " + t.id());
                }
                descriptives.add(d);
            }
        }
        Results results = new Results(Provenances.of(spec, specPath, Pipeline.templates(spec), stamps::sha256),
                estimates, descriptives, vul, balance);
        List<FigureOut> figures = new ArrayList<>();
        for (int i = 0; i < spec.figures().size(); i++) {
            FigureSpec f = spec.figures().get(i);
            String key = keys.figures.get(i);
            FilesEntry e = cached(key, FilesEntry.class);
            if (e != null) {
                figures.add(new FigureOut(key, e.files(), f.id(), null));
                continue;
            }
            if (f.type() == FigureKind.SCORE && !hasScores(scores, f)) {
                rerunForScores(spec, f, scores);
            }
            Dataset d = f.type() == FigureKind.GROUP_MEANS ? data(f.data()) : null;
            List<Matchings.Scores> all = List.copyOf(scores);
            figures.add(new FigureOut(key, null, f.id(), () -> FigureBuilder.one(spec, f, results, name -> d, all)));
            noteComputed("figure " + f.id());
        }
        return new Outcome(spec, results, figures, List.copyOf(computed), units, keys.base);
    }

    private static boolean hasScores(List<Matchings.Scores> scores, FigureSpec f) {
        return scores.stream().anyMatch(s -> s.id().equals(f.matching()));
    }

    /**
     * Keeps a matching analysis's scores (what its score figure is drawn from) when a score figure shows them and
     * they are small enough (four values a row: at most an eighth of the cache's limit).
     */
    private void storeScores(Spec spec, int i, List<Matchings.Scores> scores) {
        String key = keys.matching.get(i);
        String id = spec.matching().get(i).id();
        boolean shown = spec.figures().stream().anyMatch(f -> f.type() == FigureKind.SCORE
                && f.matching().equals(id));
        for (Matchings.Scores s : scores) {
            if (key != null && shown && s.id().equals(id) && (long) s.score().length * 18 <= UnitStore.maxBytes() / 8) {
                store.write(keys.hash("scores", key), s);
            }
        }
    }

    /**
     * A score figure to draw whose matching analysis came from the cache: its scores from the cache, else the
     * analysis is run again for them.
     */
    private void rerunForScores(Spec spec, FigureSpec f, List<Matchings.Scores> scores) {
        int i = spec.matching().indexOf(spec.matching(f.matching()));
        var ms = spec.matching().get(i);
        String key = keys.matching.get(i);
        Matchings.Scores kept = read && key != null ? store.read(keys.hash("scores", key), Matchings.Scores.class)
                : null;
        if (kept != null && kept.id().equals(ms.id())) {
            scores.add(kept);
            return;
        }
        data(ms.data());
        progress.step("matching " + ms.id() + " again for the scores of figure " + f.id(), () -> Sources.located(spec,
                "/matching/" + i, () -> Matchings.run(spec, ms, i, data, new ArrayList<>(), new ArrayList<>(),
                        scores)));
        noteComputed("matching " + ms.id() + " (scores)");
    }

    private Estimate model(Spec spec, int i) {
        ModelSpec m = spec.models().get(i);
        String key = keys.models.get(i);
        Estimate fitted = cached(key, Estimate.class);
        if (fitted == null) {
            data(m.data());
            fitted = progress.step("estimating " + m.id() + " (" + m.method().word() + ")",
                    () -> Sources.located(spec, "/models/" + i, () -> Estimators.fit(spec, m,
                            Pipeline.frame(spec, data, i))));
            put(key, fitted, "model " + m.id());
        }
        for (String note : fitted.notes()) {
            progress.warn(spec.locate("/models/" + i) + ": model `" + m.id() + "`: " + note);
        }
        return fitted;
    }

    /**
     * A matching analysis computed (or to compute): its entry, the scores it gave, and its progress lines (null: taken
     * from the cache).
     */
    private record MatchingRun(MatchingEntry entry, List<Matchings.Scores> scores, Progress lines) {
    }

    /**
     * Starts matching analysis {@code i}: from the cache; on the worker when its data are already read (a copy of
     * the data map, so nothing is shared with this thread); otherwise it is left to {@link #matching}, after the
     * models, as the spec orders the units (a data error is then reported after the models' errors).
     */
    private Worker.Task<MatchingRun> startMatching(Spec spec, int i) {
        var ms = spec.matching().get(i);
        MatchingEntry e = cached(keys.matching.get(i), MatchingEntry.class);
        if (e != null) {
            return Worker.done(new MatchingRun(e, List.of(), null));
        }
        if (!data.containsKey(ms.data())) {
            return null;
        }
        return worker.submit(runMatching(spec, i, new HashMap<>(data), progress.keeping()));
    }

    private static java.util.function.Supplier<MatchingRun> runMatching(Spec spec, int i, Map<String, Dataset> data,
                                                                       Progress lines) {
        var ms = spec.matching().get(i);
        return () -> {
            List<Estimate> est = new ArrayList<>();
            List<BalanceResult> bal = new ArrayList<>();
            List<Matchings.Scores> scores = new ArrayList<>();
            List<String> warnings = lines.step("matching " + ms.id() + " (" + ms.methods().size() + " methods)",
                    () -> Sources.located(spec, "/matching/" + i,
                            () -> Matchings.run(spec, ms, i, data, est, bal, scores)));
            return new MatchingRun(new MatchingEntry(est, bal, new ArrayList<>(warnings)), scores, lines);
        };
    }

    private void matching(Spec spec, int i, Worker.Task<MatchingRun> started, List<Estimate> estimates,
                          List<BalanceResult> balance, List<Matchings.Scores> scores) {
        var ms = spec.matching().get(i);
        String key = keys.matching.get(i);
        MatchingRun run;
        if (started != null) {
            run = started.join();
        } else {
            data(ms.data());
            run = runMatching(spec, i, data, progress.keeping()).get();
        }
        MatchingEntry e = run.entry();
        if (run.lines() != null) {
            progress.replay(run.lines());
            scores.addAll(run.scores());
            put(key, e, "matching " + ms.id());
            storeScores(spec, i, scores);
        }
        estimates.addAll(e.estimates());
        balance.addAll(e.balance());
        for (String note : e.warnings()) {
            progress.warn(spec.locate("/matching/" + i) + ": matching `" + ms.id() + "`: " + note);
        }
    }

    private void did(Spec spec, int i, List<Estimate> estimates) {
        var ds = spec.did().get(i);
        String key = keys.did.get(i);
        EstimatesEntry e = cached(key, EstimatesEntry.class);
        if (e == null) {
            data(ds.data());
            List<Estimate> est = new ArrayList<>();
            progress.step("difference in differences " + ds.id() + (ds.isKernel() ? " (kernel)" : ""),
                    () -> Dids.run(spec, ds, i, data, est));
            e = new EstimatesEntry(est);
            put(key, e, "did " + ds.id());
        }
        estimates.addAll(e.estimates());
        for (Estimate x : e.estimates()) {
            if (x.method().startsWith("diff") && !x.method().equals("diff_test")) {
                for (String note : x.notes()) {
                    progress.warn(spec.locate("/did/" + i) + ": DID `" + x.id() + "`: " + note);
                }
            }
        }
    }

    /** Source {@code name}'s data after every step (read or restored once, then kept). */
    private Dataset data(String name) {
        Dataset d = data.get(name);
        if (d != null) {
            return d;
        }
        d = load(name);
        DataSource s = labelled.get(name);
        List<VepEntry> steps = vep.get(name);
        for (int k = 0; k < s.vulnerability().size(); k++) {
            VepEntry e = steps.get(k);
            String key = keys.vep.get(name).get(k);
            String columnsKey = key == null ? null : keys.hash("columns", key);
            ColumnsEntry kept = e != null && read && columnsKey != null
                    ? store.read(columnsKey, ColumnsEntry.class) : null;
            if (kept != null) {
                for (ColumnData c : kept.columns()) {
                    d = d.with(c.column());
                }
                continue;
            }
            List<Estimate> est = new ArrayList<>();
            List<VulnerabilityResult> vul = new ArrayList<>();
            Dataset after = Sources.vulnerability(given, s, k, d, progress, est, vul);
            List<ColumnData> added = new ArrayList<>();
            for (var pl : s.vulnerability().get(k).lines()) {
                added.add(ColumnData.of(after.column(pl.name())));
            }
            String what = "vulnerability " + s.vulnerability().get(k).id();
            if (e == null) {
                e = new VepEntry(est, vul.get(0));
                steps.set(k, e);
                put(key, e, what);
            } else {
                noteComputed(what + " (columns)");
            }
            if (columnsKey != null && (long) d.rows() * added.size() * 8 <= UnitStore.maxBytes() / 8) {
                store.write(columnsKey, new ColumnsEntry(added));
            }
            d = after;
        }
        data.put(name, d);
        return d;
    }

    /** Source {@code name}'s data after derive and filter: from the cache, else read (and its labels stored). */
    private Dataset load(String name) {
        Dataset done = prepared.get(name);
        if (done == null) {
            done = prepare(name);
            prepared.put(name, done);
        }
        return done;
    }

    private Dataset prepare(String name) {
        DataSource given = this.given.source(name);
        String key = keys.source.get(name);
        String dataKey = key == null ? null : keys.hash("data", key);
        DataEntry cachedData = read && dataKey != null && labelled.containsKey(name)
                ? store.read(dataKey, DataEntry.class) : null;
        if (cachedData != null) {
            List<Column> cols = new ArrayList<>();
            for (ColumnData c : cachedData.columns()) {
                cols.add(c.column());
            }
            return new Dataset(cachedData.source(), cachedData.rows(), cols);
        }
        Sources.FileLabels[] labels = new Sources.FileLabels[1];
        Dataset d = Sources.prepared(this.given, given, progress, labels);
        Sources.FileLabels l = labels[0];
        labelled.put(name, l != null ? l.addTo(given) : given);
        if (key != null) {
            store.write(key, l == null ? new SourceEntry(false, null, null)
                    : new SourceEntry(true, new LinkedHashMap<>(l.variables()), copy(l.values())));
            if ((long) d.rows() * d.columns().size() * 8 <= UnitStore.maxBytes() / 8) {
                List<ColumnData> cols = new ArrayList<>();
                for (Column c : d.columns()) {
                    cols.add(ColumnData.of(c));
                }
                store.write(dataKey, new DataEntry(d.source(), d.rows(), cols));
            }
        }
        return d;
    }

    private static Map<String, Map<String, String>> copy(Map<String, Map<String, String>> m) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, new LinkedHashMap<>(v)));
        return out;
    }

    /** The source as the spec gives it, with its data file's labels added as {@link Sources#prepared} adds them. */
    private static DataSource restore(DataSource given, SourceEntry e) {
        return e.dta() ? new Sources.FileLabels(e.variableLabels(), e.valueLabels()).addTo(given) : given;
    }
}
