package org.reprise.estimate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reprise.covariance.Scored;

/** Test-only readers for the reference data sets, and the HC0 sandwich computed from the Scored interface. */
final class BinaryTestData {
    private BinaryTestData() {
    }

    /** A table of string cells by column name. */
    record Table(List<String> header, List<String[]> rows) {
        String[] column(String name) {
            int j = header.indexOf(name);
            if (j < 0) {
                throw new IllegalArgumentException("no column " + name + " in " + header);
            }
            String[] out = new String[rows.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = rows.get(i)[j];
            }
            return out;
        }

        double[] numbers(String name) {
            String[] s = column(name);
            double[] out = new double[s.length];
            for (int i = 0; i < s.length; i++) {
                out[i] = Double.parseDouble(s[i]);
            }
            return out;
        }

        /** 1 where the cell equals value, else 0. */
        double[] indicator(String name, String value) {
            String[] s = column(name);
            double[] out = new double[s.length];
            for (int i = 0; i < s.length; i++) {
                out[i] = s[i].equals(value) ? 1 : 0;
            }
            return out;
        }

        int size() {
            return rows.size();
        }
    }

    /** Comma-separated, optional double quotes around cells (no commas inside cells in our files). */
    static Table csv(String resource) {
        List<String> lines = lines(resource);
        List<String> header = new ArrayList<>();
        for (String h : lines.get(0).split(",", -1)) {
            header.add(unquote(h));
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            for (int j = 0; j < cells.length; j++) {
                cells[j] = unquote(cells[j]);
            }
            rows.add(cells);
        }
        return new Table(header, rows);
    }

    /** R's write.table layout: whitespace-separated, quoted strings, header one cell shorter (row names first). */
    static Table rTable(String resource) {
        List<String> lines = lines(resource);
        List<String> header = new ArrayList<>();
        header.add("rowname");
        for (String h : lines.get(0).trim().split("\\s+")) {
            header.add(unquote(h));
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.trim().split("\\s+");
            for (int j = 0; j < cells.length; j++) {
                cells[j] = unquote(cells[j]);
            }
            rows.add(cells);
        }
        return new Table(header, rows);
    }

    private static String unquote(String s) {
        s = s.trim();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = BinaryTestData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> out = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                out.add(line);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static double[] ones(int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, 1.0);
        return out;
    }

    /** HC0 sandwich bread * (sum_i s_i s_i') * bread, times factor, written here from the Scored interface only. */
    static double[][] sandwich(Scored fit, double factor) {
        int k = fit.rank();
        double[][] meat = new double[k][k];
        double[] s = new double[k];
        for (int i = 0; i < fit.nobs(); i++) {
            fit.score(i, s);
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    meat[a][b] += s[a] * s[b];
                }
            }
        }
        double[][] bread = fit.bread();
        double[][] bm = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                for (int c = 0; c < k; c++) {
                    bm[a][b] += bread[a][c] * meat[c][b];
                }
            }
        }
        double[][] v = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                for (int c = 0; c < k; c++) {
                    v[a][b] += bm[a][c] * bread[c][b];
                }
                v[a][b] *= factor;
            }
        }
        return v;
    }

    static double[] diagSqrt(double[][] v) {
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = Math.sqrt(v[j][j]);
        }
        return out;
    }

    static Map<String, Double> byName(String[] names, double[] values) {
        Map<String, Double> m = new HashMap<>();
        for (int j = 0; j < names.length; j++) {
            m.put(names[j], values[j]);
        }
        return m;
    }
}
