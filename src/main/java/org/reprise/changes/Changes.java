package org.reprise.changes;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.reprise.changes.Comparison.Changed;

/** Compares two outputs: the ledger location is a printed number's identity. */
public final class Changes {
    private Changes() {
    }

    public static Comparison compare(Snapshot before, Snapshot after) {
        List<Changed> numbers = new ArrayList<>();
        List<Changed> stars = new ArrayList<>();
        List<Changed> signs = new ArrayList<>();
        List<Changed> counts = new ArrayList<>();
        List<String> appeared = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        for (Snapshot.Number n : after.ledger().values()) {
            Snapshot.Number o = before.ledger().get(n.location());
            if (o == null) {
                appeared.add(n.location());
                continue;
            }
            if (!o.printed().equals(n.printed())) {
                Changed c = new Changed(n.location(), o.printed(), n.printed(), inSes(o, n, after));
                numbers.add(c);
                if (n.ref().endsWith("/nobs")) {
                    counts.add(c);
                }
                if (sign(o.printed()) * sign(n.printed()) < 0) {
                    signs.add(c);
                }
            }
            String so = stars(before, o);
            String sn = stars(after, n);
            if (!so.equals(sn)) {
                stars.add(new Changed(n.location(), o.printed() + so, n.printed() + sn, ""));
            }
        }
        for (String l : before.ledger().keySet()) {
            if (!after.ledger().containsKey(l)) {
                gone.add(l);
            }
        }
        return new Comparison(numbers, stars, signs, counts, appeared, gone, sentences(before, after),
                inputs(before, after));
    }

    /** The stars the star rule gives an estimate's p-value (only cells that print an estimate carry stars). */
    static String stars(Snapshot s, Snapshot.Number n) {
        if (!n.ref().endsWith("/estimate")) {
            return "";
        }
        JsonNode t = s.term(n.ref());
        if (t == null || !t.path("p_value").isNumber()) {
            return "";
        }
        return s.stars().stars(t.path("p_value").asDouble());
    }

    /** (new − old) / SE of the new estimate, at two decimals, for an estimate whose SE results.json knows. */
    static String inSes(Snapshot.Number o, Snapshot.Number n, Snapshot after) {
        JsonNode t = n.ref().endsWith("/estimate") ? after.term(n.ref()) : null;
        if (t == null || !t.path("std_error").isNumber() || t.path("std_error").asDouble() <= 0) {
            return "";
        }
        try {
            double d = (Double.parseDouble(n.raw()) - Double.parseDouble(o.raw())) / t.path("std_error").asDouble();
            if (!Double.isFinite(d)) {
                return "";
            }
            String s = BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP).toPlainString();
            return d >= 0 ? "+" + s : s;
        } catch (NumberFormatException e) {
            return "";
        }
    }

    static int sign(String printed) {
        try {
            double v = Double.parseDouble(printed.replace("−", "-").replace(",", ""));
            return v > 0 ? 1 : v < 0 ? -1 : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Paragraphs at the same position whose text differs; extra paragraphs on either side. Nothing when one side
     * has no report.md text to compare (e.g. its report.md was deleted).
     */
    static List<Changed> sentences(Snapshot before, Snapshot after) {
        List<Changed> out = new ArrayList<>();
        List<String> a = before.paragraphs();
        List<String> b = after.paragraphs();
        if (a.isEmpty() || b.isEmpty()) {
            return out;
        }
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "";
            String y = i < b.size() ? b.get(i) : "";
            if (!x.equals(y)) {
                out.add(new Changed("paragraph " + (i + 1), x, y, ""));
            }
        }
        return out;
    }

    /** Reprise and Java versions, data file hashes, templates, spec keys. */
    static List<String> inputs(Snapshot before, Snapshot after) {
        List<String> out = new ArrayList<>();
        JsonNode p0 = before.results().path("provenance");
        JsonNode p1 = after.results().path("provenance");
        for (String k : List.of("reprise_version", "java_version", "seed")) {
            String x = p0.path(k).asText("");
            String y = p1.path(k).asText("");
            if (!x.equals(y)) {
                out.add(k.replace('_', ' ') + ": " + show(x) + " → " + show(y));
            }
        }
        Map<String, String> d0 = files(p0.path("data"));
        Map<String, String> d1 = files(p1.path("data"));
        TreeSet<String> names = new TreeSet<>(d0.keySet());
        names.addAll(d1.keySet());
        for (String f : names) {
            String x = d0.getOrDefault(f, "");
            String y = d1.getOrDefault(f, "");
            if (x.isEmpty()) {
                out.add("data file " + f + ": new");
            } else if (y.isEmpty()) {
                out.add("data file " + f + ": no longer read");
            } else if (!x.equals(y)) {
                out.add("data file " + f + ": changed (SHA-256 " + x.substring(0, Math.min(12, x.length())) + "… → "
                        + y.substring(0, Math.min(12, y.length())) + "…)");
            }
        }
        if (!p0.path("templates").path("sha256").asText("").equals(p1.path("templates").path("sha256").asText(""))) {
            out.add("templates: changed");
        }
        String s0 = p0.path("spec").path("sha256").asText("");
        String s1 = p1.path("spec").path("sha256").asText("");
        if (!s0.equals(s1)) {
            List<String> keys = specKeys(before.spec(), after.spec());
            String file = after.specFile().isEmpty() ? "the spec" : after.specFile();
            if (keys.isEmpty()) {
                out.add(file + ": changed (no copy of the earlier spec to compare keys, or only comments and"
                        + " layout changed)");
            }
            for (String k : keys) {
                out.add(file + " " + k);
            }
        }
        return out;
    }

    /** "`/models/0/vcov`: `classical` → `hc1`" for each key whose value changed, appeared or went away. */
    static List<String> specKeys(Map<String, String> a, Map<String, String> b) {
        List<String> out = new ArrayList<>();
        Map<String, String> all = new LinkedHashMap<>(a);
        b.forEach(all::putIfAbsent);
        for (String k : all.keySet()) {
            String x = a.get(k);
            String y = b.get(k);
            if (x == null) {
                out.add("`" + k + "`: added `" + y + "`");
            } else if (y == null) {
                out.add("`" + k + "`: removed (was `" + x + "`)");
            } else if (!x.equals(y)) {
                out.add("`" + k + "`: `" + x + "` → `" + y + "`");
            }
        }
        return out;
    }

    private static Map<String, String> files(JsonNode list) {
        Map<String, String> m = new LinkedHashMap<>();
        for (JsonNode f : list) {
            m.put(f.path("file").asText(), f.path("sha256").asText());
        }
        return m;
    }

    private static String show(String s) {
        return s.isEmpty() ? "(none)" : s;
    }
}
