package org.reprise.spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.reprise.UserError;

/**
 * Semantic checks after binding, each reported at the offending line: required keys, unique ids, references,
 * keys that do not fit a table's type, safe paths, decimals and stars. Also fills the defaults that depend on other
 * keys or on the folder (a model's data source, a table's statistics, the report, the templates folder).
 */
final class SpecValidator {
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final List<String> DATA_EXTENSIONS = List.of(".csv", ".tsv", ".txt", ".tab", ".dat", ".dta");
    private static final List<String> DESCRIPTIVE_ONLY = List.of("data", "variables");
    private static final List<String> REGRESSION_ONLY = List.of("models", "groups", "terms", "drop", "indicators",
            "below", "narrative");
    private static final List<String> UNITS = List.of("probability", "share", "proportion", "rate", "log", "level");
    private static final int MAX_DECIMALS = 10;

    private final Locations where;
    private final Path baseDir;
    private final SpecPaths paths;

    SpecValidator(Locations where, Path baseDir) {
        this.where = where;
        this.baseDir = baseDir;
        this.paths = new SpecPaths(where, baseDir);
    }

    Spec validate(SpecYaml raw) {
        String title = required(raw.title(), "/title", "a title for the report, e.g. `title: \"My analysis\"`");
        noBlanks(raw.authors(), "/authors");
        long seed = raw.seed() == null ? 1L : raw.seed();
        StarsSpec stars = stars(raw.stars());
        String output = raw.output() == null ? "output" : raw.output();
        paths.subfolder(output, "/output");
        String templates = templates(raw.templates());

        List<DataSource> data = sources(raw.data());
        List<String> sourceNames = data.stream().map(DataSource::name).toList();
        List<ModelSpec> models = models(raw.models(), sourceNames);
        List<MatchingSpec> matching = matching(raw.matching(), sourceNames, models);
        List<TableSpec> tables = tables(raw.tables(), sourceNames, models, matching);
        List<FigureSpec> figures = figures(raw.figures(), data, matching, tables);
        List<Section> report = report(raw.report(), tables, figures);
        return new Spec(title, raw.authors(), raw.abstractText() == null ? "" : raw.abstractText(), seed, stars,
                output, templates, data, models, matching, tables, figures, report, baseDir, where);
    }

    // ---- top level ------------------------------------------------------------------------------------------

    private StarsSpec stars(StarsSpec s) {
        if (s == null) {
            return StarsSpec.DEFAULT;
        }
        if (!where.has("/stars/levels")) {
            throw missing("/stars", "levels", "the p-value thresholds, e.g. `levels: [0.10, 0.05, 0.01]`");
        }
        List<String> symbols = new ArrayList<>(s.symbols());
        if (!where.has("/stars/symbols")) {
            for (int i = 0; i < s.levels().size(); i++) {
                symbols.add("*".repeat(i + 1));
            }
        }
        if (symbols.size() != s.levels().size()) {
            throw where.error("/stars/symbols", "`stars` has " + s.levels().size() + " levels but " + symbols.size()
                    + " symbols. Give one symbol per level, in the same order.");
        }
        double previous = 1.0;
        for (int i = 0; i < s.levels().size(); i++) {
            double level = s.levels().get(i);
            String p = "/stars/levels/" + i;
            if (!(level > 0 && level < 1)) {
                throw where.error(p, "star level " + level + " must be between 0 and 1 (exclusive), e.g. 0.05.");
            }
            if (level >= previous) {
                throw where.error(p, "star levels must be strictly decreasing, e.g. `[0.10, 0.05, 0.01]`, but "
                        + level + " follows " + previous + ".");
            }
            previous = level;
            if (symbols.get(i).isBlank()) {
                throw where.error("/stars/symbols/" + i, "star symbol " + (i + 1) + " is empty. Give a symbol"
                        + " such as \"*\".");
            }
        }
        return new StarsSpec(s.levels(), symbols);
    }

    private String templates(String templates) {
        if (templates == null) {
            if (!Files.isDirectory(baseDir.resolve("templates"))) {
                return "";
            }
            paths.relative("templates", "", "the templates folder (used because it is next to the spec)");
            return "templates";
        }
        paths.relative(templates, "/templates", "the templates folder");
        if (!Files.isDirectory(baseDir.resolve(templates))) {
            throw where.error("/templates", "the templates folder `" + templates + "` does not exist next to the"
                    + " spec. Create it, fix the path, or remove `templates:` to use the built-in templates.");
        }
        return templates;
    }

    // ---- data -----------------------------------------------------------------------------------------------

    private List<DataSource> sources(List<DataSource> data) {
        if (data == null || data.isEmpty()) {
            String p = where.has("/data") ? "/data" : "";
            throw (p.isEmpty() ? missing("", "data", "the data file to read, e.g. `data: {file: data/panel.csv}`")
                    : where.error(p, "`data` is empty. Give at least one source with a `file:`."));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < data.size(); i++) {
            DataSource s = data.get(i);
            String sp = Spec.sourcePointer(where, i);
            checkId(s.name(), sp + "/name", "data source name");
            Integer first = seen.putIfAbsent(s.name(), i);
            if (first != null) {
                String hint = where.has(sp + "/name") ? " Give each source its own `name:`."
                        : " With more than one source, give each a `name:` (the default is `main`).";
                throw where.error(where.has(sp + "/name") ? sp + "/name" : sp, "data source name `" + s.name()
                        + "` is used twice." + hint);
            }
            source(s, sp);
        }
        return data;
    }

    private void source(DataSource s, String sp) {
        String file = required(s.file(), sp + "/file", "the data file, e.g. `file: data/panel.csv`");
        paths.relative(file, sp + "/file", "a data file");
        String lower = file.toLowerCase(Locale.ROOT);
        if (DATA_EXTENSIONS.stream().noneMatch(lower::endsWith)) {
            throw where.error(sp + "/file", "data file `" + file + "` has an unsupported type. Use a .csv, .tsv,"
                    + " .txt (delimited text) or .dta (Stata) file.");
        }
        Path resolved = baseDir.resolve(file).normalize();
        if (!Files.isRegularFile(resolved)) {
            throw where.error(sp + "/file", "data file `" + file + "` was not found (looked for " + resolved
                    + "). Paths are relative to the folder of " + where.file() + ".");
        }
        if (s.panel() != null) {
            required(s.panel().id(), sp + "/panel/id", "the unit identifier, e.g. `id: hhid`");
            required(s.panel().time(), sp + "/panel/time", "the time variable, e.g. `time: year`");
        }
        for (Map.Entry<String, VariableMeta> e : s.variables().entrySet()) {
            String unit = e.getValue().unit();
            if (!unit.isEmpty()) {
                String head = unit.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
                if (!UNITS.contains(head) || (!head.equals("level") && unit.strip().contains(" "))) {
                    throw where.error(sp + "/variables/" + Locations.escape(e.getKey()) + "/unit", "`" + unit
                            + "` is not a unit." + Suggest.didYouMean(head, UNITS) + " Write probability (effects in"
                            + " percentage points), log (effects in percent), level, or level with a word, e.g."
                            + " `level yuan`.");
                }
            }
        }
        noBlanks(s.missing(), sp + "/missing");
        noBlanks(s.categorical(), sp + "/categorical");
        Set<String> derived = new HashSet<>();
        for (int j = 0; j < s.derive().size(); j++) {
            Derived d = s.derive().get(j);
            String dp = sp + "/derive/" + j;
            checkId(required(d.name(), dp + "/name", "the new variable's name, e.g. `name: lninc`"), dp + "/name",
                    "derived variable name");
            required(d.expr(), dp + "/expr", "the expression, e.g. `expr: \"log(income)\"`");
            if (!derived.add(d.name())) {
                throw where.error(dp + "/name", "derived variable `" + d.name() + "` is defined twice. Give it a"
                        + " new name or remove one definition.");
            }
        }
        Set<String> steps = new HashSet<>();
        for (int j = 0; j < s.vulnerability().size(); j++) {
            vulnerability(s.vulnerability().get(j), sp + "/vulnerability/" + j, derived, steps);
        }
    }

    private void vulnerability(Vulnerability v, String vp, Set<String> names, Set<String> steps) {
        checkId(v.id(), where.has(vp + "/id") ? vp + "/id" : vp, "vulnerability step id");
        if (!steps.add(v.id())) {
            throw where.error(vp + "/id", "vulnerability step id `" + v.id() + "` is used twice. Give each step its"
                    + " own `id:`.");
        }
        required(v.income(), vp + "/income", "the income column in levels, e.g. `income: income`");
        if (v.covariates().isEmpty()) {
            throw missing(vp, "covariates", "the household characteristics X, e.g. `covariates: [age, edu]`");
        }
        noBlanks(v.covariates(), vp + "/covariates");
        if (v.lines().isEmpty()) {
            throw missing(vp, "lines", "at least one poverty line, e.g. `lines: [{name: Vul1, value: 1.90, unit:"
                    + " ppp_per_day, ppp: 3.506}]`");
        }
        if (!(v.threshold() > 0 && v.threshold() < 1)) {
            throw where.error(vp + "/threshold", "the vulnerability threshold must be a probability between 0 and 1"
                    + " (exclusive); the usual one is 0.5.");
        }
        for (int k = 0; k < v.lines().size(); k++) {
            PovertyLine l = v.lines().get(k);
            String lp = vp + "/lines/" + k;
            checkId(required(l.name(), lp + "/name", "the new column, e.g. `name: Vul1`"), lp + "/name",
                    "vulnerability column name");
            if (!names.add(l.name())) {
                throw where.error(lp + "/name", "column `" + l.name() + "` is defined twice in this data source."
                        + " Give each poverty line its own column name.");
            }
            if (l.value() == null) {
                throw missing(lp, "value", "the poverty line in its unit, e.g. `value: 1.90`");
            }
            if (l.unit() == null) {
                throw missing(lp, "unit", "`ppp_per_day` (PPP dollars a day) or `per_year` (local currency a year)");
            }
            if (!(l.value() > 0)) {
                throw where.error(lp + "/value", "a poverty line must be positive.");
            }
            if (l.unit() == LineUnit.PPP_PER_DAY && (l.ppp() == null || !(l.ppp() > 0))) {
                throw where.error(where.has(lp + "/ppp") ? lp + "/ppp" : lp, "a line in PPP dollars a day needs"
                        + " `ppp:`, the local currency per PPP dollar (e.g. 3.506 yuan, the World Bank's 2011 ICP"
                        + " private-consumption factor for China).");
            }
            if (l.priceIndex() != null && !(l.priceIndex() > 0)) {
                throw where.error(lp + "/price_index", "`price_index` must be positive (1 = no price change).");
            }
        }
    }

    // ---- models ---------------------------------------------------------------------------------------------

    private List<ModelSpec> models(List<ModelSpec> models, List<String> sources) {
        List<ModelSpec> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; models != null && i < models.size(); i++) {
            ModelSpec m = models.get(i);
            String mp = "/models/" + i;
            checkId(required(m.id(), mp + "/id", "a unique model id, e.g. `id: m1`"), mp + "/id", "model id");
            if (!ids.add(m.id())) {
                throw where.error(mp + "/id", "model id `" + m.id() + "` is used twice. Give each model its own"
                        + " id.");
            }
            String data = m.data() == null ? sources.get(0) : m.data();
            reference(data, sources, mp + "/data", "data source");
            required(m.outcome(), mp + "/outcome", "the dependent variable, e.g. `outcome: y`");
            noBlanks(m.terms(), mp + "/terms");
            noBlanks(m.absorb(), mp + "/absorb");
            noBlanks(m.cluster(), mp + "/cluster");
            cluster(m, mp);
            out.add(m.withData(data));
        }
        return out;
    }

    private void cluster(ModelSpec m, String mp) {
        int need = m.vcov().clusterVariables();
        int have = m.cluster().size();
        if (need == have) {
            return;
        }
        String vcov = m.vcov().word();
        if (need == 0) {
            throw where.error(mp + "/cluster", "model `" + m.id() + "` lists `cluster` variables but its vcov is `"
                    + vcov + "`. Set `vcov: cluster` (one variable) or `vcov: twoway` (two), or remove `cluster`.");
        }
        String example = need == 1 ? "`cluster: [hhid]`" : "`cluster: [hhid, year]`";
        String p = where.has(mp + "/cluster") ? mp + "/cluster" : mp + "/vcov";
        throw where.error(p, "model `" + m.id() + "` has `vcov: " + vcov + "`, which needs exactly " + need
                + " cluster variable" + (need == 1 ? "" : "s") + " but " + have + " given. Add " + example + ".");
    }

    // ---- tables ---------------------------------------------------------------------------------------------

    // ---- matching -------------------------------------------------------------------------------------------

    private List<MatchingSpec> matching(List<MatchingSpec> list, List<String> sources, List<ModelSpec> models) {
        List<MatchingSpec> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        models.forEach(m -> ids.add(m.id()));
        for (int i = 0; i < list.size(); i++) {
            MatchingSpec m = list.get(i);
            String mp = "/matching/" + i;
            checkId(required(m.id(), mp + "/id", "a unique id, e.g. `id: psm`"), mp + "/id", "matching id");
            if (!ids.add(m.id())) {
                throw where.error(mp + "/id", "id `" + m.id() + "` is already used by a model or another matching"
                        + " analysis. Give it its own id.");
            }
            String data = m.data() == null ? sources.get(0) : m.data();
            reference(data, sources, mp + "/data", "data source");
            required(m.treatment(), mp + "/treatment", "the 0/1 treatment variable, e.g. `treatment: T`");
            if (m.covariates().isEmpty()) {
                throw missing(mp, "covariates", "the score model's covariates, e.g. `covariates: [age, edu]`");
            }
            noBlanks(m.covariates(), mp + "/covariates");
            if (m.outcomes().isEmpty()) {
                throw missing(mp, "outcomes", "the outcome variables, e.g. `outcomes: [y]`");
            }
            noBlanks(m.outcomes(), mp + "/outcomes");
            if (!m.score().isMaximumLikelihood()) {
                throw where.error(mp + "/score", "the propensity score is a probit or logit model; write `score:"
                        + " probit` (psmatch2's default) or `score: logit`.");
            }
            if (m.methods().isEmpty()) {
                throw missing(mp, "methods", "one or more matching methods, e.g. `methods: [{id: nn1, method:"
                        + " nearest, k: 1}]`");
            }
            Set<String> methodIds = new HashSet<>();
            for (int j = 0; j < m.methods().size(); j++) {
                MatchMethodSpec mm = m.methods().get(j);
                String jp = mp + "/methods/" + j;
                checkId(required(mm.id(), jp + "/id", "an id for the method, e.g. `id: nn1`"), jp + "/id",
                        "method id");
                if (!methodIds.add(mm.id())) {
                    throw where.error(jp + "/id", "method id `" + mm.id() + "` is used twice in `" + m.id() + "`.");
                }
                if (mm.method() == null) {
                    throw missing(jp, "method", "nearest, radius or kernel");
                }
                if (mm.k() < 1) {
                    throw where.error(jp + "/k", "k, the number of neighbours, must be at least 1.");
                }
                if (mm.method() == MatchKind.RADIUS && (mm.caliper() == null || !(mm.caliper() > 0))) {
                    throw where.error(where.has(jp + "/caliper") ? jp + "/caliper" : jp, "radius matching needs a"
                            + " positive `caliper:`, e.g. `caliper: 0.01`.");
                }
                if (mm.caliper() != null && !(mm.caliper() > 0)) {
                    throw where.error(jp + "/caliper", "the caliper must be positive.");
                }
                if (!(mm.bandwidth() > 0)) {
                    throw where.error(jp + "/bandwidth", "the kernel bandwidth must be positive, e.g. 0.06.");
                }
            }
            teffects(m, mp, methodIds);
            if (!m.balance().isEmpty()) {
                reference(m.balance(), m.methods().stream().map(MatchMethodSpec::id).toList(), mp + "/balance",
                        "method of this matching analysis");
            }
            if (m.trim() != null && !(m.trim() > 0 && m.trim() < 100)) {
                throw where.error(mp + "/trim", "`trim` is the percent of treated units to drop where the controls"
                        + " are thinnest, between 0 and 100 (exclusive), e.g. `trim: 5`.");
            }
            if (m.ate() && m.methods().stream().anyMatch(x -> !x.replacement())) {
                throw where.error(mp + "/ate", "ATU and ATE need matching with replacement (psmatch2's ate); remove"
                        + " `ate: true` or `replacement: false`.");
            }
            if (m.replicates() < 2) {
                throw where.error(mp + "/replicates", "the bootstrap needs at least 2 replicates (500 is usual).");
            }
            if (m.did() != null) {
                required(m.did().post(), mp + "/did/post", "the 0/1 period variable, e.g. `post: P`");
                if (!(m.did().bandwidth() > 0)) {
                    throw where.error(mp + "/did/bandwidth", "the kernel bandwidth must be positive, e.g. 0.06.");
                }
            }
            out.add(m.withData(data));
        }
        return out;
    }

    /** A matching analysis' {@code teffects:} entries (docs/matching.md, "teffects"). */
    private void teffects(MatchingSpec m, String mp, Set<String> methodIds) {
        for (int j = 0; j < m.teffects().size(); j++) {
            MatchTeffectsSpec te = m.teffects().get(j);
            String jp = mp + "/teffects/" + j;
            checkId(required(te.id(), jp + "/id", "an id for the estimator, e.g. `id: te_ps`"), jp + "/id",
                    "teffects id");
            if (te.id().equals("average") || !methodIds.add(te.id())) {
                throw where.error(jp + "/id", "id `" + te.id() + "` is used twice in `" + m.id() + "` (methods and"
                        + " teffects entries share ids; `average` is taken). Give it its own id.");
            }
            if (te.estimator() == null) {
                throw missing(jp, "estimator", "psmatch (matching on the propensity score) or nnmatch (on"
                        + " covariates)");
            }
            if (!te.tmodel().isMaximumLikelihood()) {
                throw where.error(jp + "/tmodel", "teffects psmatch's treatment model is `logit` (its default) or"
                        + " `probit`.");
            }
            if (te.nneighbor() < 1) {
                throw where.error(jp + "/nneighbor", "nneighbor, the matches per unit, must be at least 1.");
            }
            int minNn = te.estimator() == TeffectsKind.PSMATCH ? 2 : 1;
            if (te.vceNn() < minNn) {
                throw where.error(jp + "/vce_nn", "vce_nn (Stata's vce(robust, nn(#))) must be at least " + minNn
                        + (minNn == 2 ? " for psmatch: its variances and covariances are taken over the unit and"
                        + " its nearest neighbours" : "") + "; Stata's default is 2.");
            }
            List<String> only = te.estimator() == TeffectsKind.PSMATCH
                    ? List.of("metric", "covariates", "ematch", "biasadj") : List.of("tmodel");
            for (String key : only) {
                if (where.has(jp + "/" + key)) {
                    throw where.keyError(jp + "/" + key, "`" + key + "` does not apply to teffects "
                            + te.estimator().word() + ". Remove it" + (key.equals("tmodel") ? " (nnmatch matches on"
                            + " covariates, without a treatment model)." : " (psmatch matches on the score of the"
                            + " analysis' covariates)."));
                }
            }
            noBlanks(te.covariates(), jp + "/covariates");
            noBlanks(te.ematch(), jp + "/ematch");
            noBlanks(te.biasadj(), jp + "/biasadj");
        }
    }

    private List<TableSpec> tables(List<TableSpec> tables, List<String> sources, List<ModelSpec> models,
                                   List<MatchingSpec> matching) {
        List<TableSpec> out = new ArrayList<>();
        List<String> modelIds = models.stream().map(ModelSpec::id).toList();
        Set<String> ids = new HashSet<>();
        java.util.Set<String> numbers = new java.util.HashSet<>();
        for (int i = 0; tables != null && i < tables.size(); i++) {
            TableSpec t = tables.get(i);
            String tp = "/tables/" + i;
            checkId(required(t.id(), tp + "/id", "a unique table id, e.g. `id: table1`"), tp + "/id", "table id");
            if (!ids.add(t.id())) {
                throw where.error(tp + "/id", "table id `" + t.id() + "` is used twice. Give each table its own"
                        + " id.");
            }
            if (t.kind() == null) {
                throw missing(tp, "type", "the kind of table: `type: descriptive` or `type: regression`");
            }
            decimals(t.decimals(), tp + "/decimals");
            noBlanks(t.notes(), tp + "/notes");
            tableNumber(t, tp, numbers);
            out.add(switch (t.kind()) {
                case DESCRIPTIVE -> descriptive(t, tp, sources);
                case REGRESSION -> regression(t, tp, modelIds, models);
                case VULNERABILITY -> vulnerabilityTable(t, tp, sources);
                case MATCHING, BALANCE, PSM_DID -> matchingTable(t, tp, matching);
            });
        }
        return out;
    }

    /** `number:` is a short label ("2", "A1", "S3"), used by one table only. */
    private void tableNumber(TableSpec t, String tp, java.util.Set<String> numbers) {
        if (!where.has(tp + "/number")) {
            return;
        }
        if (!t.number().matches("[A-Za-z0-9][A-Za-z0-9.-]{0,9}")) {
            throw where.error(tp + "/number", "table `" + t.id() + "` has `number: " + t.number() + "`; a table"
                    + " number is up to ten letters, digits, '.' or '-', starting with a letter or digit, e.g."
                    + " `number: 2` or `number: A1`.");
        }
        if (!numbers.add(t.number())) {
            throw where.error(tp + "/number", "table number " + t.number() + " is given to two tables. Give each"
                    + " table its own number, or leave `number:` out to number it after the table before it.");
        }
    }

    private TableSpec descriptive(TableSpec t, String tp, List<String> sources) {
        notAllowed(tp, REGRESSION_ONLY, "descriptive");
        notAllowed(tp, List.of("matching", "style"), "descriptive");
        String data = t.data().isEmpty() ? sources.get(0) : t.data();
        reference(data, sources, tp + "/data", "data source");
        if (t.variables().isEmpty()) {
            String p = where.has(tp + "/variables") ? tp + "/variables" : tp;
            throw where.error(p, "descriptive table `" + t.id() + "` needs `variables`: the rows in order, e.g."
                    + " `variables: [income, age]`.");
        }
        noBlanks(t.variables(), tp + "/variables");
        List<StatRow> stats = t.stats().isEmpty()
                ? List.of(StatRow.of("n"), StatRow.of("mean"), StatRow.of("sd"), StatRow.of("min"), StatRow.of("max"))
                : t.stats();
        stats(t.stats(), tp + "/stats", StatRow.DESCRIPTIVE_STATS, "descriptive");
        return t.withDataAndStats(data, stats);
    }

    private TableSpec matchingTable(TableSpec t, String tp, List<MatchingSpec> matching) {
        notAllowed(tp, List.of("models", "groups", "terms", "drop", "indicators", "variables", "stats",
                "data"), t.kind().word());
        if (t.kind() != TableKind.MATCHING) {
            notAllowed(tp, List.of("narrative"), t.kind().word());
        }
        List<String> ids = matching.stream().map(MatchingSpec::id).toList();
        if (t.matching().isEmpty()) {
            throw missing(tp, "matching", "the id of the matching analysis it shows, e.g. `matching: psm`");
        }
        reference(t.matching(), ids, tp + "/matching", "matching analysis");
        if (!t.style().isEmpty() && (t.kind() != TableKind.BALANCE || !List.of("pstest", "smd").contains(t.style()))) {
            throw where.error(tp + "/style", t.kind() == TableKind.BALANCE ? "`style` of a balance table is `pstest`"
                    + " (Stata's layout, the default) or `smd` (MatchIt's standardised mean differences)."
                    : "`style` applies to balance tables only.");
        }
        if (t.kind() == TableKind.PSM_DID && matching.get(ids.indexOf(t.matching())).did() == null) {
            throw where.error(tp + "/matching", "a psm_did table needs the matching analysis `" + t.matching()
                    + "` to have a `did:` block, e.g. `did: {post: P}`.");
        }
        return t.withDataAndStats("", List.of());
    }

    private TableSpec vulnerabilityTable(TableSpec t, String tp, List<String> sources) {
        notAllowed(tp, REGRESSION_ONLY, "vulnerability");
        notAllowed(tp, List.of("variables", "stats"), "vulnerability");
        String data = t.data().isEmpty() ? sources.get(0) : t.data();
        reference(data, sources, tp + "/data", "data source");
        return t.withDataAndStats(data, List.of());
    }

    private TableSpec regression(TableSpec t, String tp, List<String> modelIds, List<ModelSpec> models) {
        notAllowed(tp, DESCRIPTIVE_ONLY, "regression");
        notAllowed(tp, List.of("matching", "style"), "regression");
        if (t.models().isEmpty()) {
            String p = where.has(tp + "/models") ? tp + "/models" : tp;
            throw where.error(p, "regression table `" + t.id() + "` needs `models`: the model ids shown as columns,"
                    + " e.g. `models: [m1, m2]`.");
        }
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < t.models().size(); j++) {
            String id = t.models().get(j);
            reference(id, modelIds, tp + "/models/" + j, "model");
            if (!seen.add(id)) {
                throw where.error(tp + "/models/" + j, "model `" + id + "` appears twice in table `" + t.id()
                        + "`. List each model once.");
            }
        }
        groups(t, tp);
        Set<String> terms = new HashSet<>();
        for (int j = 0; j < t.terms().size(); j++) {
            String term = required(t.terms().get(j).term(), tp + "/terms/" + j + "/term", "the term's name");
            if (!terms.add(term)) {
                throw where.error(tp + "/terms/" + j, "term `" + term + "` is listed twice. List each term once.");
            }
        }
        noBlanks(t.drop(), tp + "/drop");
        for (int j = 0; j < t.drop().size(); j++) {
            if (terms.contains(t.drop().get(j))) {
                throw where.error(tp + "/drop/" + j, "term `" + t.drop().get(j) + "` is both listed in `terms`"
                        + " and dropped. Remove it from one of them.");
            }
        }
        indicators(t, tp);
        narrative(t, tp);
        List<StatRow> stats = t.stats();
        if (stats.isEmpty()) {
            List<StatRow> defaults = new ArrayList<>(List.of(StatRow.of("nobs")));
            List<ModelSpec> shown = models.stream().filter(m -> t.models().contains(m.id())).toList();
            if (shown.stream().anyMatch(m -> !m.method().isMaximumLikelihood())) {
                defaults.add(StatRow.of("r2"));
            }
            if (shown.stream().anyMatch(m -> m.method().isMaximumLikelihood())) {
                defaults.add(StatRow.of("pseudo_r2"));
            }
            stats = defaults;
        }
        stats(t.stats(), tp + "/stats", StatRow.FIT_STATS, "regression");
        return t.withDataAndStats("", stats);
    }

    private void groups(TableSpec t, String tp) {
        Map<String, Integer> column = new HashMap<>();
        for (int j = 0; j < t.models().size(); j++) {
            column.put(t.models().get(j), j);
        }
        Set<String> grouped = new HashSet<>();
        for (int g = 0; g < t.groups().size(); g++) {
            ColumnGroup group = t.groups().get(g);
            String gp = tp + "/groups/" + g;
            required(group.label(), gp + "/label", "the header text, e.g. `label: \"Full sample\"`");
            if (group.models().isEmpty()) {
                throw where.error(where.has(gp + "/models") ? gp + "/models" : gp, "column group `" + group.label()
                        + "` needs `models`: the adjacent columns it spans, e.g. `models: [m1, m2]`.");
            }
            List<Integer> cols = new ArrayList<>();
            for (int k = 0; k < group.models().size(); k++) {
                String id = group.models().get(k);
                String p = gp + "/models/" + k;
                reference(id, t.models(), p, "model of this table");
                if (!grouped.add(id)) {
                    throw where.error(p, "model `" + id + "` is in more than one column group. Each column can sit"
                            + " under one group header only.");
                }
                cols.add(column.get(id));
            }
            List<Integer> sorted = cols.stream().sorted().toList();
            if (!cols.equals(sorted) || sorted.get(sorted.size() - 1) - sorted.get(0) != sorted.size() - 1) {
                throw where.error(gp + "/models", "column group `" + group.label() + "` must span adjacent columns"
                        + " in table order. The table's columns are " + String.join(", ", t.models())
                        + "; list a consecutive run of them, in that order.");
            }
        }
    }

    private void narrative(TableSpec t, String tp) {
        String np = tp + "/narrative";
        noBlanks(t.narrative().terms(), np + "/terms");
        for (int j = 0; j < t.narrative().compare().size(); j++) {
            NarrativeSpec.Compare c = t.narrative().compare().get(j);
            String cp = np + "/compare/" + j;
            if (c.models().size() != 2) {
                throw where.error(where.has(cp + "/models") ? cp + "/models" : cp, "a comparison names exactly two"
                        + " columns of the table by model id, e.g. `{models: [east, west], independent: true}`.");
            }
            for (int k = 0; k < 2; k++) {
                reference(c.models().get(k), t.models(), cp + "/models/" + k, "model of this table");
            }
        }
    }

    private void indicators(TableSpec t, String tp) {
        for (int j = 0; j < t.indicators().size(); j++) {
            Indicator ind = t.indicators().get(j);
            String ip = tp + "/indicators/" + j;
            required(ind.label(), ip + "/label", "the row label, e.g. `label: \"Individual FE\"`");
            boolean hasAbsorb = where.has(ip + "/absorb");
            boolean hasValues = where.has(ip + "/values");
            if (hasAbsorb == hasValues) {
                throw where.error(ip, "indicator `" + ind.label() + "` needs exactly one of `absorb: variable`"
                        + " (Yes where the model absorbs it) or `values: [...]` (one entry per column).");
            }
            if (hasAbsorb) {
                required(ind.absorb(), ip + "/absorb", "the absorbed variable, e.g. `absorb: hhid`");
            } else if (ind.values().size() != t.models().size()) {
                throw where.error(ip + "/values", "indicator `" + ind.label() + "` has " + ind.values().size()
                        + (ind.values().size() == 1 ? " value" : " values") + " but the table has " + t.models().size() + " columns. Give one value per column.");
            }
        }
    }

    private void stats(List<StatRow> stats, String p, List<String> valid, String kind) {
        for (int j = 0; j < stats.size(); j++) {
            String sp = p + "/" + j;
            String name = stats.get(j).stat();
            String at = where.token(sp) == com.fasterxml.jackson.core.JsonToken.START_OBJECT ? sp + "/stat" : sp;
            required(name, at, "the statistic's name");
            if (!valid.contains(name)) {
                throw where.error(at, "`" + name + "` is not a statistic of " + kind + " tables."
                        + Suggest.didYouMean(name, valid) + " Write one of: " + String.join(", ", valid) + ".");
            }
        }
    }

    private void decimals(Decimals d, String p) {
        if (d.all() != null) {
            inRange(d.all(), p);
        }
        List<String> names = Decimals.names();
        for (Map.Entry<String, Integer> e : d.perStat().entrySet()) {
            String ep = p + "/" + Locations.escape(e.getKey());
            if (!names.contains(e.getKey())) {
                throw where.keyError(ep, "`" + e.getKey() + "` is not a statistic that `decimals` can set."
                        + Suggest.didYouMean(e.getKey(), names) + " Write one of: " + String.join(", ", names) + ".");
            }
            inRange(e.getValue(), ep);
        }
    }

    private void inRange(int places, String p) {
        if (places < 0 || places > MAX_DECIMALS) {
            throw where.error(p, "decimals must be a whole number from 0 to " + MAX_DECIMALS + ", but it is "
                    + places + ".");
        }
    }

    // ---- report ---------------------------------------------------------------------------------------------

    private List<Section> report(List<Section> report, List<TableSpec> tables, List<FigureSpec> figures) {
        List<String> ids = tables.stream().map(TableSpec::id).toList();
        List<String> figureIds = figures.stream().map(FigureSpec::id).toList();
        if (report == null || report.isEmpty()) {
            return ids.isEmpty() && figureIds.isEmpty() ? List.of() : List.of(new Section("", "", ids, figureIds));
        }
        for (int i = 0; i < report.size(); i++) {
            Section s = report.get(i);
            String sp = "/report/" + i;
            if (s.heading().isBlank() && s.text().isBlank() && s.tables().isEmpty() && s.figures().isEmpty()) {
                throw where.error(sp, "report section " + (i + 1) + " is empty. Give it a `heading`, `text`,"
                        + " `tables` or `figures`, or remove it.");
            }
            for (int j = 0; j < s.tables().size(); j++) {
                reference(s.tables().get(j), ids, sp + "/tables/" + j, "table");
            }
            for (int j = 0; j < s.figures().size(); j++) {
                reference(s.figures().get(j), figureIds, sp + "/figures/" + j, "figure");
            }
        }
        return report;
    }

    private List<FigureSpec> figures(List<FigureSpec> figures, List<DataSource> data, List<MatchingSpec> matching,
                                     List<TableSpec> tables) {
        List<FigureSpec> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        tables.forEach(t -> ids.add(t.id()));
        List<String> sources = data.stream().map(DataSource::name).toList();
        List<String> matchingIds = matching.stream().map(MatchingSpec::id).toList();
        for (int i = 0; i < figures.size(); i++) {
            FigureSpec f = figures.get(i);
            String fp = "/figures/" + i;
            checkId(required(f.id(), fp + "/id", "a unique id, e.g. `id: fig1`; it names the file"), fp + "/id",
                    "figure id");
            if (!ids.add(f.id())) {
                throw where.error(fp + "/id", "id `" + f.id() + "` is already used by a table or figure.");
            }
            if (f.type() == null) {
                throw missing(fp, "type", "score, love, coefficients or group_means");
            }
            if (f.type() == FigureKind.GROUP_MEANS) {
                String src = f.data().isEmpty() ? sources.get(0) : f.data();
                reference(src, sources, fp + "/data", "data source");
                required(f.outcome(), fp + "/outcome", "the variable averaged, e.g. `outcome: Vul1`");
                required(f.treatment(), fp + "/treatment", "the 0/1 group variable, e.g. `treatment: T`");
                DataSource ds = data.get(sources.indexOf(src));
                String time = !f.time().isEmpty() ? f.time() : ds.panel() != null ? ds.panel().time() : "";
                required(time, fp + "/time", "the wave variable, e.g. `time: year` (or declare `panel:` on the"
                        + " source)");
                out.add(f.with(src, time));
            } else {
                required(f.matching(), fp + "/matching", "the matching analysis, e.g. `matching: psm`");
                reference(f.matching(), matchingIds, fp + "/matching", "matching analysis");
                if (f.type() == FigureKind.COEFFICIENTS && !f.outcome().isEmpty()) {
                    reference(f.outcome(), matching.get(matchingIds.indexOf(f.matching())).outcomes(),
                            fp + "/outcome", "outcome of that matching analysis");
                }
                out.add(f);
            }
        }
        return out;
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** The value, or a located error: "missing required key" at the parent, or "is empty" at the key. */
    private String required(String value, String pointer, String what) {
        if (value != null && !value.isBlank()) {
            return value;
        }
        int cut = pointer.lastIndexOf('/');
        String key = pointer.substring(cut + 1);
        if (where.has(pointer)) {
            throw where.error(pointer, "`" + key + "`" + BindErrors.place(pointer) + " is empty. Give " + what
                    + ".");
        }
        throw missing(pointer.substring(0, cut), key, what);
    }

    private UserError missing(String parent, String key, String what) {
        String place = parent.isEmpty() ? " at the top level" : BindErrors.place(parent + "/" + key);
        return where.error(parent, "missing required key `" + key + "`" + place + ": " + what + ".");
    }

    private void checkId(String id, String pointer, String what) {
        if (!ID.matcher(id).matches()) {
            throw where.error(pointer, what + " `" + id + "` is not valid. Use a letter followed by letters, digits"
                    + " or underscores, e.g. `m1` or `baseline_ols`.");
        }
    }

    private void reference(String name, List<String> defined, String pointer, String what) {
        if (!defined.contains(name)) {
            throw where.error(pointer, what + " `" + name + "` is not defined." + Suggest.didYouMean(name, defined)
                    + " Defined: " + (defined.isEmpty() ? "none" : String.join(", ", defined)) + ".");
        }
    }

    private void noBlanks(List<String> values, String pointer) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).isBlank()) {
                throw where.error(pointer + "/" + i, "item " + (i + 1) + " of `" + pointer.substring(
                        pointer.lastIndexOf('/') + 1) + "` is empty text. Remove it or fill it in.");
            }
        }
    }

    private void notAllowed(String tp, List<String> keys, String kind) {
        for (String key : keys) {
            if (where.has(tp + "/" + key)) {
                throw where.keyError(tp + "/" + key, "`" + key + "` does not apply to " + kind + " tables. Remove"
                        + " it, or change `type`.");
            }
        }
    }
}
