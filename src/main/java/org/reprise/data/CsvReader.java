package org.reprise.data;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.reprise.UserError;

/**
 * Reads a delimited text file with a header row into a columnar {@link Dataset}. Rules (delimiters, missing
 * codes, type inference, errors) are in docs/data.md; memory use is one primitive array per column (see
 * {@link ColumnBuilder}): cell text is never kept, except one copy of each distinct category label.
 */
public final class CsvReader {
    private CsvReader() {
    }

    /**
     * Receives the file cell by cell (the header row too), without a String per cell. {@code count} in
     * {@link #rowStart} is the row's number of fields when known in advance, else -1.
     */
    private interface CellHandler {
        void rowStart(long line, int count);

        void cell(int col, char[] buf, int off, int len);

        /** Returns false to stop reading. */
        boolean rowEnd(int count);
    }

    public static Dataset read(Path file, CsvOptions opts) {
        return read(file, opts, file.toString());
    }

    /** As {@link #read(Path, CsvOptions)}, naming the file {@code name} in messages and in the dataset. */
    public static Dataset read(Path file, CsvOptions opts, String name) {
        return read(file, opts, name, CsvChunks.CHUNK_BYTES, CsvChunks.MIN_BYTES);
    }

    /**
     * As {@link #read(Path, CsvOptions, String)}; files of at least {@code minBytes} bytes are tried in ranges of
     * {@code chunkBytes} on all cores first ({@link CsvChunks}). Package-private so tests can use small ranges.
     */
    static Dataset read(Path file, CsvOptions opts, String name, int chunkBytes, long minBytes) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UserError(name + ": the data file does not exist or cannot be read. Check the path "
                    + "(relative paths are relative to the analysis file).");
        }
        CsvOptions o = opts == null ? CsvOptions.defaults() : opts;
        char delimiter = o.whitespace() ? ' ' : o.delimiter() != null ? o.delimiter() : detectDelimiter(file, name);
        if (size(file, name) >= minBytes) {
            Dataset d = chunked(file, name, delimiter, o, chunkBytes);
            if (d != null) {
                return d;
            }
        }
        return sequential(file, name, delimiter, o);
    }

    /** The file read by {@link CsvChunks} in ranges of chunkBytes, or null when that path does not take it. */
    static Dataset chunked(Path file, String name, char delimiter, CsvOptions o, int chunkBytes) {
        if (o.whitespace() || o.decimalComma() || !o.categorical().isEmpty()) {
            return null;
        }
        return CsvChunks.read(file, name, delimiter, chunkBytes, () -> header(file, name, delimiter, o));
    }

    private static long size(Path file, String name) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UserError(name + ": cannot read the data file (" + e.getMessage() + ").", e);
        }
    }

    /**
     * The first pass over the header row only, ready for data rows (what {@link CsvChunks} starts from); null if the
     * file has no header row.
     */
    private static Pass1 header(Path file, String name, char delimiter, CsvOptions o) {
        Pass1 first = new Pass1(name, o);
        scan(file, name, delimiter, false, new CellHandler() {
            @Override
            public void rowStart(long line, int count) {
                first.rowStart(line, count);
            }

            @Override
            public void cell(int col, char[] buf, int off, int len) {
                first.cell(col, buf, off, len);
            }

            @Override
            public boolean rowEnd(int count) {
                first.rowEnd(count);
                return false;
            }
        });
        if (first.header == null) {
            return null;
        }
        first.start(0, first.header.length);
        return first;
    }

    /** The whole file in one or two passes (the second only for columns that turned out to hold text). */
    static Dataset sequential(Path file, String name, char delimiter, CsvOptions o) {
        Pass1 first = new Pass1(name, o);
        scan(file, name, delimiter, o.whitespace(), first);
        if (first.builders == null && first.header != null) {
            first.start(0, first.header.length);
        }
        if (first.builders == null) {
            throw new UserError(name + ": the file is empty. A data file needs a header row naming the columns.");
        }
        int maxFlip = 0;
        for (ColumnBuilder b : first.builders) {
            maxFlip = Math.max(maxFlip, b.flipRow);
        }
        if (maxFlip > 0) {
            // second pass: the exact text of the cells read before a column turned out to be text
            int stop = maxFlip;
            ColumnBuilder[] builders = first.builders;
            Set<String> missing = first.missing;
            scan(file, name, delimiter, o.whitespace(), new CellHandler() {
                int row = -2;

                @Override
                public void rowStart(long line, int count) {
                    row++;
                }

                @Override
                public void cell(int col, char[] buf, int off, int len) {
                    if (row >= 0 && col < builders.length && row < builders[col].flipRow) {
                        String s = new String(buf, off, len).strip();
                        builders[col].setText(row, missing.contains(s) ? null : s);
                    }
                }

                @Override
                public boolean rowEnd(int count) {
                    return row + 1 < stop;
                }
            });
        }
        List<Column> cols = new ArrayList<>();
        for (ColumnBuilder b : first.builders) {
            cols.add(b.build());
        }
        return new Dataset(name, first.rows, cols);
    }

    /** First pass: header checks, type inference, values. */
    static final class Pass1 implements CellHandler {
        final String file;
        final CsvOptions opts;
        final Set<String> missing = new HashSet<>();
        final boolean[] missingLength = new boolean[64];
        final Set<Double> numericMissing = new HashSet<>();
        ColumnBuilder[] builders;
        String[] header;
        final List<String> headerCells = new ArrayList<>();
        boolean rowNames;
        int rows;
        long line;

        Pass1(String file, CsvOptions opts) {
            this.file = file;
            this.opts = opts;
            missing.addAll(List.of("", "NA", "."));
            missing.addAll(opts.missingCodes());
            for (String m : missing) {
                missingLength[Math.min(m.length(), 63)] = true;
            }
            for (String m : opts.missingCodes()) {
                double v = NumberText.parseOrNaN(m.strip());
                if (!Double.isNaN(v)) {
                    numericMissing.add(v == 0 ? 0.0 : v);
                }
            }
        }

        /** A new first pass with this one's header read, for a range of data rows ({@link CsvChunks}). */
        Pass1 forRange() {
            Pass1 p = new Pass1(file, opts);
            p.header = header;
            p.start(header.length, ColumnBuilder.SMALL_CHUNK);
            return p;
        }

        /** Whether some column has turned to text. */
        boolean hasText() {
            for (ColumnBuilder b : builders) {
                if (b.isText()) {
                    return true;
                }
            }
            return false;
        }

        /** A numeric cell equal to a numeric missing code (-99 matches -99.0 and -9.9e1). */
        private boolean isMissingNumber(double v) {
            return !numericMissing.isEmpty() && numericMissing.contains(v == 0 ? 0.0 : v);
        }

        @Override
        public void rowStart(long line, int count) {
            this.line = line;
            if (header != null && builders == null) {
                start(line, count < 0 ? header.length : count);
            }
        }

        @Override
        public void cell(int col, char[] buf, int off, int len) {
            if (header == null) {
                headerCells.add(new String(buf, off, len));
                return;
            }
            if (col >= builders.length) {
                return; // reported in rowEnd
            }
            while (len > 0 && buf[off] <= ' ') {
                off++;
                len--;
            }
            while (len > 0 && buf[off + len - 1] <= ' ') {
                len--;
            }
            add(builders[col], buf, off, len);
        }

        @Override
        public boolean rowEnd(int n) {
            if (header == null) {
                String[] f = headerCells.toArray(new String[0]);
                readHeader(line, f, f.length);
                return true;
            }
            if (n != builders.length) {
                int expected = builders.length - (rowNames ? 1 : 0);
                int got = n - (rowNames ? 1 : 0);
                throw new UserError(file + ":" + line + ": this row has " + got + " field" + (got == 1 ? "" : "s")
                        + " but the header has " + expected + ". Check for a missing or extra delimiter, or an "
                        + "unquoted text containing the delimiter (quote such fields with \"...\").");
            }
            if (rows == Integer.MAX_VALUE - 8) {
                throw new UserError(file + ":" + line + ": more than 2 billion rows are not supported.");
            }
            rows++;
            return true;
        }

        private boolean isMissing(char[] b, int off, int len) {
            if (len == 0 || (len == 2 && b[off] == 'N' && b[off + 1] == 'A') || (len == 1 && b[off] == '.')) {
                return true;
            }
            return missingLength[Math.min(len, 63)] && missing.contains(new String(b, off, len));
        }

        private void readHeader(long line, String[] f, int n) {
            if (n == 1 && !opts.whitespace()) {
                for (String d : new String[] {";", ",", "\t"}) {
                    if (f[0].contains(d)) {
                        String word = d.equals("\t") ? "tab" : "\"" + d + "\"";
                        throw new UserError(file + ":" + line + ": the header was read as one column, '" + f[0].trim()
                                + "', but it contains " + (d.equals("\t") ? "tabs" : "`" + d + "`") + ": the file"
                                + " seems to be separated by " + word + ". Set `delimiter: " + word + "` for this data"
                                + " source (or `delimiter: auto`).");
                    }
                }
            }
            header = new String[n];
            Set<String> seen = new HashSet<>();
            for (int j = 0; j < n; j++) {
                String h = clean(f[j]);
                if (h.isEmpty()) {
                    throw new UserError(file + ":" + line + ": column " + (j + 1) + " has no name in the header "
                            + "row. Every column needs a name (the first row of the file is the header); if it holds "
                            + "row names, call it e.g. rownames.");
                }
                if (!seen.add(h)) {
                    throw new UserError(file + ":" + line + ": the header names two columns '" + h + "'. Column "
                            + "names must be unique; rename one.");
                }
                header[j] = h;
            }
        }

        void start(long line, int n) {
            start(n, ColumnBuilder.CHUNK);
        }

        private void start(int n, int chunk) {
            List<String> names = new ArrayList<>(List.of(header));
            if (opts.whitespace() && n == header.length + 1) {
                rowNames = true;
                String rn = names.contains("rownames") ? "rownames_" : "rownames";
                names.add(0, rn);
            }
            for (String c : opts.categorical()) {
                if (!names.contains(c)) {
                    throw new UserError(file + ": the column '" + c + "' to read as categorical is not in the "
                            + "header." + Names.suggest(c, names));
                }
            }
            builders = new ColumnBuilder[names.size()];
            for (int j = 0; j < builders.length; j++) {
                String nm = names.get(j);
                builders[j] = new ColumnBuilder(nm, opts.categorical().contains(nm) || (rowNames && j == 0), chunk);
            }
        }

        private void add(ColumnBuilder b, char[] buf, int off, int len) {
            if (isMissing(buf, off, len)) {
                if (b.isText()) {
                    b.addText(null);
                } else {
                    b.addNumber(Double.NaN);
                }
                return;
            }
            if (b.isText()) {
                String s = new String(buf, off, len);
                if (!opts.categorical().contains(b.name) && NumberText.isNonFinite(s)) {
                    throw nonFinite(b, s, line);
                }
                b.addText(s);
                return;
            }
            double v = NumberText.parseOrNaN(buf, off, len);
            if (Double.isNaN(v)) {
                String s = new String(buf, off, len);
                if (opts.decimalComma() && s.indexOf(',') >= 0) {
                    v = NumberText.parseOrNaN(s.replace(',', '.'));
                    if (!Double.isNaN(v)) {
                        addNumber(b, isMissingNumber(v) ? Double.NaN : v, s);
                        return;
                    }
                }
                if (NumberText.isNonFinite(s)) {
                    throw nonFinite(b, s, line);
                }
                if (!opts.decimalComma() && s.matches("[+-]?[0-9]+(,[0-9]+)+")) {
                    throw new UserError(file + ":" + line + ": column '" + b.name + "' has the value '" + s
                            + "', a number written with a decimal comma or a thousands separator. Re-save the file "
                            + "with plain numbers (1234.5), or set decimal_comma if ',' is the decimal mark, or list "
                            + "the column as categorical if it is not a number.");
                }
                b.toText();
                b.addText(s);
            } else if (isMissingNumber(v)) {
                b.addNumber(Double.NaN);
            } else {
                addNumber(b, v, Double.isInfinite(v) ? new String(buf, off, len) : null);
            }
        }

        private void addNumber(ColumnBuilder b, double v, String s) {
            if (Double.isInfinite(v)) {
                throw new UserError(file + ":" + line + ": column '" + b.name + "' has the value '" + s
                        + "', too large for a double-precision number. Rescale the variable.");
            }
            b.addNumber(v);
        }

        private UserError nonFinite(ColumnBuilder b, String s, long line) {
            return new UserError(file + ":" + line + ": column '" + b.name + "' has the value '" + s + "', which "
                    + "is not a finite number. Replace it with an empty cell (missing) or a real value, or list '"
                    + s + "' as a missing code.");
        }
    }

    private static boolean isBlank(char[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (b[i] > ' ') {
                return false;
            }
        }
        return true;
    }

    static String clean(String s) {
        if (s == null) {
            return "";
        }
        int n = s.length();
        if (n > 0 && (s.charAt(0) <= ' ' || s.charAt(n - 1) <= ' ')) {
            return s.strip();
        }
        return s;
    }

    private static InputStream open(Path file, String name) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UserError(name + ": cannot open the data file (" + e.getMessage() + ").", e);
        }
    }

    private static void scan(Path file, String name, char delimiter, boolean whitespace, CellHandler handler) {
        try (Reader in = new Utf8Reader(open(file, name), name)) {
            if (whitespace) {
                scanWhitespace(in, name, handler);
            } else {
                scanCsv(in, name, delimiter, handler);
            }
        } catch (IOException e) {
            throw new UserError(name + ": cannot read the data file (" + e.getMessage() + ").", e);
        }
    }

    private static void scanCsv(Reader in, String name, char delimiter, CellHandler handler) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(delimiter).withQuoteChar('"')
                .withoutEscapeChar();
        try (CsvParser p = new CsvFactory().createParser(in)) {
            p.setSchema(schema);
            // the first cell of a row is held back until we know the row is not a blank line
            char[] first = new char[64];
            int firstLen = 0;
            int n = 0;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_ARRAY) {
                    n = 0;
                } else if (t == JsonToken.END_ARRAY) {
                    if (n == 0 || (n == 1 && isBlank(first, 0, firstLen))) {
                        continue; // blank line
                    }
                    if (n == 1) {
                        handler.cell(0, first, 0, firstLen);
                    }
                    if (!handler.rowEnd(n)) {
                        return;
                    }
                } else {
                    char[] buf = p.getTextCharacters();
                    int off = p.getTextOffset();
                    int len = p.getTextLength();
                    if (n == 0) {
                        handler.rowStart(p.currentTokenLocation().getLineNr(), -1);
                        if (len > first.length) {
                            first = new char[len];
                        }
                        System.arraycopy(buf, off, first, 0, len);
                        firstLen = len;
                    } else {
                        if (n == 1) {
                            handler.cell(0, first, 0, firstLen);
                        }
                        handler.cell(n, buf, off, len);
                    }
                    n++;
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new UserError(name + ":" + line + ": the file cannot be read as CSV (" + e.getOriginalMessage()
                    + "). Check the quoting on this line: a quoted field must end with a closing quote, and a quote "
                    + "inside a quoted field is written twice (\"\").", e);
        }
    }

    /**
     * Whitespace-separated fields (R's write.table format): runs of spaces/tabs separate fields; a field may be
     * quoted with "..." (a quote inside written as \" or ""). Quoted fields cannot span lines here.
     */
    private static void scanWhitespace(Reader in, String name, CellHandler handler) throws IOException {
        BufferedReader r = new BufferedReader(in, 1 << 16);
        String[] fields = new String[16];
        long line = 0;
        String s;
        while ((s = r.readLine()) != null) {
            line++;
            int n = 0;
            int i = 0;
            int len = s.length();
            while (true) {
                while (i < len && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                    i++;
                }
                if (i >= len) {
                    break;
                }
                String field;
                if (s.charAt(i) == '"') {
                    StringBuilder sb = new StringBuilder();
                    i++;
                    boolean closed = false;
                    while (i < len) {
                        char c = s.charAt(i);
                        if (c == '\\' && i + 1 < len) {
                            sb.append(s.charAt(i + 1));
                            i += 2;
                        } else if (c == '"' && i + 1 < len && s.charAt(i + 1) == '"') {
                            sb.append('"');
                            i += 2;
                        } else if (c == '"') {
                            i++;
                            closed = true;
                            break;
                        } else {
                            sb.append(c);
                            i++;
                        }
                    }
                    if (!closed) {
                        throw new UserError(name + ":" + line + ": a quoted field has no closing quote. Close it on "
                                + "the same line.");
                    }
                    field = sb.toString();
                } else {
                    int j = i;
                    while (j < len && s.charAt(j) != ' ' && s.charAt(j) != '\t') {
                        j++;
                    }
                    field = s.substring(i, j);
                    i = j;
                }
                if (n == fields.length) {
                    fields = Arrays.copyOf(fields, n * 2);
                }
                fields[n++] = field;
            }
            if (n == 0) {
                continue;
            }
            handler.rowStart(line, n);
            for (int j = 0; j < n; j++) {
                handler.cell(j, fields[j].toCharArray(), 0, fields[j].length());
            }
            if (!handler.rowEnd(n)) {
                return;
            }
        }
    }

    /** The delimiter among , ; and tab that occurs most often (outside quotes) in the header line. */
    static char detectDelimiter(Path file, String name) {
        StringBuilder header = new StringBuilder();
        try (Reader in = new Utf8Reader(open(file, name), name)) {
            int c;
            while ((c = in.read()) >= 0 && c != '\n' && header.length() < (1 << 20)) {
                header.append((char) c);
            }
        } catch (IOException e) {
            throw new UserError(name + ": cannot read the data file (" + e.getMessage() + ").", e);
        }
        int comma = 0;
        int semi = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                comma += c == ',' ? 1 : 0;
                semi += c == ';' ? 1 : 0;
                tab += c == '\t' ? 1 : 0;
            }
        }
        if (tab > comma && tab > semi) {
            return '\t';
        }
        return semi > comma ? ';' : ',';
    }
}
