package org.reprise.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helper: the committed data/clds_sim.csv parsed independently of the simulator's own records. */
final class SimData {
    static final Path CSV = Path.of("data", "clds_sim.csv");
    static final Path TRUTH = Path.of("data", "truth.json");

    final String[] header;
    final List<String[]> rows;

    private SimData(String[] header, List<String[]> rows) {
        this.header = header;
        this.rows = rows;
    }

    static SimData committed() throws IOException {
        List<String> lines = Files.readAllLines(CSV, StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            rows.add(lines.get(i).split(",", -1));
        }
        return new SimData(lines.get(0).split(","), rows);
    }

    static JsonNode truth() throws IOException {
        return new ObjectMapper().readTree(TRUTH.toFile());
    }

    int col(String name) {
        for (int j = 0; j < header.length; j++) {
            if (header[j].equals(name)) {
                return j;
            }
        }
        throw new IllegalArgumentException(name);
    }

    double[] numbers(String name) {
        int j = col(name);
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.parseDouble(rows.get(i)[j]);
        }
        return v;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    static double sd(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double d : v) {
            s += (d - m) * (d - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
