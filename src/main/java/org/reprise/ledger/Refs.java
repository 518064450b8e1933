package org.reprise.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.reprise.results.Descriptives;
import org.reprise.results.Estimate;
import org.reprise.results.Results;
import org.reprise.results.Summary;
import org.reprise.results.Term;
import org.reprise.results.VulnerabilityResult;
import org.reprise.spec.Suggest;

/**
 * Resolves a ref (the address of one number in results.json, as {@code Table.Cell.ref} writes it) to its
 * full-precision value. The forms:
 * <ul>
 * <li>{@code estimates/<id>/nobs}</li>
 * <li>{@code estimates/<id>/stats/<key>} (r2, r2_within, rmse, ...)</li>
 * <li>{@code estimates/<id>/terms/<term>/<field>}, field one of estimate, std_error, statistic, p_value,
 * conf_low, conf_high</li>
 * <li>{@code descriptives/<table id>/<variable>/<stat>}, stat one of n, mean, sd, min, max, median</li>
 * <li>{@code vulnerability/<id>/n}, {@code .../non_positive_variances}, {@code .../threshold}</li>
 * <li>{@code vulnerability/<id>/<column>/<field>}, field one of z, mean, incidence, share_high, share_low, n</li>
 * </ul>
 * A ref that does not resolve comes back with a plain-words reason ("no estimate with id did9").
 */
public final class Refs {
    /** Term fields, in results.json order. */
    public static final List<String> TERM_FIELDS = List.of("estimate", "std_error", "statistic", "p_value",
            "conf_low", "conf_high");
    /** Descriptive statistics. */
    public static final List<String> SUMMARY_STATS = List.of("n", "mean", "sd", "min", "max", "median");
    /** Per-line vulnerability fields. */
    public static final List<String> LINE_FIELDS = List.of("z", "mean", "incidence", "share_high", "share_low", "n");
    /** Step-level vulnerability fields. */
    public static final List<String> STEP_FIELDS = List.of("n", "non_positive_variances", "threshold");
    private static final List<String> ROOTS = List.of("estimates", "descriptives", "vulnerability", "balance");

    private Refs() {
    }

    /**
     * The outcome of resolving one ref: its value (NaN when results.json holds null there, e.g. an omitted term's
     * standard error), or {@code problem}, the reason it does not resolve.
     */
    public record Lookup(String ref, double value, String problem) {
        public boolean found() {
            return problem == null;
        }
    }

    /** The value at {@code ref}; throws IllegalArgumentException with the reason when it does not resolve. */
    public static double resolve(Results results, String ref) {
        Lookup l = lookup(results, ref);
        if (!l.found()) {
            throw new IllegalArgumentException("ref " + ref + ": " + l.problem());
        }
        return l.value();
    }

    /** Resolves {@code ref} without throwing. */
    public static Lookup lookup(Results results, String ref) {
        if (ref == null || ref.isBlank()) {
            return miss(ref, "the ref is empty");
        }
        String r = ref.strip();
        int slash = r.indexOf('/');
        String root = slash < 0 ? r : r.substring(0, slash);
        String rest = slash < 0 ? "" : r.substring(slash + 1);
        return switch (root) {
            case "estimates" -> estimate(results, r, rest);
            case "descriptives" -> descriptive(results, r, rest);
            case "vulnerability" -> vulnerability(results, r, rest);
            case "balance" -> balance(results, r, rest);
            default -> miss(r, "a ref starts with estimates/, descriptives/, vulnerability/ or balance/, not `" + root
                    + "`."
                    + Suggest.didYouMean(root, ROOTS));
        };
    }

    private static Lookup estimate(Results results, String ref, String rest) {
        String[] p = rest.split("/", 2);
        String id = p[0];
        Estimate e = results.estimate(id);
        if (e == null) {
            List<String> ids = new ArrayList<>();
            results.estimates().forEach(x -> ids.add(x.id()));
            return miss(ref, "no estimate with id " + id + " (there are: " + list(ids) + ")."
                    + Suggest.didYouMean(id, ids));
        }
        String tail = p.length > 1 ? p[1] : "";
        if (tail.equals("nobs")) {
            return hit(ref, e.nobs());
        }
        if (tail.startsWith("stats/")) {
            String key = tail.substring("stats/".length());
            Double v = e.stats().get(key);
            if (v == null) {
                return miss(ref, "estimate " + id + " has no statistic " + key + " (it has: "
                        + list(e.stats().keySet()) + ")." + Suggest.didYouMean(key, e.stats().keySet()));
            }
            return hit(ref, v);
        }
        if (tail.startsWith("terms/")) {
            String t = tail.substring("terms/".length());
            int last = t.lastIndexOf('/');
            if (last < 0) {
                return miss(ref, "a term ref ends with the term and a field, e.g. estimates/" + id + "/terms/"
                        + t + "/estimate.");
            }
            String name = t.substring(0, last);
            String field = t.substring(last + 1);
            Term term = e.term(name);
            if (term == null) {
                List<String> names = new ArrayList<>();
                e.terms().forEach(x -> names.add(x.term()));
                return miss(ref, "estimate " + id + " has no term " + name + " (it has: " + list(names) + ")."
                        + Suggest.didYouMean(name, names));
            }
            return switch (field) {
                case "estimate" -> hit(ref, term.estimate());
                case "std_error" -> hit(ref, term.stdError());
                case "statistic" -> hit(ref, term.statistic());
                case "p_value" -> hit(ref, term.pValue());
                case "conf_low" -> hit(ref, term.confLow());
                case "conf_high" -> hit(ref, term.confHigh());
                default -> miss(ref, "a term has no field " + field + " (fields: " + list(TERM_FIELDS) + ")."
                        + Suggest.didYouMean(field, TERM_FIELDS));
            };
        }
        return miss(ref, "after estimates/" + id + "/ comes nobs, stats/<key> or terms/<term>/<field>, not `"
                + tail + "`.");
    }

    private static Lookup descriptive(Results results, String ref, String rest) {
        String[] p = rest.split("/");
        List<String> ids = new ArrayList<>();
        results.descriptives().forEach(d -> ids.add(d.id()));
        Descriptives d = null;
        for (Descriptives x : results.descriptives()) {
            if (x.id().equals(p[0])) {
                d = x;
            }
        }
        if (d == null) {
            return miss(ref, "no descriptive table with id " + p[0] + " (there are: " + list(ids) + ")."
                    + Suggest.didYouMean(p[0], ids));
        }
        if (p.length != 3) {
            return miss(ref, "a descriptive ref reads descriptives/" + d.id() + "/<variable>/<stat>.");
        }
        List<String> vars = new ArrayList<>();
        Summary s = null;
        for (Summary x : d.rows()) {
            vars.add(x.variable());
            if (x.variable().equals(p[1])) {
                s = x;
            }
        }
        if (s == null) {
            return miss(ref, "descriptive table " + d.id() + " has no variable " + p[1] + " (it has: " + list(vars)
                    + ")." + Suggest.didYouMean(p[1], vars));
        }
        if (!SUMMARY_STATS.contains(p[2])) {
            return miss(ref, "no statistic " + p[2] + " (statistics: " + list(SUMMARY_STATS) + ")."
                    + Suggest.didYouMean(p[2], SUMMARY_STATS));
        }
        return hit(ref, s.get(p[2]));
    }

    private static Lookup vulnerability(Results results, String ref, String rest) {
        String[] p = rest.split("/");
        VulnerabilityResult v = results.vulnerability(p[0]);
        if (v == null) {
            List<String> ids = new ArrayList<>();
            results.vulnerability().forEach(x -> ids.add(x.id()));
            return miss(ref, "no vulnerability step with id " + p[0] + " (there are: " + list(ids) + ")."
                    + Suggest.didYouMean(p[0], ids));
        }
        if (p.length == 2) {
            return switch (p[1]) {
                case "n" -> hit(ref, v.n());
                case "non_positive_variances" -> hit(ref, v.nonPositive());
                case "non_positive_weights" -> hit(ref, v.nonPositiveWeights());
                case "threshold" -> hit(ref, v.threshold());
                default -> lineOrStepMiss(ref, v, p[1]);
            };
        }
        if (p.length != 3) {
            return miss(ref, "a vulnerability ref reads vulnerability/" + v.id() + "/<column>/<field> or"
                    + " vulnerability/" + v.id() + "/<n|non_positive_variances|threshold>.");
        }
        VulnerabilityResult.Line line = null;
        List<String> columns = new ArrayList<>();
        for (VulnerabilityResult.Line l : v.lines()) {
            columns.add(l.column());
            if (l.column().equals(p[1])) {
                line = l;
            }
        }
        if (line == null) {
            return miss(ref, "vulnerability step " + v.id() + " has no line " + p[1] + " (it has: " + list(columns)
                    + ")." + Suggest.didYouMean(p[1], columns));
        }
        return switch (p[2]) {
            case "z" -> hit(ref, line.z());
            case "mean" -> hit(ref, line.meanVul());
            case "incidence" -> hit(ref, line.incidence());
            case "share_high" -> hit(ref, line.shareHigh());
            case "share_low" -> hit(ref, line.shareLow());
            case "n" -> hit(ref, line.n());
            default -> miss(ref, "a vulnerability line has no field " + p[2] + " (fields: " + list(LINE_FIELDS)
                    + ")." + Suggest.didYouMean(p[2], LINE_FIELDS));
        };
    }

    private static Lookup lineOrStepMiss(String ref, VulnerabilityResult v, String what) {
        for (VulnerabilityResult.Line l : v.lines()) {
            if (l.column().equals(what)) {
                return miss(ref, "line " + what + " needs a field: vulnerability/" + v.id() + "/" + what
                        + "/<" + String.join("|", LINE_FIELDS) + ">.");
            }
        }
        return miss(ref, "vulnerability step " + v.id() + " has no field " + what + " (fields: " + list(STEP_FIELDS)
                + ", or a line's column then a field)." + Suggest.didYouMean(what, STEP_FIELDS));
    }

    private static String list(Iterable<String> items) {
        StringBuilder b = new StringBuilder();
        for (String s : items) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(s);
        }
        return b.length() == 0 ? "none" : b.toString();
    }

    /**
     * balance/&lt;id&gt;/&lt;variable&gt;/&lt;field&gt; (pstest rows), balance/&lt;id&gt;/smd/&lt;variable&gt;/&lt;field&gt;
     * (MatchIt rows), balance/&lt;id&gt;/{unmatched,matched}/&lt;field&gt; (joint test).
     */
    private static Lookup balance(Results results, String ref, String rest) {
        String[] p = rest.split("/");
        var b = p.length > 0 ? results.balance(p[0]) : null;
        if (b == null) {
            return miss(ref, "no balance test with id " + (p.length > 0 ? p[0] : "") + ".");
        }
        if (p.length == 3 && (p[1].equals("unmatched") || p[1].equals("matched"))) {
            var j = p[1].equals("unmatched") ? b.table().unmatched() : b.table().matched();
            return switch (p[2]) {
                case "pseudo_r2" -> hit(ref, j.pseudoR2());
                case "lr_chi2" -> hit(ref, j.lrChi2());
                case "p_chi2" -> hit(ref, j.pChi2());
                case "mean_bias" -> hit(ref, j.meanBias());
                case "median_bias" -> hit(ref, j.medianBias());
                case "rubin_b" -> hit(ref, j.rubinB());
                case "rubin_r" -> hit(ref, j.rubinR());
                case "pct_var" -> hit(ref, j.pctVarOutside());
                case "var_ratio_low" -> hit(ref, j.varRatioLow());
                case "var_ratio_high" -> hit(ref, j.varRatioHigh());
                default -> miss(ref, "no joint statistic " + p[2] + ".");
            };
        }
        if (p.length == 4 && p[1].equals("smd")) {
            for (var row : b.smd()) {
                if (row.variable().equals(p[2])) {
                    return switch (p[3]) {
                        case "mean_treated" -> hit(ref, row.meanTreated());
                        case "mean_control" -> hit(ref, row.meanControl());
                        case "smd_before" -> hit(ref, row.smdBefore());
                        case "mean_treated_matched" -> hit(ref, row.meanTreatedMatched());
                        case "mean_control_matched" -> hit(ref, row.meanControlMatched());
                        case "smd_after" -> hit(ref, row.smdAfter());
                        default -> miss(ref, "no SMD field " + p[3] + ".");
                    };
                }
            }
            return miss(ref, "no SMD row " + p[2] + ".");
        }
        if (p.length == 3) {
            for (var row : b.table().rows()) {
                if (row.variable().equals(p[1])) {
                    return switch (p[2]) {
                        case "mean_treated_u" -> hit(ref, row.meanTreatedU());
                        case "mean_control_u" -> hit(ref, row.meanControlU());
                        case "bias_u" -> hit(ref, row.biasU());
                        case "t_u" -> hit(ref, row.tU());
                        case "p_u" -> hit(ref, row.pU());
                        case "mean_treated_m" -> hit(ref, row.meanTreatedM());
                        case "mean_control_m" -> hit(ref, row.meanControlM());
                        case "bias_m" -> hit(ref, row.biasM());
                        case "reduction" -> hit(ref, row.reductionPct());
                        case "t_m" -> hit(ref, row.tM());
                        case "p_m" -> hit(ref, row.pM());
                        case "var_ratio_u" -> hit(ref, row.varRatioU());
                        case "var_ratio_m" -> hit(ref, row.varRatioM());
                        default -> miss(ref, "no balance field " + p[2] + ".");
                    };
                }
            }
            return miss(ref, "no balance row " + p[1] + ".");
        }
        return miss(ref, "a balance ref is balance/<id>/<variable>/<field>, balance/<id>/smd/<variable>/<field> or"
                + " balance/<id>/matched/<field>.");
    }

    private static Lookup hit(String ref, double v) {
        return new Lookup(ref, v, null);
    }

    private static Lookup miss(String ref, String why) {
        return new Lookup(ref, Double.NaN, why);
    }

    /** Every ref that resolves in {@code results}, in results.json order (for listings and suggestions). */
    public static List<String> all(Results results) {
        List<String> out = new ArrayList<>();
        for (Estimate e : results.estimates()) {
            String b = "estimates/" + e.id() + "/";
            out.add(b + "nobs");
            for (Term t : e.terms()) {
                for (String f : TERM_FIELDS) {
                    out.add(b + "terms/" + t.term() + "/" + f);
                }
            }
            for (Map.Entry<String, Double> s : e.stats().entrySet()) {
                out.add(b + "stats/" + s.getKey());
            }
        }
        for (Descriptives d : results.descriptives()) {
            for (Summary s : d.rows()) {
                for (String f : SUMMARY_STATS) {
                    out.add("descriptives/" + d.id() + "/" + s.variable() + "/" + f);
                }
            }
        }
        for (VulnerabilityResult v : results.vulnerability()) {
            for (String f : STEP_FIELDS) {
                out.add("vulnerability/" + v.id() + "/" + f);
            }
            for (VulnerabilityResult.Line l : v.lines()) {
                for (String f : LINE_FIELDS) {
                    out.add("vulnerability/" + v.id() + "/" + l.column() + "/" + f);
                }
            }
        }
        return out;
    }
}
