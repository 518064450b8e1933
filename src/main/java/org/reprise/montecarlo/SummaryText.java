package org.reprise.montecarlo;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** montecarlo.md and montecarlo.json: fixed layout, fixed decimals, no timestamps (same seed, same files). */
final class SummaryText {
    private SummaryText() {
    }

    static String markdown(Summary s) {
        MonteCarlo.Options o = s.options();
        StringBuilder b = new StringBuilder();
        b.append("# Monte Carlo: ").append(o.spec().getFileName()).append("\n\n");
        b.append("R = ").append(o.replications()).append(" datasets drawn from the simulator's data-generating process")
                .append(" (seed ").append(o.seed()).append("); matching standard errors: ")
                .append(o.se() == null ? "as in the spec" : o.se().word())
                .append(o.bootReplicates() == null ? "" : " (" + o.bootReplicates() + " bootstrap replicates)")
                .append(". Failed replications: ").append(s.failed()).append(".\n\n");
        if (s.firstFailure() != null) {
            b.append("First failure: ").append(s.firstFailure().replace("\n", " ")).append("\n\n");
        }
        b.append("| estimate | term | oracle (truth.json) | mean oracle | bias (MC SE) | RMSE (MC SE) | SD |")
                .append(" mean SE | mean SE / SD (MC SE) | coverage 95% (MC SE) | n |\n");
        b.append("| :--- | :--- | :--- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Summary.Line l : s.rows()) {
            b.append("| ").append(l.oracle().estimateId()).append(" | ").append(l.oracle().term()).append(" | ")
                    .append(l.oracle().truthKey()).append(" | ").append(f(l.meanOracle(), 4)).append(" | ")
                    .append(pair(l.bias(), l.biasMcse(), 4)).append(" | ")
                    .append(pair(l.rmse(), l.rmseMcse(), 4)).append(" | ")
                    .append(f(l.sd(), 4)).append(" | ").append(f(l.meanSe(), 4)).append(" | ")
                    .append(pair(l.seRatio(), l.seRatioMcse(), 2)).append(" | ")
                    .append(pair(l.coverage(), l.coverageMcse(), 3)).append(" | ")
                    .append(l.n()).append(" |\n");
        }
        b.append("\n*Bias, RMSE and SD of estimate − oracle, the oracle being that of each drawn dataset; coverage: share")
                .append(" of reported 95% intervals holding the oracle; MC SE: Monte Carlo standard error (docs/montecarlo.md).")
                .append(" Empty cells: the estimate reports no standard error.*\n");
        return b.toString();
    }

    static String json(Summary s) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        MonteCarlo.Options o = s.options();
        root.put("spec", o.spec().getFileName().toString());
        root.put("replications", o.replications());
        root.put("seed", o.seed());
        root.put("matching_se", o.se() == null ? "spec" : o.se().word());
        if (o.bootReplicates() != null) {
            root.put("bootstrap_replicates", o.bootReplicates());
        }
        root.put("failed", s.failed());
        if (s.firstFailure() != null) {
            root.put("first_failure", s.firstFailure());
        }
        ArrayNode rows = root.putArray("estimates");
        for (Summary.Line l : s.rows()) {
            ObjectNode r = rows.addObject();
            r.put("id", l.oracle().estimateId());
            r.put("term", l.oracle().term());
            r.put("oracle", l.oracle().truthKey());
            r.put("n", l.n());
            put(r, "mean_oracle", l.meanOracle());
            put(r, "mean_estimate", l.meanEstimate());
            put(r, "bias", l.bias());
            put(r, "bias_mcse", l.biasMcse());
            put(r, "rmse", l.rmse());
            put(r, "rmse_mcse", l.rmseMcse());
            put(r, "sd", l.sd());
            put(r, "mean_se", l.meanSe());
            put(r, "se_ratio", l.seRatio());
            put(r, "se_ratio_mcse", l.seRatioMcse());
            put(r, "coverage", l.coverage());
            put(r, "coverage_mcse", l.coverageMcse());
        }
        ObjectMapper mapper = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(indent).withArrayIndenter(indent);
        try {
            return mapper.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("montecarlo.json could not be written", e);
        }
    }

    /** 10 significant decimals in plain notation; null for NaN (no such number). */
    private static void put(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, new BigDecimal(v).setScale(10, RoundingMode.HALF_EVEN).stripTrailingZeros());
        } else {
            o.putNull(key);
        }
    }

    /** "value (MC SE)", or empty when there is no value. */
    private static String pair(double v, double mcse, int decimals) {
        return Double.isFinite(v) ? f(v, decimals) + " (" + f(mcse, decimals) + ")" : "";
    }

    private static String f(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return "";
        }
        return new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }
}
