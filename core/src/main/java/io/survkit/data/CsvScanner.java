package io.survkit.data;

import io.survkit.internal.Check;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The byte-level engine under the CSV readers: one pass over the file in large blocks, fields found
 * by scanning bytes, used numeric fields parsed in place by {@link DecimalParser} into
 * {@code double[]}, used text fields numbered by a {@link ByteDictionary}, unused fields skipped
 * without being decoded. Memory grows with the rows times the columns used, never with the text.
 *
 * <p>The dialect is R's {@code read.csv} and RFC 4180: a header line; fields separated by one
 * delimiter byte; a field in double quotes may hold delimiters, line breaks and doubled quotes;
 * {@code \n}, {@code \r\n} or {@code \r} end a record; blank lines are skipped; a UTF-8 byte-order
 * mark is dropped; spaces around a field are ignored; an empty field or {@code NA} is missing. As in
 * {@code read.csv}, a header with one name fewer than the data rows means the first column holds
 * row names (it is dropped), and an empty name (the row-name column of R's default
 * {@code write.csv}) is called {@code X}; repeated names get {@code .1}, {@code .2} as R's
 * {@code make.unique}.
 *
 * <p>Every problem is an {@link IllegalArgumentException} naming the file line (and column, row and
 * value where there is one): an unclosed quote, text after a closing quote, a value that is not a
 * number, bytes that are not valid in the file's encoding.
 */
final class CsvScanner {
    /** How a used column is stored. */
    enum Kind {
        /** {@code double[]}, NaN = missing; a non-number is an error. */
        NUMBER,
        /** {@code int[]} codes into a dictionary, -1 = missing. */
        TEXT,
        /**
         * Numbers while every value is one, then text from the first value that is not (the numbers
         * before it become their canonical labels, {@code "2"} for {@code 2.0}), as R's
         * {@code type.convert} decides a column's type.
         */
        AUTO
    }

    private static final int BLOCK = 1 << 20;

    private final Path file;
    private final byte delimiter;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private InputStream in;
    private byte[] buf = new byte[BLOCK];
    private int pos;
    private int limit;
    private boolean eof;
    private long line = 1;
    /** Bytes before {@code buf[0]}. */
    private long consumed;
    private long dataStart;
    private byte[] scratch = new byte[256];
    /** Header names (after R's renaming) and whether a row-name column precedes the data. */
    private List<String> names;
    private boolean rowNames;
    private Progress progress;

    CsvScanner(Path file, char delimiter, Charset charset) {
        this.file = file;
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r' || delimiter > 0x7f) {
            throw Check.fail("delimiter '%s' cannot separate fields; use one ASCII character such as ',' ';' or tab",
                    printable(delimiter));
        }
        this.delimiter = (byte) delimiter;
        this.charset = charset;
        byte[] probe = ",;\t\"\r\n 0123456789.-+eENA".getBytes(charset);
        if (!Arrays.equals(probe, ",;\t\"\r\n 0123456789.-+eENA".getBytes(StandardCharsets.US_ASCII))) {
            throw Check.fail("encoding %s is not ASCII-compatible; CSV files in UTF-8, ISO-8859-1 (Latin-1) or "
                    + "windows-1252 can be read", charset.name());
        }
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static String printable(char c) {
        return c == '\t' ? "\\t" : c == '\n' ? "\\n" : c == '\r' ? "\\r" : String.valueOf(c);
    }

    /** Opens the file and reads the header; returns the column names. */
    List<String> open() {
        try {
            in = Files.newInputStream(file);
            refill(0);
            if (limit >= 3 && (buf[0] & 0xff) == 0xef && (buf[1] & 0xff) == 0xbb && (buf[2] & 0xff) == 0xbf) {
                pos = 3;
            }
            skipBlankLines();
            List<String> header = header();
            if (header == null) {
                throw Check.fail("%s is empty; expected a header line with the column names", file.getFileName());
            }
            int firstRowFields = peekFieldCount();
            rowNames = firstRowFields == header.size() + 1;
            names = rNames(header);
            dataStart = consumed + pos;
            progress = new Progress(file);
            return names;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(Check.format("cannot read %s: %s", file, e.getMessage()), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** True when the first field of every data row is a row name (dropped, as {@code read.csv} does). */
    boolean hasRowNames() {
        return rowNames;
    }

    /** R's {@code make.names(unique = TRUE)} for what a CSV header can hold: "" becomes X; repeats get .1, .2. */
    private static List<String> rNames(List<String> header) {
        List<String> out = new ArrayList<>(header.size());
        Map<String, Integer> seen = new HashMap<>();
        for (String h : header) {
            String n = h.isEmpty() ? "X" : h;
            String unique = n;
            for (int k = seen.getOrDefault(n, 0); out.contains(unique); k++) {
                unique = n + "." + (k + 1);
                seen.put(n, k + 1);
            }
            out.add(unique);
        }
        return out;
    }

    /**
     * Reads every data row, keeping the columns {@code columns} (indices into the header) stored as
     * {@code kinds}; {@code expected} says, per column, what a value must be (for messages).
     */
    Table scan(int[] columns, Kind[] kinds, String[] expected) {
        try {
            return scanRows(columns, kinds, expected);
        } catch (IOException e) {
            throw new UncheckedIOException(Check.format("cannot read %s: %s", file, e.getMessage()), e);
        } finally {
            close();
        }
    }

    private void close() {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing was written; a failed close of a read cannot lose data
            }
            in = null;
        }
    }

    private Table scanRows(int[] columns, Kind[] kinds, String[] expected) throws IOException {
        int shift = rowNames ? 1 : 0;
        int width = names.size() + shift;
        int[] slotOfField = new int[width];
        Arrays.fill(slotOfField, -1);
        int lastField = -1;
        for (int j = 0; j < columns.length; j++) {
            slotOfField[columns[j] + shift] = j;
            lastField = Math.max(lastField, columns[j] + shift);
        }
        Table t = new Table(columns.length, kinds);
        t.columns = columns.clone();
        kinds = t.kinds;
        LineMap.Recorder lines = new LineMap.Recorder();
        int row = 0;
        while (true) {
            skipBlankLines();
            if (pos >= limit && eof) {
                break;
            }
            row++;
            if (row == 4096) {
                t.expect(expectedRows(row));
            }
            t.ensure(row);
            lines.row(row, line);
            int fields = dataRecord(slotOfField, t, row, kinds, expected);
            if (fields <= lastField) {
                for (int j = 0; j < columns.length; j++) {
                    if (columns[j] + shift >= fields) {
                        throw Check.fail("row %d (file line %d) has %d fields; column '%s' is field %d", row,
                                lines.map().line(row), fields - shift, names.get(columns[j]), columns[j] + 1);
                    }
                }
            }
            progress.row(row);
        }
        progress.done(row);
        t.finish(row, lines.map());
        return t;
    }

    /** Rows of the file judged from the first {@code rows} (5% more, so one allocation usually serves). */
    private long expectedRows(int rows) {
        long read = consumed + pos - dataStart;
        try {
            long size = Files.size(file) - dataStart;
            return read <= 0 ? rows : (long) (1.05 * size / read * rows) + 1024;
        } catch (IOException e) {
            return rows;
        }
    }

    /** Skips empty lines (and lines of spaces), as {@code read.csv}'s {@code blank.lines.skip}. */
    private void skipBlankLines() throws IOException {
        while (true) {
            if (pos >= limit && !eof) {
                refill(pos);
            }
            int p = pos;
            while (p < limit && (buf[p] == ' ' || buf[p] == '\t' && delimiter != '\t')) {
                p++;
            }
            if (p >= limit) {
                if (eof) {
                    pos = p;
                    return;
                }
                refill(pos);
                continue;
            }
            byte c = buf[p];
            if (c == '\n') {
                pos = p + 1;
                line++;
            } else if (c == '\r') {
                if (p + 1 >= limit && !eof) {
                    refill(pos);
                    continue;
                }
                pos = p + (p + 1 < limit && buf[p + 1] == '\n' ? 2 : 1);
                line++;
            } else {
                return;
            }
        }
    }

    /**
     * One data record: stores the used fields of row {@code row} and returns the number of fields.
     * A record cut by the end of the block is started again after the block is refilled (stores are
     * idempotent: the same slot gets the same value).
     */
    private int dataRecord(int[] slotOfField, Table t, int row, Kind[] kinds, String[] expected) throws IOException {
        int start = pos;
        long startLine = line;
        restart:
        while (true) {
            int p = pos;
            int f = 0;
            long breaks = 0;
            while (true) {
                int from;
                int to;
                boolean escaped = false;
                int q;
                boolean stored = false;
                if (p < limit && buf[p] == '"') {
                    from = p + 1;
                    q = from;
                    long opened = startLine + breaks;
                    while (true) {
                        if (q >= limit) {
                            if (eof) {
                                throw unclosed(opened, f);
                            }
                            start = refillRecord(start);
                            continue restart;
                        }
                        byte c = buf[q];
                        if (c == '"') {
                            if (q + 1 >= limit && !eof) {
                                start = refillRecord(start);
                                continue restart;
                            }
                            if (q + 1 < limit && buf[q + 1] == '"') {
                                escaped = true;
                                q += 2;
                                continue;
                            }
                            break;
                        }
                        if (c == '\n') {
                            breaks++;
                        }
                        q++;
                    }
                    to = q;
                    q++;
                    while (q < limit && buf[q] == ' ') {
                        q++;
                    }
                    if (q >= limit && !eof) {
                        start = refillRecord(start);
                        continue restart;
                    }
                    if (q < limit && buf[q] != delimiter && buf[q] != '\n' && buf[q] != '\r') {
                        throw Check.fail("%s, file line %d: text after the closing quote of field %d (%s); a quote "
                                + "inside a quoted field is written twice (\"\")", file.getFileName(), line + breaks,
                                f + 1, excerpt(q));
                    }
                } else {
                    int numeric = f < slotOfField.length ? slotOfField[f] : -1;
                    q = numeric >= 0 && kinds[numeric] == Kind.NUMBER ? plainNumber(p, t.numbers[numeric], row - 1)
                            : -1;
                    if (q >= 0) {
                        stored = true;
                    } else {
                        q = endOfField(p);
                        if (q >= limit && !eof) {
                            start = refillRecord(start);
                            continue restart;
                        }
                    }
                    from = p;
                    to = q;
                }
                int slot = f < slotOfField.length ? slotOfField[f] : -1;
                if (slot >= 0 && !stored) {
                    store(t, slot, kinds[slot], from, to, escaped, row, startLine, expected[slot]);
                }
                f++;
                if (q < limit && buf[q] == delimiter) {
                    p = q + 1;
                    continue;
                }
                // end of record: \n, \r\n, \r or end of file
                if (q < limit) {
                    if (buf[q] == '\r') {
                        if (q + 1 >= limit && !eof) {
                            start = refillRecord(start);
                            continue restart;
                        }
                        q += q + 1 < limit && buf[q + 1] == '\n' ? 2 : 1;
                    } else {
                        q++;
                    }
                }
                pos = q;
                line = startLine + breaks + 1;
                return f;
            }
        }
    }

    /** Position of the delimiter or line end closing the unquoted field at {@code p}, or {@code limit}. */
    private int endOfField(int p) {
        byte[] b = buf;
        byte d = delimiter;
        int q = p;
        int lim = limit;
        while (q < lim) {
            byte c = b[q];
            if (c == d || c == '\n' || c == '\r') {
                return q;
            }
            q++;
        }
        return lim;
    }

    /**
     * The common numeric field parsed while it is scanned: {@code [-]digits[.digits]} of at most 18
     * digits with an integer mantissa below 2^53, directly followed by the delimiter or a line end
     * in this block. Stores the value (exact by {@link DecimalParser}'s argument) and returns the
     * position of that terminator; returns -1 for anything else, which the general path then reads.
     */
    private int plainNumber(int p, double[] column, int i) {
        byte[] b = buf;
        int lim = limit;
        int q = p;
        boolean negative = q < lim && b[q] == '-';
        if (negative) {
            q++;
        }
        int first = q;
        long m = 0;
        while (q < lim) {
            int d = b[q] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            m = m * 10 + d;
            q++;
        }
        int digits = q - first;
        int scale = 0;
        if (q < lim && b[q] == '.') {
            int fraction = ++q;
            while (q < lim) {
                int d = b[q] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                m = m * 10 + d;
                q++;
            }
            scale = q - fraction;
            digits += scale;
        }
        if (q >= lim || digits == 0 || digits > 18 || scale > 22 || m >= (1L << 53)) {
            return -1;
        }
        byte c = b[q];
        if (c != delimiter && c != '\n' && c != '\r') {
            return -1;
        }
        double v = scale == 0 ? (double) m : m / DecimalParser.POWERS[scale];
        column[i] = negative ? -v : v;
        return q;
    }

    private IllegalArgumentException unclosed(long opened, int field) {
        return Check.fail("%s, file line %d: the quote opening field %d is never closed (a missing \" ?)",
                file.getFileName(), opened, field + 1);
    }

    private String excerpt(int q) {
        int e = q;
        while (e < limit && e - q < 20 && buf[e] != '\n' && buf[e] != '\r') {
            e++;
        }
        return "'" + new String(buf, q, e - q, charset) + "'";
    }

    /** Moves the record starting at {@code start} to the front and reads more; returns its new start. */
    private int refillRecord(int start) throws IOException {
        refill(start);
        return pos;
    }

    /** Keeps {@code buf[keep, limit)} at the front, sets {@code pos} to its start, and reads more bytes. */
    private void refill(int keep) throws IOException {
        consumed += keep;
        int kept = limit - keep;
        if (keep == 0 && kept == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        } else if (kept > 0) {
            System.arraycopy(buf, keep, buf, 0, kept);
        }
        limit = kept;
        pos = 0;
        while (limit < buf.length) {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
                break;
            }
            limit += n;
        }
    }

    private void store(Table t, int slot, Kind kind, int from, int to, boolean escaped, int row, long fileLine,
            String expected) {
        byte[] b = buf;
        if (escaped) {
            int n = 0;
            if (scratch.length < to - from) {
                scratch = new byte[to - from];
            }
            for (int i = from; i < to; i++) {
                scratch[n++] = buf[i];
                if (buf[i] == '"') {
                    i++;
                }
            }
            b = scratch;
            from = 0;
            to = n;
        }
        while (from < to && (b[from] == ' ' || b[from] == '\t')) {
            from++;
        }
        while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
            to--;
        }
        boolean missing = from == to || to - from == 2 && b[from] == 'N' && b[from + 1] == 'A';
        int i = row - 1;
        if (kind == Kind.NUMBER) {
            double v = Double.NaN;
            if (!missing) {
                v = DecimalParser.parse(b, from, to);
                if (Double.isNaN(v) && t.auto[slot]) {
                    t.toText(slot, i);
                    storeText(t, slot, b, from, to, false, i, fileLine);
                    return;
                }
                if (Double.isNaN(v)) {
                    String text = decode(b, from, to, fileLine, names.get(t.columns[slot]));
                    throw Check.fail("column '%s', row %d (file line %d): value '%s' is not a number; expected %s",
                            names.get(t.columns[slot]), row, fileLine, text, expected);
                }
            }
            t.numbers[slot][i] = v;
        } else {
            storeText(t, slot, b, from, to, missing, i, fileLine);
        }
    }

    private void storeText(Table t, int slot, byte[] b, int from, int to, boolean missing, int i, long fileLine) {
        int code = -1;
        if (!missing) {
            ByteDictionary dict = t.dictionaries[slot];
            code = to - from <= ByteDictionary.SHORT ? dict.findShort(ByteDictionary.pack(b, from, to)) : -1;
            int h = code >= 0 ? 0 : ByteDictionary.hash(b, from, to);
            code = code >= 0 ? code : dict.find(b, from, to, h);
            if (code < 0) {
                code = dict.add(b, from, to, h, decode(b, from, to, fileLine, names.get(t.columns[slot])));
            }
        }
        t.codes[slot][i] = code;
    }

    /** Decodes a field; bytes that are not valid in the file's encoding are an error naming the line. */
    private String decode(byte[] b, int from, int to, long fileLine, String column) {
        try {
            CharBuffer c = decoder.reset().decode(ByteBuffer.wrap(b, from, to - from));
            return c.toString();
        } catch (CharacterCodingException e) {
            throw encodingError(fileLine, column, b, from, to);
        }
    }

    private IllegalArgumentException encodingError(long fileLine, String column, byte[] b, int from, int to) {
        int bad = from;
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                bad = i;
                break;
            }
        }
        String what = column == null ? "" : Check.format(" (column '%s')", column);
        String hint = charset.equals(StandardCharsets.UTF_8)
                ? "; the file is probably Latin-1 (ISO-8859-1) or windows-1252: read it with encoding(ISO_8859_1)"
                        + " (CLI: --encoding latin1)"
                : "";
        return Check.fail("%s, file line %d%s: byte 0x%02X is not valid %s text%s", file.getFileName(), fileLine,
                what, b[bad] & 0xff, charset.name(), hint);
    }

    /** The header record, decoded. Returns null at end of file. */
    private List<String> header() throws IOException {
        if (pos >= limit && eof) {
            return null;
        }
        fieldsOfRecord(true);
        return new ArrayList<>(collected);
    }

    /** Number of fields of the next record without consuming it (0 without data rows). */
    private int peekFieldCount() throws IOException {
        skipBlankLines();
        if (pos >= limit && eof) {
            return 0;
        }
        return fieldsOfRecord(false);
    }

    /**
     * Tokenizes the record at {@code pos} (growing the block until it fits) and returns its number of
     * fields; when {@code consume}, collects its decoded fields and moves past it.
     */
    private int fieldsOfRecord(boolean consume) throws IOException {
        while (true) {
            collected.clear();
            int fields = recordFields(consume);
            if (fields >= 0) {
                return fields;
            }
            refill(pos);
        }
    }

    /** Fields of the record at {@code pos}, or -1 if the block ends before it does. */
    private int recordFields(boolean collect) {
        int p = pos;
        long breaks = 0;
        int f = 0;
        while (true) {
            int from;
            int to;
            int q;
            boolean escaped = false;
            if (p < limit && buf[p] == '"') {
                from = p + 1;
                q = from;
                long opened = line + breaks;
                while (true) {
                    if (q >= limit) {
                        if (eof) {
                            throw unclosed(opened, f);
                        }
                        return -1;
                    }
                    if (buf[q] == '"') {
                        if (q + 1 >= limit && !eof) {
                            return -1;
                        }
                        if (q + 1 < limit && buf[q + 1] == '"') {
                            escaped = true;
                            q += 2;
                            continue;
                        }
                        break;
                    }
                    if (buf[q] == '\n') {
                        breaks++;
                    }
                    q++;
                }
                to = q++;
                while (q < limit && buf[q] == ' ') {
                    q++;
                }
                if (q >= limit && !eof) {
                    return -1;
                }
                if (q < limit && buf[q] != delimiter && buf[q] != '\n' && buf[q] != '\r') {
                    throw Check.fail("%s, file line %d: text after the closing quote of field %d (%s); a quote "
                            + "inside a quoted field is written twice (\"\")", file.getFileName(), line + breaks,
                            f + 1, excerpt(q));
                }
            } else {
                from = p;
                q = p;
                while (q < limit && buf[q] != delimiter && buf[q] != '\n' && buf[q] != '\r') {
                    q++;
                }
                if (q >= limit && !eof) {
                    return -1;
                }
                to = q;
            }
            if (collect) {
                String s = decode(unescape(from, to, escaped), 0, scratchLength, line + breaks, null).strip();
                collected.add(s);
            }
            f++;
            if (q < limit && buf[q] == delimiter) {
                p = q + 1;
                continue;
            }
            if (q < limit) {
                if (buf[q] == '\r') {
                    if (q + 1 >= limit && !eof) {
                        return -1;
                    }
                    q += q + 1 < limit && buf[q + 1] == '\n' ? 2 : 1;
                } else {
                    q++;
                }
            }
            if (collect) {
                pos = q;
                line += breaks + 1;
            }
            return f;
        }
    }

    private int scratchLength;
    private final List<String> collected = new ArrayList<>();

    private byte[] unescape(int from, int to, boolean escaped) {
        if (scratch.length < to - from) {
            scratch = new byte[to - from];
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            scratch[n++] = buf[i];
            if (escaped && buf[i] == '"') {
                i++;
            }
        }
        scratchLength = n;
        return scratch;
    }

    /** The columns read: numbers, or codes with their dictionary; the file line of each row. */
    static final class Table {
        /** Per column: NUMBER or TEXT storage (an AUTO column starts as NUMBER). */
        final Kind[] kinds;
        /** Per column: true when it may still turn to text. */
        final boolean[] auto;
        final double[][] numbers;
        final int[][] codes;
        final ByteDictionary[] dictionaries;
        int[] columns;
        int rows;
        LineMap lines = LineMap.PLAIN;
        private int capacity = 1 << 14;

        Table(int width, Kind[] requested) {
            this.kinds = requested.clone();
            auto = new boolean[width];
            numbers = new double[width][];
            codes = new int[width][];
            dictionaries = new ByteDictionary[width];
            for (int j = 0; j < width; j++) {
                auto[j] = kinds[j] == Kind.AUTO;
                if (auto[j]) {
                    kinds[j] = Kind.NUMBER;
                }
                if (kinds[j] == Kind.NUMBER) {
                    numbers[j] = new double[capacity];
                } else {
                    codes[j] = new int[capacity];
                    dictionaries[j] = new ByteDictionary();
                }
            }
        }

        /** Turns AUTO column {@code j} to text: its first {@code rows} numbers become their canonical labels. */
        void toText(int j, int rows) {
            ByteDictionary d = new ByteDictionary();
            int[] c = new int[capacity];
            double[] v = numbers[j];
            for (int i = 0; i < rows; i++) {
                if (Double.isNaN(v[i])) {
                    c[i] = -1;
                    continue;
                }
                String label = Column.formatNumber(v[i]);
                byte[] b = label.getBytes(StandardCharsets.UTF_8);
                int h = ByteDictionary.hash(b, 0, b.length);
                int code = d.find(b, 0, b.length, h);
                c[i] = code >= 0 ? code : d.add(b, 0, b.length, h, label);
            }
            numbers[j] = null;
            codes[j] = c;
            dictionaries[j] = d;
            kinds[j] = Kind.TEXT;
            auto[j] = false;
        }

        /** Sizes the columns once for the rows the file is expected to hold. */
        void expect(long rows) {
            if (rows > capacity) {
                grow((int) Math.min(rows, Integer.MAX_VALUE - 16));
            }
        }

        void ensure(int row) {
            if (row > capacity) {
                grow((int) Math.min(2L * capacity, Integer.MAX_VALUE - 16));
            }
        }

        private void grow(int newCapacity) {
            capacity = newCapacity;
            for (int j = 0; j < kinds.length; j++) {
                if (numbers[j] != null) {
                    numbers[j] = Arrays.copyOf(numbers[j], capacity);
                } else {
                    codes[j] = Arrays.copyOf(codes[j], capacity);
                }
            }
        }

        void finish(int n, LineMap map) {
            rows = n;
            lines = map;
            if (n == capacity) {
                return;
            }
            for (int j = 0; j < kinds.length; j++) {
                if (numbers[j] != null) {
                    numbers[j] = Arrays.copyOf(numbers[j], n);
                } else {
                    codes[j] = Arrays.copyOf(codes[j], n);
                }
            }
        }

        /** Column {@code j} as text (null = missing), for the builder. */
        String[] labels(int j) {
            String[] out = new String[rows];
            ByteDictionary d = dictionaries[j];
            int[] c = codes[j];
            for (int i = 0; i < rows; i++) {
                out[i] = c[i] < 0 ? null : d.string(c[i]);
            }
            return out;
        }
    }
}
