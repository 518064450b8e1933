package org.reprise.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.data.DtaTestWriter.LabelSet;
import org.reprise.data.DtaTestWriter.Type;
import org.reprise.data.DtaTestWriter.Var;

/**
 * One in-test table written twice, as CSV text and as .dta; the .dta is read with DtaReader and every cell is
 * compared with the value parsed from the CSV text by the JDK (Double.parseDouble, Float.parseFloat for float
 * storage). Exact equality; an empty CSV field is a missing value.
 */
class DtaCsvRoundTripTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "release {0} {1}")
    @CsvSource({"114, BIG", "115, LITTLE", "117, BIG", "118, LITTLE", "119, BIG"})
    void sameTableAsCsv(int release, String byteOrder) throws Exception {
        ByteOrder order = byteOrder.equals("BIG") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int n = 500;
        Random random = new Random(7L + release);
        String[] towns = {"Lyon", "Köln", "Gent", "Århus", "Porto"};
        Object[] id = new Object[n];
        Object[] wage = new Object[n];
        Object[] hours = new Object[n];
        Object[] year = new Object[n];
        Object[] town = new Object[n];
        Object[] sex = new Object[n];
        StringBuilder csv = new StringBuilder("id,wage,hours,year,town,sex\n");
        for (int i = 0; i < n; i++) {
            id[i] = 100000 + 7 * i;
            boolean wageMissing = random.nextInt(10) == 0;
            double w = Math.exp(random.nextGaussian() + 2);
            wage[i] = wageMissing ? (Object) 'a' : (Object) w;
            float h = (float) (random.nextInt(800) / 8.0 + random.nextDouble() / 1000);
            boolean hoursMissing = random.nextInt(15) == 0;
            hours[i] = hoursMissing ? (Object) '.' : (Object) h;
            year[i] = 1990 + random.nextInt(30);
            town[i] = random.nextInt(12) == 0 ? "" : towns[random.nextInt(towns.length)];
            sex[i] = 1 + random.nextInt(2);
            csv.append(id[i]).append(',').append(wageMissing ? "" : Double.toString(w)).append(',')
                    .append(hoursMissing ? "" : Float.toString(h)).append(',').append(year[i]).append(',')
                    .append(town[i]).append(',').append((int) sex[i] == 1 ? "male" : "female").append('\n');
        }
        List<Var> vars = List.of(Var.num("id", Type.LONG, id), Var.num("wage", Type.DOUBLE, wage),
                Var.num("hours", Type.FLOAT, hours), Var.num("year", Type.INT, year),
                new Var("town", Type.STR, 8, "", "", town), Var.num("sex", Type.BYTE, sex).labelSet("sexl"));
        Path dta = DtaTestWriter.write(dir.resolve("t.dta"), release, order, "", vars,
                List.of(new LabelSet("sexl", DtaTestWriter.labels(1, "male", 2, "female"))));
        Path csvFile = dir.resolve("t.csv");
        Files.writeString(csvFile, csv, StandardCharsets.UTF_8);

        Dataset ds = DtaReader.read(dta);
        List<String> lines = Files.readAllLines(csvFile, StandardCharsets.UTF_8);
        assertEquals(lines.size() - 1, ds.rows());
        List<String> header = List.of(lines.get(0).split(","));
        assertEquals(header, ds.names());
        for (int i = 0; i < ds.rows(); i++) {
            String[] f = lines.get(i + 1).split(",", -1);
            for (int j = 0; j < header.size(); j++) {
                String name = header.get(j);
                Column c = ds.column(name);
                String where = name + " row " + (i + 1);
                if (c instanceof NumericColumn num) {
                    double expected = f[j].isEmpty() ? Double.NaN
                            : name.equals("hours") ? Float.parseFloat(f[j]) : Double.parseDouble(f[j]);
                    assertEquals(expected, num.values()[i], 0.0, where);
                } else {
                    CategoricalColumn cat = assertInstanceOf(CategoricalColumn.class, c);
                    assertEquals(f[j].isEmpty() ? null : f[j], cat.label(i), where);
                }
            }
        }
        assertEquals(List.of("male", "female"), ((CategoricalColumn) ds.column("sex")).levels());
        assertEquals(List.of("Gent", "Köln", "Lyon", "Porto", "Århus"), ((CategoricalColumn) ds.column("town")).levels());
    }

}
