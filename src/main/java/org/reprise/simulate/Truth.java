package org.reprise.simulate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The oracle: generating parameters and the true effects, computed from the data-generating process, not
 * estimated. The ATT on Vul_k for a group is the mean, over treated households of that group in 2016, of
 * Φ((ln z_k − μ)/σ) − Φ((ln z_k − (μ − effect))/σ): true vulnerability with the programme minus without it.
 *
 * @param seed the seed
 * @param params the generating parameters
 * @param att oracle ATT per line (Vul1, Vul2, Vul3), treated in 2016
 * @param attAllTreatedRows the same averaged over all treated rows of both waves (2014 rows contribute 0)
 * @param vulMean mean true vulnerability per line over all rows
 * @param vulSd SD (n − 1) of true vulnerability per line over all rows
 * @param treatedHouseholds number of households with T = 1
 */
public record Truth(long seed, Params params, List<Att> att, List<Att> attAllTreatedRows, double[] vulMean,
                    double[] vulSd, int treatedHouseholds) {

    /**
     * One ATT by region group.
     *
     * @param full all treated
     * @param east treated in the east
     * @param centralWest treated in central and western China
     */
    public record Att(double full, double east, double centralWest) {
    }

    /** Computes the oracle for a generated panel. */
    public static Truth of(List<Row> rows, long seed, Params params) {
        double[] lines = params.lines().lines();
        Att[] att = new Att[3];
        Att[] attRows = new Att[3];
        double[] mean = new double[3];
        double[] sd = new double[3];
        for (int k = 0; k < 3; k++) {
            att[k] = att(rows, lines[k], true);
            attRows[k] = att(rows, lines[k], false);
            double sum = 0;
            double sumSq = 0;
            for (Row r : rows) {
                double v = r.vulnerability(lines[k]);
                sum += v;
                sumSq += v * v;
            }
            int n = rows.size();
            mean[k] = sum / n;
            sd[k] = Math.sqrt((sumSq - n * mean[k] * mean[k]) / (n - 1));
        }
        int treated = (int) rows.stream().filter(r -> r.t() == 1 && r.year() == 2014).count();
        return new Truth(seed, params, List.of(att), List.of(attRows), mean, sd, treated);
    }

    private static Att att(List<Row> rows, double line, boolean only2016) {
        double[] sum = new double[3];
        int[] n = new int[3];
        for (Row r : rows) {
            if (r.t() != 1 || (only2016 && r.year() != 2016)) {
                continue;
            }
            double d = r.vulnerability(line) - r.vulnerabilityWithoutEffect(line);
            int g = r.region().equals("east") ? 1 : 2;
            sum[0] += d;
            n[0]++;
            sum[g] += d;
            n[g]++;
        }
        return new Att(sum[0] / n[0], sum[1] / n[1], sum[2] / n[2]);
    }

    /** truth.json text: fixed key order, numbers in plain decimal notation, "\n" line ends. */
    public static String json(Truth truth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        Params p = truth.params();
        root.put("description", "Simulated CLDS-like panel; every value below comes from the data-generating"
                + " process (see data/README.md), none is estimated.");
        root.put("seed", truth.seed());
        root.put("households", p.households());
        root.put("rows", 2 * p.households());
        root.put("treated_households", truth.treatedHouseholds());

        ObjectNode lines = root.putObject("poverty_lines");
        PovertyLines pl = p.lines();
        lines.put("price_base", "yuan per person per year at 2014 prices");
        lines.put("ppp_2011_yuan_per_dollar", num(pl.ppp2011(), 6));
        lines.put("ppp_source", "World Bank ICP 2011, PPP conversion factor, private consumption, China (WDI PA.NUS.PRVT.PP)");
        lines.put("cpi_2011_to_2014", num(pl.cpi2011to2014(), 6));
        lines.put("cpi_2014_to_2016", num(pl.cpi2014to2016(), 6));
        lines.put("cpi_source", "NBS China Statistical Yearbook, CPI previous year = 100: 2012 102.6, 2013 102.6,"
                + " 2014 102.0, 2015 101.4, 2016 102.0");
        lines.put("national_line_2010_prices", num(pl.national2010(), 2));
        lines.put("national_line_factor_2010_to_2014", num(pl.nationalFactor2014(), 6));
        lines.put("national_line_source", "NBS: the 2300-yuan (2010 prices) rural line is 2800 yuan in 2014");
        lines.put("days_per_year", num(PovertyLines.DAYS, 0));
        lines.put("vul1_usd_1_90", num(pl.z1(), 4));
        lines.put("vul2_national", num(pl.z2(), 4));
        lines.put("vul3_usd_3_10", num(pl.z3(), 4));

        ObjectNode sel = root.putObject("selection");
        sel.put("model", "T = 1 if intercept + sum(coef * x_2014) + u > 0, u ~ N(0,1)");
        sel.put("intercept", num(p.selection().intercept(), 8));
        sel.set("coef", byCovariate(p.selection().coef()));

        ObjectNode inc = root.putObject("income");
        inc.put("model", "ln(income) = beta0 + sum(beta * x) + effect * T * P + e, e ~ N(0, theta0 + sum(theta * x))");
        inc.put("beta0", num(p.income().beta0(), 8));
        inc.set("beta", byCovariate(p.income().beta()));
        inc.put("theta0", num(p.income().theta0(), 8));
        inc.set("theta", byCovariate(p.income().theta()));
        inc.put("minimum_variance_on_support", num(p.income().minimumVariance(), 8));

        ObjectNode eff = root.putObject("programme_effect");
        eff.put("applies_to", "treated households (T = 1) in 2016 (P = 1), added to the mean of log income");
        eff.put("east", num(p.income().effectEast(), 8));
        eff.put("central", num(p.income().effectCentralWest(), 8));
        eff.put("west", num(p.income().effectCentralWest(), 8));

        String[] names = {"vul1", "vul2", "vul3"};
        ObjectNode oracle = root.putObject("oracle_att");
        oracle.put("definition", "mean over treated households in 2016 of true vulnerability with the programme"
                + " effect minus without it");
        ObjectNode pooled = root.putObject("oracle_att_all_treated_rows");
        pooled.put("definition", "the same difference averaged over treated rows of both waves (2014 rows are 0)");
        ObjectNode vul = root.putObject("true_vulnerability");
        vul.put("definition", "Phi((ln z - mean)/sqrt(variance)) per row, over all rows");
        for (int k = 0; k < 3; k++) {
            oracle.set(names[k], att(truth.att().get(k)));
            pooled.set(names[k], att(truth.attAllTreatedRows().get(k)));
            ObjectNode v = vul.putObject(names[k]);
            v.put("mean", num(truth.vulMean()[k], 6));
            v.put("sd", num(truth.vulSd()[k], 6));
        }

        ObjectMapper mapper = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(indent).withArrayIndenter(indent);
        try {
            return mapper.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("truth.json could not be written", e);
        }
    }

    private static ObjectNode att(Att a) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("full", num(a.full(), 6));
        o.put("east", num(a.east(), 6));
        o.put("central_west", num(a.centralWest(), 6));
        return o;
    }

    private static ObjectNode byCovariate(double[] v) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (int j = 0; j < v.length; j++) {
            o.put(Params.COVARIATES.get(j), num(v[j], 8));
        }
        return o;
    }

    /** The value rounded to {@code scale} decimals, trailing zeros dropped, never in exponent form. */
    static BigDecimal num(double v, int scale) {
        BigDecimal b = new BigDecimal(v).setScale(scale, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0) : b;
    }

}
