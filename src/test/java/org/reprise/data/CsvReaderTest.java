package org.reprise.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.UserError;

/** CSV reading: expected values are the literal file contents; reference means from MatchIt's vignette. */
class CsvReaderTest {
    static final double NA = Double.NaN;

    @TempDir
    Path dir;

    Path write(String text) throws IOException {
        return write(text.getBytes(StandardCharsets.UTF_8));
    }

    Path write(byte[] bytes) throws IOException {
        Path p = dir.resolve("data.csv");
        Files.write(p, bytes);
        return p;
    }

    Dataset read(String text) throws IOException {
        return CsvReader.read(write(text), CsvOptions.defaults());
    }

    static double[] nums(Dataset d, String col) {
        return ((NumericColumn) d.column(col)).values();
    }

    static CategoricalColumn cats(Dataset d, String col) {
        return (CategoricalColumn) d.column(col);
    }

    UserError error(String text, CsvOptions o) throws IOException {
        Path p = write(text);
        return assertThrows(UserError.class, () -> CsvReader.read(p, o));
    }

    @Test
    void delimitersAreDetected() throws IOException {
        for (String sep : List.of(",", ";", "\t")) {
            Dataset d = read("a" + sep + "b\n1" + sep + "2.5\n3" + sep + "-4e-1\n");
            assertEquals(List.of("a", "b"), d.names());
            assertArrayEquals(new double[] {1, 3}, nums(d, "a"), 0);
            assertArrayEquals(new double[] {2.5, -0.4}, nums(d, "b"), 0);
        }
        Dataset d = CsvReader.read(write("a;b\n1,5;2\n"), CsvOptions.defaults().withDelimiter(';')
                .withDecimalComma(true));
        assertArrayEquals(new double[] {1.5}, nums(d, "a"), 0);
    }

    @Test
    void byteOrderMarkAndCrlf() throws IOException {
        byte[] body = "x,y\r\n1,2\r\n3,4\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[body.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bom, 3, body.length);
        Dataset d = CsvReader.read(write(bom), CsvOptions.defaults());
        assertEquals(List.of("x", "y"), d.names());
        assertArrayEquals(new double[] {2, 4}, nums(d, "y"), 0);
    }

    @Test
    void quotedFields() throws IOException {
        Dataset d = read("name,v\n\"Smith, John\",1\n\"say \"\"hi\"\"\",2\n\"two\nlines\",3\nplain , 4\n");
        CategoricalColumn name = cats(d, "name");
        assertEquals(List.of("Smith, John", "plain", "say \"hi\"", "two\nlines"), name.levels());
        assertEquals("Smith, John", name.label(0));
        assertArrayEquals(new double[] {1, 2, 3, 4}, nums(d, "v"), 0);
    }

    @Test
    void missingCodes() throws IOException {
        Path p = write("a,b,c\n1,x,\nNA,.,2\n-99,NA,\"NA\"\n,y,-99\n");
        Dataset d = CsvReader.read(p, CsvOptions.defaults().withMissingCodes("-99"));
        assertArrayEquals(new double[] {1, NA, NA, NA}, nums(d, "a"), 0);
        assertArrayEquals(new int[] {0, -1, -1, 1}, cats(d, "b").codes());
        assertArrayEquals(new double[] {NA, 2, NA, NA}, nums(d, "c"), 0);
        Dataset plain = CsvReader.read(p, CsvOptions.defaults());
        assertArrayEquals(new double[] {1, NA, -99, NA}, nums(plain, "a"), 0);
    }

    @Test
    void typeInferenceAndLevelOrder() throws IOException {
        Dataset d = read("g,h,k,r\n10,grade 10,1,01\n2,grade 2,2,east\nx,grade 1,3,02\n,grade 2,4,01\n");
        assertEquals(List.of("2", "10", "x"), cats(d, "g").levels());
        assertArrayEquals(new int[] {1, 0, 2, -1}, cats(d, "g").codes());
        assertEquals(List.of("grade 1", "grade 2", "grade 10"), cats(d, "h").levels());
        assertTrue(d.column("k") instanceof NumericColumn);
        // r turned to text at row 2: rows before keep their exact text ("01", not "1")
        assertEquals(List.of("01", "02", "east"), cats(d, "r").levels());
        assertArrayEquals(new int[] {0, 2, 1, 0}, cats(d, "r").codes());
        Dataset f = CsvReader.read(write("region,v\n3,1\n10,2\n3,3\n"), CsvOptions.defaults().withCategorical("region"));
        assertEquals(List.of("3", "10"), cats(f, "region").levels());
        assertArrayEquals(new int[] {0, 1, 0}, cats(f, "region").codes());
    }

    @Test
    void flipAfterManyRowsKeepsEveryRow() throws IOException {
        StringBuilder sb = new StringBuilder("id,code\n");
        int n = 3 * ColumnBuilder.CHUNK + 17;
        for (int i = 0; i < n; i++) {
            sb.append(i).append(',').append(i == n - 2 ? "abc" : String.valueOf(i % 7)).append('\n');
        }
        Dataset d = read(sb.toString());
        CategoricalColumn c = cats(d, "code");
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "abc"), c.levels());
        for (int i = 0; i < n; i++) {
            assertEquals(i == n - 2 ? "abc" : String.valueOf(i % 7), c.label(i));
        }
        assertEquals(n - 1.0, nums(d, "id")[n - 1], 0);
    }

    @Test
    void raggedRowsNameTheLine() throws IOException {
        UserError many = error("a,b\n1,2\n\"x\ny\",3\n1,2,3\n", CsvOptions.defaults());
        assertTrue(many.getMessage().startsWith(dir.resolve("data.csv") + ":5:"), many.getMessage());
        assertTrue(many.getMessage().contains("3 fields"), many.getMessage());
        UserError few = error("a,b\n1,2\n3\n", CsvOptions.defaults());
        UserError afterBlank = error("a,b\n1,2\n\n\n3,4,5\n", CsvOptions.defaults());
        assertTrue(afterBlank.getMessage().contains(":5:"), afterBlank.getMessage());
        assertTrue(few.getMessage().contains(":3:") && few.getMessage().contains("1 field "), few.getMessage());
    }

    @Test
    void nonFiniteValuesAreErrors() throws IOException {
        for (String bad : List.of("NaN", "Inf", "-Inf", "infinity", "1e999")) {
            UserError e = error("a,wage\n1,2\n2," + bad + "\n", CsvOptions.defaults());
            String m = e.getMessage();
            assertTrue(m.contains("data.csv:3:") && m.contains("'wage'") && m.contains("'" + bad + "'"), m);
        }
    }

    @Test
    void latin1IsRejectedWithLine() throws IOException {
        byte[] text = "name,v\nabc,1\ncaf\u00e9,2\n".getBytes(StandardCharsets.ISO_8859_1);
        Path p = write(text);
        UserError e = assertThrows(UserError.class, () -> CsvReader.read(p, CsvOptions.defaults()));
        assertTrue(e.getMessage().contains("data.csv:3:") && e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void headerProblems() throws IOException {
        assertTrue(error("a,b,a\n1,2,3\n", CsvOptions.defaults()).getMessage().contains("'a'"));
        assertTrue(error("a,,c\n1,2,3\n", CsvOptions.defaults()).getMessage().contains("column 2"));
        assertThrows(UserError.class, () -> CsvReader.read(write(""), CsvOptions.defaults()));
        assertThrows(UserError.class, () -> CsvReader.read(dir.resolve("nope.csv"), CsvOptions.defaults()));
        UserError e = error("region,v\n1,2\n", CsvOptions.defaults().withCategorical("regoin"));
        assertTrue(e.getMessage().contains("'region'"), e.getMessage());
        assertTrue(error("a;b\n1,5;2\n", CsvOptions.defaults()).getMessage().contains("decimal comma"));
    }

    @Test
    void headerOnlyGivesEmptyDataset() throws IOException {
        Dataset d = read("a,b\n");
        assertEquals(0, d.rows());
        assertEquals(List.of("a", "b"), d.names());
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(CsvReaderTest.class.getResource("/reference/lalonde/" + name).toURI());
    }

    static double mean(double[] v, double[] group, double g) {
        double s = 0;
        int n = 0;
        for (int i = 0; i < v.length; i++) {
            if (group[i] == g) {
                s += v[i];
                n++;
            }
        }
        return s / n;
    }

    /** MatchIt's lalonde.tab; group means against the vignette's "Means Treated / Means Control" (4 decimals). */
    @Test
    void lalondeTabWithWhitespaceOption() throws Exception {
        Dataset d = CsvReader.read(resource("lalonde.tab"), CsvOptions.defaults().withWhitespace(true));
        assertEquals(614, d.rows());
        assertEquals(List.of("rownames", "treat", "age", "educ", "race", "married", "nodegree", "re74", "re75",
                "re78"), d.names());
        assertEquals("NSW1", cats(d, "rownames").label(0));
        CategoricalColumn race = cats(d, "race");
        assertEquals(List.of("black", "hispan", "white"), race.levels());
        double[] treat = nums(d, "treat");
        double[] black = new double[614];
        for (int i = 0; i < 614; i++) {
            black[i] = race.label(i).equals("black") ? 1 : 0;
        }
        assertEquals(25.8162, mean(nums(d, "age"), treat, 1), 0.5e-4);
        assertEquals(28.0303, mean(nums(d, "age"), treat, 0), 0.5e-4);
        assertEquals(10.3459, mean(nums(d, "educ"), treat, 1), 0.5e-4);
        assertEquals(10.2354, mean(nums(d, "educ"), treat, 0), 0.5e-4);
        assertEquals(0.8432, mean(black, treat, 1), 0.5e-4);
        assertEquals(0.2028, mean(black, treat, 0), 0.5e-4);
        assertEquals(2095.5737, mean(nums(d, "re74"), treat, 1), 0.5e-4);
        assertEquals(5619.2365, mean(nums(d, "re74"), treat, 0), 0.5e-4);
        assertEquals(1532.0553, mean(nums(d, "re75"), treat, 1), 0.5e-4);
        assertEquals(2466.4844, mean(nums(d, "re75"), treat, 0), 0.5e-4);
    }

    /** Dehejia-Wahba experimental benchmark: difference in mean re78 = 1794.34 (2 decimals). */
    @Test
    void nsw74demoCsv() throws Exception {
        Dataset d = CsvReader.read(resource("daag_nsw74demo.csv"), CsvOptions.defaults());
        assertEquals(445, d.rows());
        double[] trt = nums(d, "trt");
        double diff = mean(nums(d, "re78"), trt, 1) - mean(nums(d, "re78"), trt, 0);
        assertEquals(1794.34, diff, 0.005);
    }
}
