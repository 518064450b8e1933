package org.reprise.spec;

/**
 * One poverty line and the vulnerability column it produces. {@code ppp} (local currency per PPP dollar) is needed
 * for {@link LineUnit#PPP_PER_DAY}; {@code priceIndex} (default 1) moves the line to the data's prices.
 *
 * @param name       the new column, e.g. Vul1
 * @param label      label for tables (may be empty)
 * @param value      the line in its unit, e.g. 1.90
 * @param unit       ppp_per_day or per_year
 * @param ppp        local currency per PPP dollar (null unless unit is ppp_per_day)
 * @param priceIndex price factor to the data's prices; null means 1
 */
public record PovertyLine(String name, String label, Double value, LineUnit unit, Double ppp, Double priceIndex) {
    public PovertyLine {
        label = Immutable.text(label);
    }

    /** The line in local currency per person per year at the data's prices. */
    public double perYear() {
        double index = priceIndex == null ? 1.0 : priceIndex;
        return unit == LineUnit.PPP_PER_DAY ? value * 365.0 * ppp * index : value * index;
    }
}
