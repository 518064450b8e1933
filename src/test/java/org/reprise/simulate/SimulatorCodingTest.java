package org.reprise.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every column of the committed CSV has the coding the codebook (data/README.md) promises. */
class SimulatorCodingTest {

    @Test
    void headerAndShape() throws Exception {
        SimData d = SimData.committed();
        assertEquals(List.of("hhid", "year", "region", "T", "P", "income", "age", "health", "job", "famsize",
                "machine", "subsidy", "distance", "hroad", "lamp", "edu", "ability", "twork"), List.of(d.header));
        assertEquals(6124, d.rows.size());
        for (String[] r : d.rows) {
            assertEquals(18, r.length);
        }
    }

    @Test
    void panelStructure() throws Exception {
        SimData d = SimData.committed();
        Map<String, String[]> first = new HashMap<>();
        for (int i = 0; i < d.rows.size(); i++) {
            String[] r = d.rows.get(i);
            int year = Integer.parseInt(r[d.col("year")]);
            assertEquals(i % 2 == 0 ? 2014 : 2016, year, "sorted by hhid then year");
            assertEquals(year == 2016 ? "1" : "0", r[d.col("P")]);
            assertEquals(Integer.toString(i / 2 + 1), r[d.col("hhid")]);
            if (year == 2014) {
                first.put(r[0], r);
            } else {
                String[] a = first.get(r[0]);
                assertEquals(a[d.col("T")], r[d.col("T")], "T is time-invariant");
                assertEquals(a[d.col("region")], r[d.col("region")], "region is time-invariant");
                int gap = Integer.parseInt(r[d.col("age")]) - Integer.parseInt(a[d.col("age")]);
                assertTrue(gap >= 0 && gap <= 3, "age rises by 1 to 3 (0 only at the top code 87)");
                assertTrue(Double.parseDouble(r[d.col("distance")]) <= Double.parseDouble(a[d.col("distance")]),
                        "distance only falls (new roads and markets)");
                assertTrue(Double.parseDouble(r[d.col("hroad")]) >= Double.parseDouble(a[d.col("hroad")]),
                        "hardened roads stay hardened");
                assertTrue(Integer.parseInt(r[d.col("edu")]) >= Integer.parseInt(a[d.col("edu")]),
                        "schooling does not fall");
            }
        }
        assertEquals(3062, first.size());
    }

    @Test
    void codings() throws Exception {
        SimData d = SimData.committed();
        Set<String> regions = Set.of("east", "central", "west");
        Set<Integer> edu = Set.of(0, 3, 6, 9, 12, 13, 16);
        for (String[] r : d.rows) {
            assertTrue(regions.contains(r[d.col("region")]));
            for (String dummy : List.of("T", "P", "job", "subsidy", "lamp", "ability")) {
                assertTrue(r[d.col(dummy)].equals("0") || r[d.col(dummy)].equals("1"), dummy);
            }
            assertTrue(Double.parseDouble(r[d.col("income")]) > 0, "income positive");
            assertTrue(r[d.col("income")].matches("\\d+\\.\\d\\d"), "income has two decimals");
            int age = Integer.parseInt(r[d.col("age")]);
            assertTrue(age >= 20 && age <= 87, "age");
            int health = Integer.parseInt(r[d.col("health")]);
            assertTrue(health >= 1 && health <= 5, "health");
            int famsize = Integer.parseInt(r[d.col("famsize")]);
            assertTrue(famsize >= 1 && famsize <= 12, "famsize");
            assertTrue(Integer.parseInt(r[d.col("machine")]) >= 0, "machine");
            int twork = Integer.parseInt(r[d.col("twork")]);
            assertTrue(twork >= 0 && twork <= famsize, "twork <= famsize");
            assertTrue(edu.contains(Integer.parseInt(r[d.col("edu")])), "edu levels");
            assertTrue(r[d.col("distance")].matches("\\d+\\.\\d"), "distance one decimal");
            assertTrue(Double.parseDouble(r[d.col("distance")]) >= 0, "distance");
            double hroad = Double.parseDouble(r[d.col("hroad")]);
            assertTrue(hroad >= 0 && hroad <= 100, "hroad percent");
        }
    }

    @Test
    void varianceFunctionPositiveOnSupport() {
        assertTrue(Params.DEFAULT.income().minimumVariance() > 0);
        for (Row r : Simulator.generate(Simulator.DEFAULT_SEED)) {
            assertTrue(r.variance() > 0);
        }
    }
}
