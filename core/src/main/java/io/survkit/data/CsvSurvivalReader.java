package io.survkit.data;

import io.survkit.internal.Check;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads {@link SurvivalData} from a delimited text file with a header line. Only the columns named
 * are kept (memory grows with the columns used, not the file). An empty cell or {@code NA} is
 * missing; rows with a missing value in a used column are left out and counted.
 *
 * <p>The file is read by survkit's own byte-level engine (R's {@code read.csv} dialect: quotes,
 * {@code CRLF}, a UTF-8 byte-order mark, blank lines, the row-name column of R's
 * {@code write.csv}); every message names the column, the 1-based row and its file line.
 *
 * <pre>{@code
 * SurvivalData d = SurvivalData.csv(Path.of("veteran.csv"))
 *         .time("time").event("status", "1")
 *         .group("trt").factor("celltype", "squamous").numeric("karno")
 *         .read();
 * }</pre>
 */
public final class CsvSurvivalReader extends ColumnRoles<CsvSurvivalReader> {
    private final Path file;
    private char delimiter = ',';
    private Charset encoding = StandardCharsets.UTF_8;

    CsvSurvivalReader(Path file) {
        this.file = Check.notNull("file", file);
    }

    /** Field delimiter (default comma; {@code ';'} for European exports, tab for SEER*Stat text exports). */
    public CsvSurvivalReader delimiter(char d) {
        delimiter = d;
        return this;
    }

    /**
     * Character encoding of the file (default UTF-8). Any ASCII-compatible encoding: e.g.
     * {@code StandardCharsets.ISO_8859_1} for Latin-1 exports, {@code Charset.forName("windows-1252")}.
     */
    public CsvSurvivalReader encoding(Charset charset) {
        encoding = Check.notNull("encoding", charset);
        return this;
    }

    /** Reads the file and builds the data. */
    public SurvivalData read() {
        requireRoles();
        CsvScanner scanner = new CsvScanner(file, delimiter, encoding);
        List<String> header = scanner.open();
        List<String> wanted = wantedColumns();
        int[] index = new int[wanted.size()];
        CsvScanner.Kind[] kinds = new CsvScanner.Kind[wanted.size()];
        String[] expected = new String[wanted.size()];
        for (int j = 0; j < wanted.size(); j++) {
            index[j] = header.indexOf(wanted.get(j));
            if (index[j] < 0) {
                throw Check.fail("unknown column '%s' in %s; the file has %s", wanted.get(j), file.getFileName(),
                        header);
            }
            kinds[j] = isNumeric(wanted.get(j)) ? CsvScanner.Kind.NUMBER : CsvScanner.Kind.TEXT;
            expected[j] = expected(wanted.get(j));
        }
        CsvScanner.Table table = scanner.scan(index, kinds, expected);
        return build(new Columns() {
            @Override
            public double[] numbers(int j) {
                return table.numbers[j];
            }

            @Override
            public String[] labels(int j) {
                return table.kinds[j] == CsvScanner.Kind.TEXT ? table.labels(j) : labelsOf(table.numbers[j]);
            }
        }, table.lines);
    }
}
