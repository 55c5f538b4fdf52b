package io.survkit.data;

import io.survkit.internal.Check;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads {@link SurvivalData} from a delimited text file with a header line. Every column of the
 * file is kept (or only those named in {@link #columns(String...)}, besides the survival roles):
 * numeric where every non-missing value parses as a number, text otherwise; memory grows with the
 * columns kept, not the text of the file. An empty cell or {@code NA} is missing. The model
 * (covariates, groups, strata) is chosen per analysis.
 *
 * <p>The file is read by survkit's own byte-level engine ({@code CsvScanner}: R's {@code read.csv}
 * dialect: quotes, {@code CRLF}, a UTF-8 byte-order mark, blank lines, the row-name column of R's
 * {@code write.csv}); the time, entry time and weights must be numbers, and every message names the
 * column, the 1-based row and its file line.
 *
 * <pre>{@code
 * SurvivalData d = SurvivalData.csv(Path.of("veteran.csv"))
 *         .time("time").event("status", "1")
 *         .read();
 * CoxResult cox = CoxRegression.withDefaults().fit(d, "trt + karno + factor(celltype, ref = squamous)");
 * }</pre>
 */
public final class CsvSurvivalReader extends ColumnRoles<CsvSurvivalReader> {
    private final Path file;
    private char delimiter = ',';
    private Charset encoding = StandardCharsets.UTF_8;

    CsvSurvivalReader(Path file) {
        this.file = Check.notNull("file", file);
    }

    /**
     * @param d the field delimiter (default comma; {@code ';'} for European exports, tab for SEER*Stat text exports)
     * @return this reader
     */
    public CsvSurvivalReader delimiter(char d) {
        delimiter = d;
        return this;
    }

    /**
     * The character encoding of the file (default UTF-8); any ASCII-compatible encoding, e.g.
     * {@code StandardCharsets.ISO_8859_1} for Latin-1 exports or {@code Charset.forName("windows-1252")}.
     *
     * @param charset the encoding
     * @return this reader
     */
    public CsvSurvivalReader encoding(Charset charset) {
        encoding = Check.notNull("encoding", charset);
        return this;
    }

    /**
     * Reads the file and builds the data.
     *
     * @return the data, every row kept
     * @throws IllegalArgumentException for an unknown column or a bad value (naming column, row, file line and value)
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    public SurvivalData read() {
        requireRoles();
        CsvScanner scanner = new CsvScanner(file, delimiter, encoding);
        List<String> header = scanner.open();
        List<String> wanted = wantedColumns(header, String.valueOf(file.getFileName()));
        int[] index = new int[wanted.size()];
        CsvScanner.Kind[] kinds = new CsvScanner.Kind[wanted.size()];
        String[] expected = new String[wanted.size()];
        for (int j = 0; j < wanted.size(); j++) {
            index[j] = header.indexOf(wanted.get(j));
            kinds[j] = mustBeNumeric(wanted.get(j)) ? CsvScanner.Kind.NUMBER : CsvScanner.Kind.AUTO;
            expected[j] = expected(wanted.get(j));
        }
        CsvScanner.Table table = scanner.scan(index, kinds, expected);
        checkRoleValues(wanted, table);
        return build(wanted, new Columns() {
            @Override
            public boolean isNumeric(int j) {
                return table.kinds[j] == CsvScanner.Kind.NUMBER;
            }

            @Override
            public double[] numbers(int j) {
                return table.numbers[j];
            }

            @Override
            public String[] labels(int j) {
                return table.labels(j);
            }
        }, table.lines);
    }

    /**
     * Times and weights out of range, reported with their file line (the builder, which checks them
     * again, knows only rows): the same messages as {@link SurvivalData.Builder#build()}.
     */
    private void checkRoleValues(List<String> wanted, CsvScanner.Table table) {
        for (int j = 0; j < wanted.size(); j++) {
            String name = wanted.get(j);
            if (!mustBeNumeric(name)) {
                continue;
            }
            boolean weight = expected(name).contains("weight");
            double[] v = table.numbers[j];
            for (int i = 0; i < v.length; i++) {
                if (!Double.isNaN(v[i]) && !(v[i] >= 0 && v[i] < Double.POSITIVE_INFINITY)) {
                    throw Check.fail("%s: %s %s is invalid; expected %s", Check.at(name, i + 1,
                            table.lines.line(i + 1)), weight ? "weight" : "time", Column.formatNumber(v[i]),
                            expected(name));
                }
            }
        }
    }
}
