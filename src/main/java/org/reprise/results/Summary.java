package org.reprise.results;

/** Descriptive statistics of one variable over the non-missing rows (sd with n-1, as Stata's summarize). */
public record Summary(String variable, long n, double mean, double sd, double min, double max, double median) implements java.io.Serializable {

    /** A statistic by its spec name: n, mean, sd, min, max, median. */
    public double get(String stat) {
        return switch (stat) {
            case "n" -> n;
            case "mean" -> mean;
            case "sd" -> sd;
            case "min" -> min;
            case "max" -> max;
            case "median" -> median;
            default -> throw new IllegalArgumentException("unknown statistic " + stat);
        };
    }
}
