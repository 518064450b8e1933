package org.reprise.results;

import java.util.List;

/** Everything a run computed: what results.json holds and every printed number comes from. */
public record Results(Provenance provenance, List<Estimate> estimates, List<Descriptives> descriptives,
                      List<VulnerabilityResult> vulnerability, List<BalanceResult> balance) implements java.io.Serializable {

    public Estimate estimate(String id) {
        for (Estimate e : estimates) {
            if (e.id().equals(id)) {
                return e;
            }
        }
        return null;
    }

    public BalanceResult balance(String id) {
        for (BalanceResult b : balance) {
            if (b.id().equals(id)) {
                return b;
            }
        }
        return null;
    }

    public VulnerabilityResult vulnerability(String id) {
        for (VulnerabilityResult v : vulnerability) {
            if (v.id().equals(id)) {
                return v;
            }
        }
        return null;
    }
}
