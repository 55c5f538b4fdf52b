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
 * Reads {@link SurvivalData} from a delimited text file with a header line. Only the columns named
 * are kept (memory grows with the columns used, not the file). An empty cell or {@code NA} is
 * missing; rows with a missing value in a used column are left out and counted.
 *
 * <pre>{@code
 * SurvivalData d = SurvivalData.csv(Path.of("veteran.csv"))
 *         .time("time").event("status", "1")
 *         .group("trt").factor("celltype", "squamous").numeric("karno")
 *         .read();
 * }</pre>
 */
public final class CsvSurvivalReader {
    private final Path file;
    private char delimiter = ',';
    private String time;
    private String start;
    private String event;
    private String[] eventValues;
    private String censorValue;
    private String weights;
    private String group;
    private String[] groupLevels;
    private String strata;
    private String cluster;
    private final Map<String, String> covariates = new LinkedHashMap<>(); // name -> null numeric, else "factor:<ref>"

    CsvSurvivalReader(Path file) {
        this.file = Check.notNull("file", file);
    }

    /** Field delimiter (default comma; use tab for SEER*Stat text exports). */
    public CsvSurvivalReader delimiter(char d) {
        delimiter = d;
        return this;
    }

    /** Follow-up (exit) time column. */
    public CsvSurvivalReader time(String column) {
        time = column;
        return this;
    }

    /** Entry time column (counting-process data). */
    public CsvSurvivalReader start(String column) {
        start = column;
        return this;
    }

    /** Event column and the value(s) meaning "event". */
    public CsvSurvivalReader event(String column, String... eventValue) {
        event = column;
        eventValues = eventValue;
        censorValue = null;
        return this;
    }

    /** Competing risks: cause column, with {@code censorValue} meaning censored. */
    public CsvSurvivalReader causes(String column, String censorValue) {
        event = column;
        this.censorValue = censorValue;
        eventValues = null;
        return this;
    }

    /** Case weights column. */
    public CsvSurvivalReader weights(String column) {
        weights = column;
        return this;
    }

    /** Group column; levels optional (default: numeric or byte order). */
    public CsvSurvivalReader group(String column, String... levels) {
        group = column;
        groupLevels = levels == null || levels.length == 0 ? null : levels;
        return this;
    }

    /** Strata column. */
    public CsvSurvivalReader strata(String column) {
        strata = column;
        return this;
    }

    /** Cluster column. */
    public CsvSurvivalReader cluster(String column) {
        cluster = column;
        return this;
    }

    /** Numeric covariate column. */
    public CsvSurvivalReader numeric(String column) {
        covariates.put(Check.notNull("covariate", column), null);
        return this;
    }

    /** Factor covariate column; {@code reference} null = first level in sorted order. */
    public CsvSurvivalReader factor(String column, String reference) {
        covariates.put(Check.notNull("covariate", column), "factor:" + (reference == null ? "" : reference));
        return this;
    }

    /** Factor covariate with R's default reference (first level in sorted order). */
    public CsvSurvivalReader factor(String column) {
        return factor(column, null);
    }

    /** Reads the file and builds the data. */
    public SurvivalData read() {
        if (time == null || event == null) {
            throw Check.fail("name the time and event columns before read()");
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private SurvivalData read(Reader in) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader()
                .setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).get();
        try (CSVParser parser = CSVParser.parse(in, format)) {
            List<String> header = parser.getHeaderNames();
            List<String> wanted = wantedColumns();
            int[] index = new int[wanted.size()];
            ColumnSink[] sinks = new ColumnSink[wanted.size()];
            for (int j = 0; j < wanted.size(); j++) {
                index[j] = header.indexOf(wanted.get(j));
                if (index[j] < 0) {
                    throw Check.fail("unknown column '%s' in %s; the file has %s", wanted.get(j), file.getFileName(),
                            header);
                }
                sinks[j] = isNumeric(wanted.get(j)) ? new ColumnSink.Numbers(wanted.get(j), expected(wanted.get(j)))
                        : new ColumnSink.Labels(wanted.get(j));
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
            return build(wanted, sinks);
        }
    }

    /** Columns read as numbers while streaming (memory: 8 bytes a row, not the text). */
    private boolean isNumeric(String column) {
        return column.equals(time) || column.equals(start) || column.equals(weights)
                || covariates.containsKey(column) && covariates.get(column) == null
                        && !column.equals(group) && !column.equals(strata) && !column.equals(cluster)
                        && !column.equals(event);
    }

    private String expected(String column) {
        if (column.equals(time) || column.equals(start)) {
            return "a finite time >= 0";
        }
        return column.equals(weights) ? "a finite case weight >= 0" : "a finite number";
    }

    private List<String> wantedColumns() {
        List<String> w = new ArrayList<>();
        for (String c : new String[] {time, start, event, weights, group, strata, cluster}) {
            if (c != null && !w.contains(c)) {
                w.add(c);
            }
        }
        for (String c : covariates.keySet()) {
            if (!w.contains(c)) {
                w.add(c);
            }
        }
        return w;
    }

    private SurvivalData build(List<String> wanted, ColumnSink[] sinks) {
        Map<String, ColumnSink> byName = new LinkedHashMap<>();
        for (int j = 0; j < wanted.size(); j++) {
            byName.put(wanted.get(j), sinks[j]);
        }
        Builder b = SurvivalData.builder().time(time, byName.get(time).numbers());
        if (start != null) {
            b.start(start, byName.get(start).numbers());
        }
        if (censorValue != null) {
            b.causes(event, byName.get(event).labels(), censorValue);
        } else {
            b.event(event, byName.get(event).labels(), eventValues);
        }
        if (weights != null) {
            b.weights(weights, byName.get(weights).numbers());
        }
        if (group != null) {
            b.group(group, byName.get(group).labels(), groupLevels);
        }
        if (strata != null) {
            b.strata(strata, byName.get(strata).labels());
        }
        if (cluster != null) {
            b.cluster(cluster, byName.get(cluster).labels());
        }
        for (Map.Entry<String, String> e : covariates.entrySet()) {
            if (e.getValue() == null) {
                b.numeric(e.getKey(), byName.get(e.getKey()).numbers());
            } else {
                String ref = e.getValue().substring("factor:".length());
                b.factor(e.getKey(), byName.get(e.getKey()).labels(), ref.isEmpty() ? null : ref);
            }
        }
        return b.build();
    }
}
