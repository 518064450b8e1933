package org.reprise.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.reprise.Version;
import org.reprise.data.Column;
import org.reprise.data.Dataset;
import org.reprise.data.ModelFrame;
import org.reprise.data.NumericColumn;
import org.reprise.estimate.Describe;
import org.reprise.render.Renderers;
import org.reprise.render.TemplateSource;
import org.reprise.report.Report;
import org.reprise.results.Descriptives;
import org.reprise.results.Estimate;
import org.reprise.results.Results;
import org.reprise.results.ResultsJson;
import org.reprise.results.Summary;
import org.reprise.spec.ModelSpec;
import org.reprise.spec.Spec;
import org.reprise.spec.SpecLoader;
import org.reprise.spec.Suggest;
import org.reprise.spec.TableKind;
import org.reprise.spec.TableSpec;

/** spec → data → estimate → results → table → report → render. */
public final class Pipeline {
    private Pipeline() {
    }

    /** Everything computed from a spec before anything is written. */
    public record Computed(Spec spec, Map<String, Dataset> data, Results results, Report report,
                           List<org.reprise.figure.Figure> figures, org.reprise.ledger.Ledger ledger) {
    }

    public static void run(Path specPath, Path out, Progress progress) {
        run(specPath, out, progress, true);
    }

    /**
     * Runs the spec and writes the output folder atomically. Every unit (source, vulnerability step, model, matching
     * analysis, DID, descriptive table, figure, and the rendered report) is taken from {@code .reprise-cache/} when
     * its inputs are unchanged (see {@link Incremental}, {@link UnitKeys}); without {@code useCache} everything is
     * computed (and the cache refreshed). The output is the same either way.
     */
    public static void run(Path specPath, Path out, Progress progress, boolean useCache) {
        try (Worker worker = Worker.start()) {
            run(specPath, out, progress, useCache, worker);
        }
    }

    /**
     * As {@link #run(Path, Path, Progress, boolean)}; units that do not depend on each other run on {@code worker}
     * too (a matching analysis beside the models, the figures beside the report text), and their results are taken
     * in spec order (docs/bench.md, "Cold start").
     */
    static void run(Path specPath, Path out, Progress progress, boolean useCache, Worker worker) {
        if (out != null) {
            OutputFolder.repair(out);
        }
        // a guess at the cache folder, read beside the spec; no cache beside the root (the check refuses it)
        Path guessOut = (out != null ? out : specPath.toAbsolutePath().normalize().resolveSibling("output"))
                .toAbsolutePath().normalize();
        Path guess = guessOut.getParent() == null ? null : cacheDir(guessOut);
        Worker.Task<Stamped> early = worker.submit(() -> Stamped.of(guess));
        Spec loaded = progress.step("reading " + specPath, () -> SpecLoader.load(specPath));
        OutputFolder.repair(out != null ? out : loaded.outputDir());
        OutputTarget output = OutputTarget.of(loaded, specPath, out, null);
        OutputFolder.check(output);
        Path target = out != null ? out : loaded.outputDir();
        Path cacheDir = cacheDir(target);
        Stamped known = early.join();
        if (!cacheDir.equals(known.cacheDir())) {
            known = Stamped.of(cacheDir);
        }
        FileStamps stamps = known.stamps();
        UnitStore store = new UnitStore(cacheDir);
        Incremental.Outcome o = Incremental.estimate(loaded, specPath, progress, store, useCache, stamps, worker,
                known.code());
        Spec spec = o.spec();
        Results results = o.results();
        List<String> computed = new ArrayList<>(o.computed());
        List<Incremental.FigureOut> toDraw = o.figures().stream().filter(f -> f.files() == null).toList();
        long drawingSince = System.nanoTime();
        FigureDrawing drawing = FigureDrawing.start(toDraw.stream().map(Incremental.FigureOut::build).toList(),
                worker);
        String presentKey = UnitKeys.presentKey(o.base(), spec, results, specPath.getFileName().toString());
        Incremental.PresentEntry shown = useCache ? store.read(presentKey, Incremental.PresentEntry.class) : null;
        Presented p = null;
        if (shown == null) {
            try {
                p = present(spec, specPath, results);
            } catch (RuntimeException | Error e) {
                drawing.checkBuilt();
                throw e;
            }
            shown = new Incremental.PresentEntry(digest(p.report()), p.ledger().csv(), ResultsJson.write(results));
            store.write(presentKey, shown);
            computed.add("report text");
        }
        drawing.checkBuilt();
        OutputFolder folder = OutputFolder.open(output, progress);
        String changed;
        try {
            folder.writeText("results.json", shown.resultsJson());
            folder.writeText("numbers.csv", shown.ledgerCsv());
            folder.write(org.reprise.changes.Snapshot.INPUTS + "/" + specPath.getFileName(),
                    readSpec(specPath));
            Map<String, byte[]> figureFiles = figures(o.figures(), drawing, drawingSince, folder, store, progress);
            String renderKey = UnitKeys.renderKey(o.base(), shown.reportDigest(), results.provenance().templates(),
                    figureFiles, String.valueOf(Provenances.sourceDateEpoch()));
            Incremental.FilesEntry rendered = useCache ? store.read(renderKey, Incremental.FilesEntry.class) : null;
            if (rendered != null) {
                for (Map.Entry<String, byte[]> f : rendered.files().entrySet()) {
                    folder.write(f.getKey(), f.getValue());
                }
            } else {
                if (p == null) {
                    p = present(spec, specPath, results);
                }
                Map<String, byte[]> before = RenderedFiles.read(folder.dir());
                Renderers.renderAll(p.report(), folder.dir(), templates(spec), progress, worker);
                store.write(renderKey, new Incremental.FilesEntry(RenderedFiles.added(folder.dir(), before)));
                computed.add("report files");
            }
            changed = ChangesFiles.write(folder, progress);
            folder.commit();
        } catch (RuntimeException | Error e) {
            folder.abandon();
            throw e;
        }
        store.flush();
        stamps.save();
        store.evict(UnitStore.maxBytes());
        int units = o.units() + 2;
        progress.info("cache: " + (useCache ? "reused " + (units - computed.size()) + " of " + units
                + " units" : "not read (--no-cache)") + "; computed: "
                + (computed.isEmpty() ? "nothing" : String.join(", ", computed)));
        progress.info("wrote " + target);
        if (changed != null) {
            progress.info(changed);
        }
    }

    /**
     * The file stamps of a cache folder and the fingerprint of Reprise's code, taken through them (from the stamps
     * when the jar is unchanged, else a digest of the jar's entries): taken on the worker while the spec is read,
     * for the cache folder the spec's default output folder has (checked once the spec is read).
     */
    private record Stamped(Path cacheDir, FileStamps stamps, String code) {
        static Stamped of(Path cacheDir) {
            FileStamps stamps = FileStamps.open(cacheDir);
            return new Stamped(cacheDir, stamps, UnitKeys.codeFingerprint(stamps));
        }
    }

    /** A digest of the report's text form (its records' components, every cell's text included). */
    static String digest(Report report) {
        return Hashes.sha256(report.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Where the cache of an output folder lives: {@code .reprise-cache/} beside it. */
    static Path cacheDir(Path outputFolder) {
        Path abs = outputFolder.toAbsolutePath().normalize();
        return abs.getParent().resolve(".reprise-cache");
    }

    /**
     * Writes the figures (cached files, or drawn by {@code drawing} and then stored); returns every figure file by
     * name.
     */
    private static Map<String, byte[]> figures(List<Incremental.FigureOut> figures, FigureDrawing drawing,
                                              long since, OutputFolder folder, UnitStore store, Progress progress) {
        Map<String, byte[]> all = new java.util.TreeMap<>();
        List<Incremental.FigureOut> draw = new ArrayList<>();
        for (Incremental.FigureOut f : figures) {
            if (f.files() != null) {
                for (Map.Entry<String, byte[]> e : f.files().entrySet()) {
                    folder.write("figures/" + e.getKey(), e.getValue());
                    all.put(e.getKey(), e.getValue());
                }
            } else {
                draw.add(f);
            }
        }
        List<org.reprise.figure.FigureWriter.Drawn> drawn = drawing.finish();
        if (!draw.isEmpty()) {
            Path dir = folder.resolve("figures");
            for (org.reprise.figure.FigureWriter.Drawn d : drawn) {
                org.reprise.figure.FigureWriter.save(d, dir);
            }
            progress.done("drawing " + draw.size() + " figures (png, svg)", since);
            for (int i = 0; i < draw.size(); i++) {
                Incremental.FigureOut f = draw.get(i);
                org.reprise.figure.FigureWriter.Drawn d = drawn.get(i);
                Map<String, byte[]> bytes = new java.util.LinkedHashMap<>();
                bytes.put(d.name() + ".png", d.png());
                bytes.put(d.name() + ".svg", d.svg());
                all.putAll(bytes);
                if (f.key() != null) {
                    store.write(f.key(), new Incremental.FilesEntry(bytes));
                }
            }
        }
        return all;
    }

    private static byte[] readSpec(Path specPath) {
        try {
            return java.nio.file.Files.readAllBytes(specPath);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static void validate(Path specPath, Progress progress) {
        Sources.Loaded loaded = Sources.load(progress.step("reading " + specPath, () -> SpecLoader.load(specPath)),
                progress);
        Spec spec = loaded.spec();
        Map<String, Dataset> data = loaded.data();
        for (int i = 0; i < spec.models().size(); i++) {
            frame(spec, data, i);
        }
        for (int i = 0; i < spec.matching().size(); i++) {
            var ms = spec.matching().get(i);
            var prepared = Matchings.prepare(spec, ms, i, data);
            TeffectsRuns.columns(spec, ms, "/matching/" + i, data.get(ms.data()), prepared.frame());
        }
        for (int i = 0; i < spec.did().size(); i++) {
            for (String o : spec.did().get(i).outcomes()) {
                Dids.prepare(spec, spec.did().get(i), i, data, o);
            }
        }
        for (TableSpec t : spec.tables()) {
            if (t.kind() == TableKind.DESCRIPTIVE) {
                describe(spec, t, data);
            }
        }
    }

    public static Computed compute(Path specPath, Progress progress) {
        Estimated e = estimate(progress.step("reading " + specPath, () -> SpecLoader.load(specPath)), specPath,
                progress);
        Spec spec = e.spec();
        Presented p = present(spec, specPath, e.results());
        List<org.reprise.figure.Figure> figures = FigureBuilder.build(spec, e.results(), e.data(), e.scores());
        return new Computed(spec, e.data(), e.results(), p.report(), figures, p.ledger());
    }

    /**
     * Estimation only (no report, figures or files), for a spec already loaded and possibly changed in code:
     * what {@code reprise montecarlo} runs on each simulated dataset.
     */
    public static Results estimateOnly(Spec spec, Path specPath, Progress progress) {
        return estimate(spec, specPath, progress).results();
    }

    /** What estimation produced: the data after every step, the results, and what the score figures need. */
    record Estimated(Spec spec, Map<String, Dataset> data, Results results, List<Matchings.Scores> scores) {
    }

    /** The report and the ledger, built from the spec and the results alone. */
    record Presented(Report report, org.reprise.ledger.Ledger ledger) {
    }

    static Estimated estimate(Spec given, Path specPath, Progress progress) {
        Sources.Loaded loaded = Sources.load(given, progress);
        Spec spec = loaded.spec();
        Map<String, Dataset> data = loaded.data();
        List<Estimate> estimates = new ArrayList<>(loaded.estimates());
        for (int i = 0; i < spec.models().size(); i++) {
            ModelSpec m = spec.models().get(i);
            int index = i;
            Estimate fitted = progress.step("estimating " + m.id() + " (" + m.method().word() + ")",
                    () -> Sources.located(spec, "/models/" + index, () -> Estimators.fit(spec, m,
                            frame(spec, data, index))));
            for (String note : fitted.notes()) {
                progress.warn(spec.locate("/models/" + index) + ": model `" + m.id() + "`: " + note);
            }
            estimates.add(fitted);
        }
        List<org.reprise.results.BalanceResult> balance = new ArrayList<>();
        List<Matchings.Scores> scores = new ArrayList<>();
        for (int i = 0; i < spec.matching().size(); i++) {
            var ms = spec.matching().get(i);
            int index = i;
            List<String> warnings = progress.step("matching " + ms.id() + " (" + ms.methods().size() + " methods)",
                    () -> Sources.located(spec, "/matching/" + index,
                            () -> Matchings.run(spec, ms, index, data, estimates, balance, scores)));
            for (String note : warnings) {
                progress.warn(spec.locate("/matching/" + index) + ": matching `" + ms.id() + "`: " + note);
            }
        }
        for (int i = 0; i < spec.did().size(); i++) {
            var ds = spec.did().get(i);
            int index = i;
            int before = estimates.size();
            progress.step("difference in differences " + ds.id() + (ds.isKernel() ? " (kernel)" : ""),
                    () -> Dids.run(spec, ds, index, data, estimates));
            for (Estimate e : estimates.subList(before, estimates.size())) {
                if (e.method().startsWith("diff") && !e.method().equals("diff_test")) {
                    for (String note : e.notes()) {
                        progress.warn(spec.locate("/did/" + index) + ": DID `" + e.id() + "`: " + note);
                    }
                }
            }
        }
        List<Descriptives> descriptives = new ArrayList<>();
        for (TableSpec t : spec.tables()) {
            if (t.kind() == TableKind.DESCRIPTIVE) {
                descriptives.add(describe(spec, t, data));
            }
        }
        Results results = new Results(Provenances.of(spec, specPath, templates(spec)), estimates, descriptives,
                loaded.vulnerability(), balance);
        return new Estimated(spec, data, results, scores);
    }

    static Presented present(Spec spec, Path specPath, Results results) {
        List<org.reprise.narrative.Sentence> sentences = new ArrayList<>();
        Report report = ReportBuilder.build(spec, results, null, specPath.getFileName().toString(), sentences);
        org.reprise.ledger.Ledger ledger = org.reprise.ledger.Ledger.of(report, results);
        for (int i = 0; i < sentences.size(); i++) {
            for (var use : sentences.get(i).numbers()) {
                ledger.add("text:sentence " + (i + 1), use);
            }
        }
        return new Presented(report, ledger);
    }

    static ModelFrame frame(Spec spec, Map<String, Dataset> data, int index) {
        ModelSpec m = spec.models().get(index);
        Dataset d = data.get(m.data());
        try {
            return ModelFrame.build(d, m.outcome(), m.terms(), m.constant(), m.hasWeights() ? m.weights() : null,
                    m.cluster(), m.absorb(), m.condition().isEmpty() ? null : m.condition());
        } catch (org.reprise.UserError e) {
            throw new org.reprise.UserError(spec.locate(pointerOf(m, index, e.getMessage())) + ": model `" + m.id()
                    + "`: " + e.getMessage(), e);
        }
    }

    /** The spec key the data layer's message is about: the first term or variable it quotes. */
    static String pointerOf(ModelSpec m, int index, String message) {
        String mp = "/models/" + index;
        for (int j = 0; j < m.terms().size(); j++) {
            if (message.contains("'" + m.terms().get(j) + "'")) {
                return mp + "/terms/" + j;
            }
        }
        if (message.contains("'" + m.outcome() + "'")) {
            return mp + "/outcome";
        }
        if (m.hasWeights() && message.contains("'" + m.weights() + "'")) {
            return mp + "/weights";
        }
        for (int j = 0; j < m.cluster().size(); j++) {
            if (message.contains("'" + m.cluster().get(j) + "'")) {
                return mp + "/cluster/" + j;
            }
        }
        for (int j = 0; j < m.absorb().size(); j++) {
            if (message.contains("'" + m.absorb().get(j) + "'")) {
                return mp + "/absorb/" + j;
            }
        }
        if (!m.condition().isEmpty() && (message.contains("if") || message.contains("expression"))) {
            return mp + "/if";
        }
        return mp;
    }

    static Descriptives describe(Spec spec, TableSpec t, Map<String, Dataset> data) {
        Dataset d = data.get(t.data());
        String at = spec.tablePointer(t.id()) + "/variables";
        List<String> vars = new ArrayList<>(t.variables());
        if (vars.isEmpty()) {
            for (Column c : d.columns()) {
                if (c instanceof NumericColumn) {
                    vars.add(c.name());
                }
            }
        }
        List<Summary> rows = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            String v = vars.get(i);
            if (!d.has(v)) {
                throw spec.errorAt(at + "/" + i, "table `" + t.id() + "` lists `" + v + "`, which is not a column of "
                        + spec.source(t.data()).file() + "." + Suggest.didYouMean(v, d.names())
                        + " Derived variables are defined under data: derive:.");
            }
            if (!(d.column(v) instanceof NumericColumn)) {
                throw spec.errorAt(at + "/" + i, "`" + v + "` holds text categories, so it has no mean or standard"
                        + " deviation. Describe a numeric variable instead, e.g. derive a 0/1 dummy per category.");
            }
            rows.add(Describe.of(d.column(v)));
        }
        return new Descriptives(t.id(), t.data(), rows);
    }

    static TemplateSource templates(Spec spec) {
        return TemplateSource.of(spec.templatesDir().orElseGet(() -> spec.baseDir().resolve("templates")));
    }

    static String version() {
        return Version.get();
    }
}
