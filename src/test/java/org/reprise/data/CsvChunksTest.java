package org.reprise.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.UserError;

/**
 * The parallel CSV path ({@link CsvChunks}) against the literal file contents and against the sequential reader, with
 * ranges of a few bytes so that every file is split into many ranges (rows straddling every kind of boundary).
 */
class CsvChunksTest {
    static final double NA = Double.NaN;
    static final int[] RANGES = {1, 2, 3, 5, 8, 13, 64, 1 << 20};

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

    static Dataset chunked(Path p, CsvOptions o, int range) {
        return CsvReader.chunked(p, "data.csv", CsvReader.detectDelimiter(p, "data.csv"), o, range);
    }

    static Dataset sequential(Path p, CsvOptions o) {
        return CsvReader.sequential(p, "data.csv", CsvReader.detectDelimiter(p, "data.csv"), o);
    }

    static void assertSame(Dataset want, Dataset got) {
        assertEquals(want.names(), got.names());
        assertEquals(want.rows(), got.rows());
        for (String c : want.names()) {
            Column a = want.column(c);
            Column b = got.column(c);
            assertEquals(a.getClass(), b.getClass(), c);
            if (a instanceof NumericColumn na) {
                double[] x = na.values();
                double[] y = ((NumericColumn) b).values();
                for (int i = 0; i < x.length; i++) {
                    assertEquals(Double.doubleToRawLongBits(x[i]), Double.doubleToRawLongBits(y[i]), c + " row " + i);
                }
            } else {
                assertArrayEquals(((CategoricalColumn) a).codes(), ((CategoricalColumn) b).codes(), c);
                assertEquals(((CategoricalColumn) a).levels(), ((CategoricalColumn) b).levels(), c);
            }
        }
    }

    /** Taken in parallel at every range size, equal to the literal values and to the sequential reader. */
    void parallelEqualsSequential(Path p, CsvOptions o, Dataset expected) {
        parallelEqualsSequential(p, o, expected, RANGES);
    }

    void parallelEqualsSequential(Path p, CsvOptions o, Dataset expected, int[] ranges) {
        Dataset seq = sequential(p, o);
        assertSame(expected, seq);
        for (int r : ranges) {
            Dataset d = chunked(p, o, r);
            assertNotNull(d, "range " + r);
            assertSame(expected, d);
            assertSame(expected, CsvReader.read(p, o, "data.csv", r, 0));
        }
    }

    @Test
    void crlfMissingBlankLinesQuotedHeaderAndBom() throws IOException {
        String text = "\uFEFF\"a\",\"b c\",d\r\n"
                + " 1 ,2.5,-3e2\r\n"
                + "NA,,.\r\n"
                + "\r\n"
                + "   \r\n"
                + "-99,-99.0,4\r\n"
                + "0.1,1e-3,+7\r\n"
                + "5,6,";
        Path p = write(text);
        CsvOptions o = CsvOptions.defaults().withMissingCodes("-99");
        parallelEqualsSequential(p, o, TestData.of(
                TestData.num("a", 1, NA, NA, 0.1, 5),
                TestData.num("b c", 2.5, NA, NA, 1e-3, 6),
                TestData.num("d", -300, NA, 4, 7, NA)));
    }

    @Test
    void tabsAndSemicolonsAndNoFinalLineFeed() throws IOException {
        for (String sep : List.of("\t", ";")) {
            Path p = write("x" + sep + "y\n1" + sep + "2\n\n3" + sep + " 4 \n");
            parallelEqualsSequential(p, CsvOptions.defaults(), TestData.of(TestData.num("x", 1, 3),
                    TestData.num("y", 2, 4)));
        }
    }

    /** Random numbers written with up to 17 digits; expected values from Double.parseDouble of the written text. */
    @Test
    void manyRowsAgainstTheWrittenText() throws IOException {
        SplittableRandom r = new SplittableRandom(20261207);
        int n = 3000;
        double[][] want = new double[3][n];
        StringBuilder sb = new StringBuilder("u,v,w\n");
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                String cell = switch (r.nextInt(5)) {
                    case 0 -> "";
                    case 1 -> Double.toString(r.nextGaussian() * 1e6);
                    case 2 -> String.format(Locale.ROOT, "%.4f", r.nextDouble() - 0.5);
                    case 3 -> Long.toString(r.nextLong(-1000, 1000));
                    default -> String.format(Locale.ROOT, "%.16e", r.nextGaussian());
                };
                want[j][i] = cell.isEmpty() ? NA : Double.parseDouble(cell);
                sb.append(j > 0 ? "," : "").append(cell);
            }
            sb.append(i % 7 == 0 ? "\r\n" : "\n");
        }
        Path p = write(sb.toString());
        Dataset expected = TestData.of(TestData.num("u", want[0]), TestData.num("v", want[1]),
                TestData.num("w", want[2]));
        parallelEqualsSequential(p, CsvOptions.defaults(), expected, new int[] {97, 1000, 4096, 1 << 20});
    }

    /** Files the parallel path does not take: the sequential reader reads them, with the same result. */
    @Test
    void quotesTextAndNonAsciiFallBackToTheSequentialReader() throws IOException {
        List<String> files = new ArrayList<>();
        files.add("a,b\n1,2\n3,\"4\"\n5,6\n");                      // a quoted field in the data
        files.add("a,b\n1,2\n3,4\n5,x\n7,8\n");                     // a text column, found late
        files.add("a,b\n1,2\n3,4\n5,\u00e9\n");                     // a non-ASCII byte
        files.add("a,b\n1,2\r3,4\n");                               // a lone carriage return
        files.add("\n\na,b\n1,2\n");                                // blank lines before the header
        files.add("a,\"b\nc\"\n1,2\n");                            // a line feed inside a quoted header name
        files.add("a,b\n");                                         // no data rows
        for (String f : files) {
            Path p = write(f);
            for (int r : new int[] {1, 4, 64}) {
                assertNull(chunked(p, CsvOptions.defaults(), r), f);
                assertSame(sequential(p, CsvOptions.defaults()), CsvReader.read(p, CsvOptions.defaults(), "data.csv",
                        r, 0));
            }
        }
        Dataset text = CsvReader.read(write("a,b\n1,2\n3,4\n5,x\n7,8\n"), CsvOptions.defaults(), "data.csv", 2, 0);
        assertEquals(List.of("2", "4", "8", "x"), ((CategoricalColumn) text.column("b")).levels());
    }

    /** Errors come from the sequential reader, naming the line (counted here from the text written). */
    @Test
    void errorsNameTheRightLine() throws IOException {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 400; i++) {
            sb.append(i).append(',').append(i * 0.5).append(i % 50 == 0 ? "\r\n\r\n" : "\n");
        }
        String good = sb.toString();
        long lines = good.chars().filter(c -> c == '\n').count();
        List<String[]> cases = List.of(
                new String[] {"1,2,3\n", "this row has 3 fields but the header has 2"},
                new String[] {"1,Inf\n", "'Inf', which is not a finite number"},
                new String[] {"1,1e999\n", "too large for a double-precision number"});
        for (String[] c : cases) {
            Path p = write(good + c[0] + "4,5\n");
            for (int r : new int[] {3, 100, 1 << 20}) {
                UserError e = assertThrows(UserError.class,
                        () -> CsvReader.read(p, CsvOptions.defaults(), "data.csv", r, 0));
                assertTrue(e.getMessage().startsWith("data.csv:" + (lines + 1) + ": "), e.getMessage());
                assertTrue(e.getMessage().contains(c[1]), e.getMessage());
                UserError s = assertThrows(UserError.class, () -> sequential(p, CsvOptions.defaults()));
                assertEquals(s.getMessage(), e.getMessage());
            }
        }
        Path quote = write(good + "1,\"2\n4,5\n"); // an unclosed quote: Jackson's message, as sequentially
        UserError q = assertThrows(UserError.class, () -> CsvReader.read(quote, CsvOptions.defaults(), "data.csv", 3, 0));
        assertTrue(q.getMessage().contains("the file cannot be read as CSV"), q.getMessage());
        assertEquals(assertThrows(UserError.class, () -> sequential(quote, CsvOptions.defaults())).getMessage(),
                q.getMessage());
        Path dup = write("a,a\n1,2\n");
        UserError e = assertThrows(UserError.class, () -> CsvReader.read(dup, CsvOptions.defaults(), "data.csv", 1, 0));
        assertTrue(e.getMessage().startsWith("data.csv:1: the header names two columns 'a'"), e.getMessage());
    }
}
