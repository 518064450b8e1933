package org.reprise.results;

import org.reprise.estimate.balance.BalanceTable;

/**
 * A balance test (Stata's pstest, both) of a matching analysis, stored in results.json under "balance".
 *
 * @param id     the matching analysis
 * @param method the matching method whose weights define the matched sample
 * @param table  rows per covariate and the joint summary lines
 * @param smd    MatchIt-style standardised mean differences, the score ("distance") first
 */
public record BalanceResult(String id, String method, BalanceTable table,
                            java.util.List<org.reprise.estimate.balance.SmdRow> smd) implements java.io.Serializable {
}
