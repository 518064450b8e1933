package org.reprise.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Unit of a poverty line ({@code unit:}). {@link #PPP_PER_DAY}: international (PPP) dollars per person per day,
 * converted to local currency per year as value × 365 × ppp × price_index. {@link #PER_YEAR}: local currency per
 * person per year, times price_index (e.g. a line set at 2010 prices moved to the survey year's prices).
 */
public enum LineUnit implements Keyword {
    PPP_PER_DAY("ppp_per_day"), PER_YEAR("per_year");

    private final String word;

    LineUnit(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @JsonCreator
    static LineUnit of(String text) {
        return Keyword.parse(LineUnit.class, text, "poverty-line unit");
    }
}
