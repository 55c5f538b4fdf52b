package io.survkit.data;

import io.survkit.internal.Check;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads {@link SurvivalData} from a delimited text file with a header line. Every column of the
 * file is kept (or only those named in {@link #columns(String...)}, besides the survival roles):
 * numeric where every non-missing value parses as a number, text otherwise; memory grows with
 * the columns kept, not the text of the file. An empty cell or {@code NA} is missing. The model
 * (covariates, groups, strata) is chosen per analysis.
 *
 * <p>Reading has two steps: {@link #parse(Reader)} streams the records into columns (the
 * low-level parsing engine), then the columns and roles are validated into {@link SurvivalData}.
 *
 * <pre>{@code
 * SurvivalData d = SurvivalData.csv(Path.of("veteran.csv"))
 *         .time("time").event("status", "1")
 *         .read();
 * CoxResult cox = CoxRegression.withDefaults().fit(d, "trt + karno + factor(celltype, ref = squamous)");
 * }</pre>
 */
public final class CsvSurvivalReader {
    private final Path file;
    private char delimiter = ',';
    private String time;
    private String start;
    private String event;
    private String[] eventValues;
    private String[] censorValues;
    private String censorValue;
    private String weights;
    private String cluster;
    private List<String> only;

    CsvSurvivalReader(Path file) {
        this.file = Check.notNull("file", file);
    }

    /**
     * @param d the field delimiter (default comma; tab for SEER*Stat text exports)
     * @return this reader
     */
    public CsvSurvivalReader delimiter(char d) {
        delimiter = d;
        return this;
    }

    /**
     * @param column the follow-up (exit) time column
     * @return this reader
     */
    public CsvSurvivalReader time(String column) {
        time = column;
        return this;
    }

    /**
     * @param column the entry time column (counting-process data)
     * @return this reader
     */
    public CsvSurvivalReader start(String column) {
        start = column;
        return this;
    }

    /**
     * @param column the event column
     * @param eventValue the value(s) meaning "event"; every other value is censored
     * @return this reader
     */
    public CsvSurvivalReader event(String column, String... eventValue) {
        event = column;
        eventValues = eventValue;
        censorValue = null;
        return this;
    }

    /**
     * The values of the event column that mean censored. Without them the column may hold one
     * value besides the event value(s); more is an error that lists them with their counts (so that
     * {@code "dead"} beside {@code "Dead"} is not silently censored). With them, a value that is
     * neither an event nor censored is an error.
     *
     * @param values the censoring values
     * @return this reader
     */
    public CsvSurvivalReader censorValues(String... values) {
        censorValues = Check.notNull("censor values", values).clone();
        return this;
    }

    /**
     * Competing risks.
     *
     * @param column the cause column
     * @param censorValue the value meaning censored; every other value is a cause
     * @return this reader
     */
    public CsvSurvivalReader causes(String column, String censorValue) {
        event = column;
        this.censorValue = censorValue;
        eventValues = null;
        return this;
    }

    /**
     * @param column the case weights column
     * @return this reader
     */
    public CsvSurvivalReader weights(String column) {
        weights = column;
        return this;
    }

    /**
     * @param column the cluster column (robust variance summed within clusters)
     * @return this reader
     */
    public CsvSurvivalReader cluster(String column) {
        cluster = column;
        return this;
    }

    /**
     * Keeps only these columns besides the survival roles (default: every column of the file).
     *
     * @param names the columns to keep
     * @return this reader
     */
    public CsvSurvivalReader columns(String... names) {
        only = List.of(Check.notNull("columns", names));
        return this;
    }

    /**
     * Reads the file and builds the data.
     *
     * @return the data, every row kept
     * @throws IllegalArgumentException for an unknown column or a bad value (naming column, row and value)
     * @throws UncheckedIOException when the file cannot be read
     */
    public SurvivalData read() {
        if (time == null || event == null) {
            throw Check.fail("name the time and event columns before read()");
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return build(parse(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The parse step: streams the records of {@code in} into one column per kept header name.
     *
     * @param in the text
     * @return the columns in file order
     * @throws IOException when reading fails
     */
    Map<String, Column> parse(Reader in) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader()
                .setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).get();
        try (CSVParser parser = CSVParser.parse(in, format)) {
            List<String> header = parser.getHeaderNames();
            List<String> wanted = wantedColumns(header);
            int[] index = new int[wanted.size()];
            ColumnSink.Auto[] sinks = new ColumnSink.Auto[wanted.size()];
            for (int j = 0; j < wanted.size(); j++) {
                index[j] = header.indexOf(wanted.get(j));
                sinks[j] = new ColumnSink.Auto(wanted.get(j));
            }
            Progress progress = new Progress(file);
            int row = 0;
            for (CSVRecord rec : parser) {
                row++;
                for (int j = 0; j < index.length; j++) {
                    if (index[j] >= rec.size()) {
                        throw Check.fail("row %d (file line %d) has %d fields; column '%s' is field %d", row, row + 1,
                                rec.size(), wanted.get(j), index[j] + 1);
                    }
                    sinks[j].add(rec.get(index[j]), row);
                }
                progress.row(row);
            }
            progress.done(row);
            Map<String, Column> cols = new LinkedHashMap<>();
            for (ColumnSink.Auto s : sinks) {
                cols.put(s.name, s.column());
            }
            return cols;
        }
    }

    private List<String> wantedColumns(List<String> header) {
        List<String> roles = new ArrayList<>();
        for (String c : new String[] {time, start, event, weights, cluster}) {
            if (c != null) {
                roles.add(c);
            }
        }
        List<String> check = new ArrayList<>(roles);
        if (only != null) {
            check.addAll(only);
        }
        for (String c : check) {
            if (!header.contains(c)) {
                throw Check.fail("unknown column '%s' in %s; the file has %s", c, file.getFileName(), header);
            }
        }
        List<String> w = new ArrayList<>();
        for (String h : header) {
            if (!w.contains(h) && (only == null || only.contains(h) || roles.contains(h))) {
                w.add(h);
            }
        }
        return w;
    }

    private SurvivalData build(Map<String, Column> cols) {
        SurvivalData.Builder b = SurvivalData.builder();
        for (Column c : cols.values()) {
            if (c.isNumeric()) {
                b.numeric(c.name, c.numbers);
            } else {
                b.text(c.name, c.text);
            }
        }
        b.time(time);
        if (start != null) {
            b.start(start);
        }
        if (censorValue != null) {
            b.causes(event, censorValue);
        } else {
            b.event(event, eventValues);
            if (censorValues != null) {
                b.censorValues(censorValues);
            }
        }
        if (weights != null) {
            b.weights(weights);
        }
        if (cluster != null) {
            b.cluster(cluster);
        }
        return b.build();
    }
}
