package org.reprise.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.reprise.UserError;

/**
 * The arrays an estimator needs, built from a dataset and a model request: outcome, design matrix with
 * Stata-style column names, weights, cluster and absorb codes, after the if-condition and listwise deletion.
 *
 * @param y        outcome over the rows used
 * @param x        design matrix, column-major: x[j][i] = column j, observation i; {@code _cons} last if requested
 * @param names    column names: {@code age}, {@code c.age#c.age}, {@code 2.race}, {@code 2.race#c.age}, {@code _cons}
 * @param weights  weights over the rows used, or null
 * @param cluster  one code array per cluster variable, dense 0..G-1 over the rows used (in sorted value order)
 * @param absorb   one code array per absorbed variable, same coding
 * @param rows     indices into the dataset of the rows used, ascending
 * @param nMissing rows that passed the if-condition but were dropped for a missing value in a used variable
 * @param note     a sentence on the dropped rows (which variables), or "" if none
 */
public record ModelFrame(double[] y, double[][] x, String[] names, double[] weights, List<int[]> cluster,
                         List<int[]> absorb, int[] rows, int nMissing, String note) {

    /** Number of groups in a code array (max code + 1). */
    public static int groups(int[] codes) {
        int g = 0;
        for (int c : codes) {
            g = Math.max(g, c + 1);
        }
        return g;
    }

    /**
     * Builds the frame. Term syntax and rules: docs/data.md. {@code weights} and {@code ifExpr} may be null;
     * {@code cluster} and {@code absorb} may be null or empty.
     */
    public static ModelFrame build(Dataset d, String outcome, List<String> terms, boolean constant, String weights,
                                   List<String> cluster, List<String> absorb, String ifExpr) {
        return build(d, outcome, terms, constant, weights, cluster, absorb, ifExpr, false);
    }

    /**
     * As {@link #build}, but when no row is left out a continuous term's column in {@code x} is the dataset's own
     * array, not a copy (at 10 million rows each copy is 80 MB). For callers that only read the frame: writing to
     * such a column would change the dataset.
     */
    public static ModelFrame buildSharing(Dataset d, String outcome, List<String> terms, boolean constant,
                                          String weights, List<String> cluster, List<String> absorb, String ifExpr) {
        return build(d, outcome, terms, constant, weights, cluster, absorb, ifExpr, true);
    }

    private static ModelFrame build(Dataset d, String outcome, List<String> terms, boolean constant, String weights,
                                    List<String> cluster, List<String> absorb, String ifExpr, boolean share) {
        List<String> clusterVars = cluster == null ? List.of() : cluster;
        List<String> absorbVars = absorb == null ? List.of() : absorb;
        require(d, outcome, "outcome");
        if (d.column(outcome) instanceof CategoricalColumn cc) {
            String stray = TextCells.firstNonNumber(cc, d.source());
            String level = cc.levels().get(cc.levels().size() - 1);
            throw new UserError("outcome '" + outcome + "' is not numeric: it was read as text"
                    + (stray.isEmpty() ? "" : " because of " + stray) + ". If it should be a number, fix those cells"
                    + " or declare them missing (data: missing: [...]); if it is a category, derive a 0/1 outcome,"
                    + " e.g. derive: [{name: " + outcome + "_1, expr: \"" + outcome + " == '" + level
                    + "' ? 1 : 0\"}].");
        }
        if (weights != null) {
            require(d, weights, "weight variable");
            if (d.column(weights) instanceof CategoricalColumn) {
                throw new UserError("weight variable '" + weights + "' holds text categories; weights must be "
                        + "numbers.");
            }
        }
        for (String c : clusterVars) {
            require(d, c, "cluster variable");
        }
        for (String a : absorbVars) {
            require(d, a, "absorbed variable");
        }
        List<Terms.Term> parsed = Terms.parse(d, terms == null ? List.of() : terms);

        // the variables whose missing values drop a row, in the order they are named
        Set<String> used = new java.util.LinkedHashSet<>();
        used.add(outcome);
        for (Terms.Term t : parsed) {
            for (Terms.Part p : t.parts()) {
                used.add(p.var());
            }
        }
        if (weights != null) {
            used.add(weights);
        }
        used.addAll(clusterVars);
        used.addAll(absorbVars);

        int[] start = ifExpr == null || ifExpr.isBlank() ? allRows(d.rows()) : Filter.keep(d, ifExpr, "if condition");
        List<Column> usedCols = new ArrayList<>();
        for (String v : used) {
            usedCols.add(d.column(v));
        }
        int[] missingBy = new int[usedCols.size()];
        int[] rows = complete(start, usedCols, missingBy);
        int n = rows.length;
        int nMissing = start.length - n;
        String note = note(nMissing, new ArrayList<>(used), missingBy);
        if (n == 0) {
            throw new UserError("no observations are left to estimate the model of " + outcome + ": " + d.source()
                    + " has " + d.rows() + " rows" + (ifExpr == null || ifExpr.isBlank() ? "" : ", the if condition '"
                    + ifExpr + "' keeps " + start.length) + (nMissing > 0 ? ", and " + note : "") + ". Check the "
                    + "condition and the variables' missing values.");
        }

        double[] y = pick(((NumericColumn) d.column(outcome)).values(), rows);
        List<double[]> cols = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Terms.Term t : parsed) {
            keys.add(key(t.parts()));
        }
        for (Terms.Term t : parsed) {
            expand(d, t, keys, rows, cols, names, share && rows.length == d.rows());
        }
        if (constant) {
            double[] one = new double[n];
            java.util.Arrays.fill(one, 1.0);
            cols.add(one);
            names.add("_cons");
        }
        double[] w = null;
        if (weights != null) {
            w = pick(((NumericColumn) d.column(weights)).values(), rows);
            for (int i = 0; i < n; i++) {
                if (!(w[i] > 0) || Double.isInfinite(w[i])) {
                    throw new UserError("weight variable '" + weights + "' is " + (w[i] == 0 ? "zero" : w[i] < 0
                            ? "negative (" + w[i] + ")" : "infinite") + " at data row " + (rows[i] + 1)
                            + ". Analytic weights must be positive and finite; drop such rows with the model's `if:`,"
                            + " e.g. if: \"" + weights + " > 0\".");
                }
            }
        }
        List<int[]> cl = new ArrayList<>();
        for (String c : clusterVars) {
            cl.add(codes(d.column(c), rows));
        }
        List<int[]> ab = new ArrayList<>();
        for (String a : absorbVars) {
            ab.add(codes(d.column(a), rows));
        }
        finiteSquares(outcome, y, rows, d.source());
        for (int j = 0; j < cols.size(); j++) {
            finiteSquares(names.get(j), cols.get(j), rows, d.source());
        }
        return new ModelFrame(y, cols.toArray(new double[0][]), names.toArray(new String[0]), w, List.copyOf(cl),
                List.copyOf(ab), rows, nMissing, note);
    }

    /** Rows per chunk of the passes below that run in parallel. */
    private static final int CHUNK = 1 << 16;

    private static int chunks(int n) {
        return (n + CHUNK - 1) / CHUNK;
    }

    /**
     * The rows of start (in order) where no used column is missing; counts each column's missing values among
     * start's rows into missingBy. In chunks of rows in parallel: the kept rows are joined in chunk order and the
     * counts are integers, so the result is that of one loop over the rows.
     */
    private static int[] complete(int[] start, List<Column> usedCols, int[] missingBy) {
        Column[] cols = usedCols.toArray(new Column[0]);
        int chunks = chunks(start.length);
        int[][] keptBy = new int[chunks][];
        int[][] missingIn = new int[chunks][cols.length];
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, chunks);
        (chunks > 1 ? range.parallel() : range).forEach(c -> {
            int from = c * CHUNK;
            int to = Math.min(start.length, from + CHUNK);
            int[] kept = new int[to - from];
            int n = 0;
            for (int q = from; q < to; q++) {
                int r = start[q];
                boolean ok = true;
                for (int k = 0; k < cols.length; k++) {
                    if (cols[k].isMissing(r)) {
                        missingIn[c][k]++;
                        ok = false;
                    }
                }
                if (ok) {
                    kept[n++] = r;
                }
            }
            keptBy[c] = n == kept.length ? kept : java.util.Arrays.copyOf(kept, n);
        });
        int total = 0;
        for (int c = 0; c < chunks; c++) {
            total += keptBy[c].length;
            for (int k = 0; k < cols.length; k++) {
                missingBy[k] += missingIn[c][k];
            }
        }
        int[] rows = new int[total];
        int at = 0;
        for (int[] kept : keptBy) {
            System.arraycopy(kept, 0, rows, at, kept.length);
            at += kept.length;
        }
        return rows;
    }

    /**
     * True when every |v[i]| is below 1e140 (and none is NaN), checked in chunks in parallel. Then the sum of
     * squares in {@link #finiteSquares} is finite whatever the order: every square is below 1e280, and a rounded
     * running sum of at most 2^31 such terms stays below 2^31 * 1e280 * (1 + 2^-52)^(2^31) &lt; 2.2e289, far from
     * the overflow threshold 1.8e308. ModelFrameChecksTest compares the decision with the plain loop.
     */
    static boolean clearlyFiniteSquares(double[] v) {
        int chunks = chunks(v.length);
        boolean[] small = new boolean[chunks];
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, chunks);
        (chunks > 1 ? range.parallel() : range).forEach(c -> {
            double max = 0;
            for (int i = c * CHUNK, to = Math.min(v.length, (c + 1) * CHUNK); i < to; i++) {
                max = Math.max(max, Math.abs(v[i]));
            }
            small[c] = max < 1e140;
        });
        for (boolean b : small) {
            if (!b) {
                return false;
            }
        }
        return true;
    }

    /** Values so large that their squares overflow would make every estimator's sums infinite. */
    private static void finiteSquares(String name, double[] v, int[] rows, String source) {
        if (clearlyFiniteSquares(v)) {
            return; // the loop below would find the sum finite
        }
        double ss = 0;
        int big = 0;
        for (int i = 0; i < v.length; i++) {
            ss += v[i] * v[i];
            big = Math.abs(v[i]) > Math.abs(v[big]) ? i : big;
        }
        if (!Double.isFinite(ss)) {
            throw new UserError("'" + name + "' has values too large to estimate with (" + v[big] + " at data row "
                    + (rows[big] + 1) + " of " + source + "): their squares overflow double precision. Rescale the"
                    + " variable, e.g. derive it in thousands or millions, or take its log.");
        }
    }

    private static void require(Dataset d, String var, String role) {
        if (var == null || !d.has(var)) {
            throw new UserError(role + " '" + var + "' is not a variable in " + d.source() + "."
                    + Names.suggest(String.valueOf(var), d.names()));
        }
    }

    private static int[] allRows(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static double[] pick(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        if (rows.length > CHUNK) {
            java.util.Arrays.parallelSetAll(out, i -> v[rows[i]]);
        } else {
            for (int i = 0; i < rows.length; i++) {
                out[i] = v[rows[i]];
            }
        }
        return out;
    }

    private static String note(int nMissing, List<String> vars, int[] by) {
        if (nMissing == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(nMissing).append(nMissing == 1 ? " observation was" : " observations were")
                .append(" dropped because of missing values (");
        boolean first = true;
        for (int k = 0; k < vars.size(); k++) {
            if (by[k] > 0) {
                sb.append(first ? "" : ", ").append(vars.get(k)).append(": ").append(by[k]);
                first = false;
            }
        }
        return sb.append(")").toString();
    }

    /** Marginality key of a set of parts: variable and kind, order-free. */
    private static String key(List<Terms.Part> parts) {
        return parts.stream().map(Terms.Part::key).sorted().reduce((a, b) -> a + "#" + b).orElse("");
    }

    /** One factor's columns over the rows used: labels and indicator values, or the continuous values. */
    private record Piece(String name, double[] values) {
    }

    private static void expand(Dataset d, Terms.Term t, Set<String> keys, int[] rows, List<double[]> cols,
                               List<String> names, boolean share) {
        List<Terms.Part> parts = t.parts();
        boolean single = parts.size() == 1;
        List<List<Piece>> factors = new ArrayList<>();
        for (Terms.Part p : parts) {
            boolean omitBase;
            if (single) {
                omitBase = true;
            } else {
                List<Terms.Part> rest = new ArrayList<>(parts);
                rest.remove(p);
                omitBase = keys.contains(key(rest));
            }
            factors.add(pieces(d, p, rows, single, omitBase, share));
        }
        List<Piece> product = List.of(new Piece("", null));
        for (List<Piece> f : factors) {
            List<Piece> next = new ArrayList<>();
            for (Piece a : product) {
                for (Piece b : f) {
                    next.add(new Piece(a.name().isEmpty() ? b.name() : a.name() + "#" + b.name(),
                            a.values() == null ? b.values() : times(a.values(), b.values())));
                }
            }
            product = next;
        }
        Set<String> have = new HashSet<>(names);
        for (Piece p : product) {
            if (have.add(p.name())) {
                names.add(p.name());
                cols.add(p.values() == null ? new double[rows.length] : p.values());
            }
        }
    }

    private static double[] times(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * b[i];
        }
        return out;
    }

    private static List<Piece> pieces(Dataset d, Terms.Part p, int[] rows, boolean single, boolean omitBase,
                                      boolean share) {
        Column c = d.column(p.var());
        if (p.kind() == Terms.Kind.CONTINUOUS) {
            // all rows (ascending, so 0..n-1): the column itself when the caller only reads it
            double[] v = share ? ((NumericColumn) c).values() : pick(((NumericColumn) c).values(), rows);
            return List.of(new Piece(single ? p.var() : "c." + p.var(), v));
        }
        // level label -> rows (positions in the frame) where the factor takes it, in level order
        TreeMap<Double, String> numericLabels = new TreeMap<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        String[] labelOf = new String[rows.length];
        if (c instanceof NumericColumn nc) {
            for (int i = 0; i < rows.length; i++) {
                double v = nc.values()[rows[i]];
                if (v < 0 || v != Math.rint(v) || v > 1e15) {
                    throw new UserError("model term '" + p.var() + "': factor variables need non-negative whole "
                            + "numbers, but " + p.var() + " is " + v + " at data row " + (rows[i] + 1) + " (as in "
                            + "Stata). Use the variable as continuous, or derive a whole-number coding.");
                }
                String label = Long.toString((long) v);
                numericLabels.putIfAbsent(v, label);
                labelOf[i] = label;
            }
            for (String label : numericLabels.values()) {
                counts.put(label, new int[1]);
            }
        } else {
            CategoricalColumn cc = (CategoricalColumn) c;
            boolean[] present = new boolean[cc.levels().size()];
            for (int i = 0; i < rows.length; i++) {
                int code = cc.codes()[rows[i]];
                present[code] = true;
                labelOf[i] = cc.levels().get(code);
            }
            for (int k = 0; k < present.length; k++) {
                if (present[k]) {
                    counts.put(cc.levels().get(k), new int[1]);
                }
            }
        }
        for (String label : labelOf) {
            counts.get(label)[0]++;
        }
        List<String> levels = new ArrayList<>(counts.keySet());
        List<String> include;
        if (p.kind() == Terms.Kind.LEVEL) {
            if (!counts.containsKey(p.level())) {
                throw new UserError("model term '" + p.level() + "." + p.var() + "': " + p.var() + " never equals "
                        + p.level() + " in the estimation sample. Levels present: " + String.join(", ", levels) + ".");
            }
            include = List.of(p.level());
        } else {
            String base = omitBase ? base(p, levels, counts) : null;
            include = new ArrayList<>(levels);
            include.remove(base);
        }
        List<Piece> out = new ArrayList<>();
        for (String level : include) {
            double[] v = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                v[i] = level.equals(labelOf[i]) ? 1 : 0;
            }
            out.add(new Piece(level + "." + p.var(), v));
        }
        return out;
    }

    private static String base(Terms.Part p, List<String> levels, Map<String, int[]> counts) {
        switch (p.base()) {
            case NONE:
                return null;
            case LAST:
                return levels.get(levels.size() - 1);
            case FREQ: {
                String best = levels.get(0);
                for (String l : levels) {
                    if (counts.get(l)[0] > counts.get(best)[0]) {
                        best = l;
                    }
                }
                return best;
            }
            case VALUE:
                if (!counts.containsKey(p.level())) {
                    throw new UserError("model term 'ib" + p.level() + "." + p.var() + "': the base level "
                            + p.level() + " does not occur in the estimation sample. Levels present: "
                            + String.join(", ", levels) + ".");
                }
                return p.level();
            default:
                return levels.get(0);
        }
    }

    /** Dense codes 0..G-1 over the rows, in sorted value (or level) order. */
    static int[] codes(Column c, int[] rows) {
        int[] out = new int[rows.length];
        if (c instanceof NumericColumn nc) {
            TreeMap<Double, Integer> index = new TreeMap<>();
            for (int r : rows) {
                index.putIfAbsent(nc.values()[r], 0);
            }
            int k = 0;
            for (Map.Entry<Double, Integer> e : index.entrySet()) {
                e.setValue(k++);
            }
            for (int i = 0; i < rows.length; i++) {
                out[i] = index.get(nc.values()[rows[i]]);
            }
        } else {
            CategoricalColumn cc = (CategoricalColumn) c;
            int[] dense = new int[cc.levels().size()];
            java.util.Arrays.fill(dense, -1);
            for (int r : rows) {
                dense[cc.codes()[r]] = 0;
            }
            int k = 0;
            for (int j = 0; j < dense.length; j++) {
                if (dense[j] == 0) {
                    dense[j] = k++;
                }
            }
            for (int i = 0; i < rows.length; i++) {
                out[i] = dense[cc.codes()[rows[i]]];
            }
        }
        return out;
    }
}
