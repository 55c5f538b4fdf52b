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
            for (int j = 0; j < wanted.size(); j++) {
                index[j] = header.indexOf(wanted.get(j));
                if (index[j] < 0) {
                    throw Check.fail("unknown column '%s' in %s; the file has %s", wanted.get(j), file.getFileName(),
                            header);
                }
            }
            List<List<String>> cols = new ArrayList<>();
            for (int j = 0; j < wanted.size(); j++) {
                cols.add(new ArrayList<>());
            }
            int row = 0;
            for (CSVRecord rec : parser) {
                row++;
                for (int j = 0; j < index.length; j++) {
                    if (index[j] >= rec.size()) {
                        throw Check.fail("row %d (file line %d) has %d fields; column '%s' is field %d", row, row + 1,
                                rec.size(), wanted.get(j), index[j] + 1);
                    }
                    cols.get(j).add(rec.get(index[j]));
                }
            }
            return build(wanted, cols);
        }
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

    private SurvivalData build(List<String> wanted, List<List<String>> cols) {
        Map<String, String[]> byName = new LinkedHashMap<>();
        for (int j = 0; j < wanted.size(); j++) {
            byName.put(wanted.get(j), cols.get(j).toArray(new String[0]));
        }
        Builder b = SurvivalData.builder().time(time, byName.get(time));
        if (start != null) {
            b.start(start, byName.get(start));
        }
        if (censorValue != null) {
            b.causes(event, byName.get(event), censorValue);
        } else {
            b.event(event, byName.get(event), eventValues);
        }
        if (weights != null) {
            b.weights(weights, byName.get(weights));
        }
        if (group != null) {
            b.group(group, byName.get(group), groupLevels);
        }
        if (strata != null) {
            b.strata(strata, byName.get(strata));
        }
        if (cluster != null) {
            b.cluster(cluster, byName.get(cluster));
        }
        for (Map.Entry<String, String> e : covariates.entrySet()) {
            if (e.getValue() == null) {
                b.numeric(e.getKey(), byName.get(e.getKey()));
            } else {
                String ref = e.getValue().substring("factor:".length());
                b.factor(e.getKey(), byName.get(e.getKey()), ref.isEmpty() ? null : ref);
            }
        }
        return b.build();
    }
}
