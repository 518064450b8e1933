package org.reprise.montecarlo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reprise.results.Estimate;
import org.reprise.results.Results;
import org.reprise.simulate.Truth;

/**
 * Which estimate of results.json estimates which oracle of truth.json (docs/montecarlo.md lists every pair for the
 * default analysis). The rules, in one place:
 * <ul>
 *   <li>a regression whose outcome is Vul1, Vul2 or Vul3 and which has a term {@code PxT} (the DID models):
 *       term PxT estimates {@code oracle_att.vulK.full};</li>
 *   <li>a matching estimate {@code <matching>.<sample>.<method>.<VulK>} (methods and the average of the methods):
 *       term ATT estimates {@code oracle_att.vulK.<sample>} with sample {@code full}, {@code East} → {@code east},
 *       {@code Central-west} → {@code central_west} (the labels of the default analysis's {@code area});</li>
 *   <li>a PSM-DID estimate {@code <matching>.did.<VulK>}: term did estimates {@code oracle_att.vulK.full}.</li>
 * </ul>
 * Every other estimate (the VEP equations, the scores, other outcomes or samples) has no oracle.
 *
 * @param estimateId the results.json id
 * @param term the term of that estimate
 * @param truthKey the truth.json path, e.g. {@code oracle_att.vul1.east}
 */
public record Oracle(String estimateId, String term, String truthKey) {

    /** The pairs for the estimates of one run, in results.json order. */
    public static List<Oracle> of(Results results) {
        List<Oracle> out = new ArrayList<>();
        for (Estimate e : results.estimates()) {
            Oracle o = of(e);
            if (o != null) {
                out.add(o);
            }
        }
        return out;
    }

    static Oracle of(Estimate e) {
        String vul = vul(e.outcome());
        if (vul == null) {
            return null;
        }
        String[] parts = e.id().split("\\.");
        if (e.method().startsWith("psm_did") && e.term("did") != null) {
            return new Oracle(e.id(), "did", "oracle_att." + vul + ".full");
        }
        if (e.method().startsWith("psm") && parts.length == 4 && e.term("ATT") != null) {
            String sample = sample(parts[1]);
            return sample == null ? null : new Oracle(e.id(), "ATT", "oracle_att." + vul + "." + sample);
        }
        if (e.term("PxT") != null && !e.method().startsWith("psm")) {
            return new Oracle(e.id(), "PxT", "oracle_att." + vul + ".full");
        }
        return null;
    }

    private static String vul(String outcome) {
        if (outcome == null) {
            return null;
        }
        String o = outcome.toLowerCase(Locale.ROOT);
        return o.equals("vul1") || o.equals("vul2") || o.equals("vul3") ? o : null;
    }

    private static String sample(String key) {
        return switch (key) {
            case "full" -> "full";
            case "East" -> "east";
            case "Central-west" -> "central_west";
            default -> null;
        };
    }

    /** The oracle's value in a simulated dataset's truth. */
    public double value(Truth truth) {
        String[] k = truthKey.split("\\.");
        int line = Integer.parseInt(k[1].substring(3)) - 1;
        Truth.Att a = truth.att().get(line);
        return switch (k[2]) {
            case "full" -> a.full();
            case "east" -> a.east();
            case "central_west" -> a.centralWest();
            default -> throw new IllegalStateException("no oracle " + truthKey);
        };
    }
}
