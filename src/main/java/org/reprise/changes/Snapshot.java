package org.reprise.changes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.reprise.UserError;
import org.reprise.table.StarRule;

/**
 * What an output folder printed, as far as a comparison needs it: the ledger (numbers.csv), results.json (for
 * standard errors, p-values and provenance), the copy of the spec under {@code inputs/} (for its keys and star rule)
 * and the text paragraphs of report.md.
 *
 * @param ledger     location → printed number, in ledger order
 * @param results    results.json, or a missing node
 * @param specFile   the spec's file name ("" when the output has no copy)
 * @param spec       the spec's keys, flattened to JSON pointer → scalar text (empty without a copy)
 * @param stars      the spec's star rule (the default without a copy)
 * @param paragraphs the paragraphs of report.md that are neither headings nor tables
 */
public record Snapshot(Map<String, Number> ledger, JsonNode results, String specFile, Map<String, String> spec,
                       StarRule stars, List<String> paragraphs) {

    /** One row of numbers.csv. */
    public record Number(String location, String printed, String raw, int decimals, String ref) {
    }

    /** The folder where a run keeps the copy of its spec. */
    public static final String INPUTS = "inputs";

    /** True when folder looks like a Reprise output (it has numbers.csv). */
    public static boolean exists(Path folder) {
        return Files.isRegularFile(folder.resolve("numbers.csv"));
    }

    /** Reads an output folder; UserError when it has no numbers.csv or a file cannot be read. */
    public static Snapshot read(Path folder) {
        if (!exists(folder)) {
            throw new UserError(folder + " holds no numbers.csv, so it is not the output folder of a Reprise run"
                    + " (or of a version before the ledger). Give the folder a run wrote, e.g. output/.");
        }
        try {
            Map<String, Number> ledger = ledger(folder.resolve("numbers.csv"));
            Path rj = folder.resolve("results.json");
            JsonNode results = Files.isRegularFile(rj) ? new ObjectMapper().readTree(rj.toFile())
                    : new ObjectMapper().missingNode();
            String specFile = "";
            JsonNode specTree = null;
            Path inputs = folder.resolve(INPUTS);
            if (Files.isDirectory(inputs)) {
                try (Stream<Path> s = Files.list(inputs)) {
                    List<Path> specs = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                            .sorted().toList();
                    if (!specs.isEmpty()) {
                        specFile = specs.get(0).getFileName().toString();
                        specTree = new YAMLMapper().readTree(specs.get(0).toFile());
                    }
                }
            }
            Map<String, String> flat = new LinkedHashMap<>();
            if (specTree != null) {
                flatten("", specTree, flat);
            }
            return new Snapshot(ledger, results, specFile, flat, stars(specTree), paragraphs(folder.resolve("report.md")));
        } catch (IOException e) {
            throw new UserError("cannot read the output folder " + folder + " (" + e.getMessage() + "). Check that"
                    + " numbers.csv, results.json and inputs/ are the files a Reprise run wrote.");
        }
    }

    private static Map<String, Number> ledger(Path csv) throws IOException {
        CsvMapper m = new CsvMapper();
        m.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        Map<String, Number> out = new LinkedHashMap<>();
        try (MappingIterator<String[]> it = m.readerFor(String[].class)
                .readValues(Files.readString(csv, StandardCharsets.UTF_8))) {
            boolean header = true;
            while (it.hasNext()) {
                String[] r = it.next();
                if (header) {
                    header = false;
                    continue;
                }
                if (r.length >= 5) {
                    int d;
                    try {
                        d = Integer.parseInt(r[3]);
                    } catch (NumberFormatException e) {
                        d = 0;
                    }
                    out.put(r[0], new Number(r[0], r[1], r[2], d, r[4]));
                }
            }
        }
        return out;
    }

    static void flatten(String at, JsonNode n, Map<String, String> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> flatten(at + "/" + e.getKey().replace("~", "~0").replace("/", "~1"),
                    e.getValue(), out));
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                flatten(at + "/" + i, n.get(i), out);
            }
            if (n.isEmpty()) {
                out.put(at, "[]");
            }
        } else {
            out.put(at.isEmpty() ? "/" : at, n.isNull() ? "null" : n.asText());
        }
    }

    private static StarRule stars(JsonNode spec) {
        JsonNode s = spec == null ? null : spec.get("stars");
        if (s == null || !s.isObject()) {
            return StarRule.DEFAULT;
        }
        try {
            List<Double> levels = new ArrayList<>();
            List<String> symbols = new ArrayList<>();
            (s.has("levels") ? s.get("levels") : new ObjectMapper().valueToTree(StarRule.DEFAULT.levels()))
                    .forEach(x -> levels.add(x.asDouble()));
            (s.has("symbols") ? s.get("symbols") : new ObjectMapper().valueToTree(StarRule.DEFAULT.symbols()))
                    .forEach(x -> symbols.add(x.asText()));
            return new StarRule(levels, symbols);
        } catch (RuntimeException e) {
            return StarRule.DEFAULT;
        }
    }

    /**
     * Paragraphs of report.md: blocks between blank lines that are not headings, tables, figures, notes or the
     * provenance paragraph (its hashes are compared as inputs).
     */
    static List<String> paragraphs(Path md) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isRegularFile(md)) {
            return out;
        }
        for (String block : Files.readString(md, StandardCharsets.UTF_8).split("\\n\\s*\\n")) {
            String b = block.strip();
            if (b.isEmpty() || b.startsWith("Produced by Reprise") || b.startsWith("#") || b.startsWith("|") || b.startsWith("!") || b.startsWith("<")
                    || b.startsWith("*") && b.endsWith("*") && !b.contains("\n")) {
                continue;
            }
            out.add(b.replaceAll("\\s*\\n\\s*", " "));
        }
        return out;
    }

    /** The term object of results.json a ref {@code estimates/<id>/terms/<term>/<stat>} points into, or null. */
    JsonNode term(String ref) {
        if (ref == null || !ref.startsWith("estimates/")) {
            return null;
        }
        String[] p = ref.split("/");
        if (p.length < 5 || !p[2].equals("terms")) {
            return null;
        }
        String id = p[1];
        String term = String.join("/", java.util.Arrays.copyOfRange(p, 3, p.length - 1));
        for (JsonNode e : results.path("estimates")) {
            if (e.path("id").asText().equals(id)) {
                for (JsonNode t : e.path("terms")) {
                    if (t.path("term").asText().equals(term)) {
                        return t;
                    }
                }
            }
        }
        return null;
    }
}
