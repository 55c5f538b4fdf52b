package io.survkit.data;

import io.survkit.internal.Check;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    private Charset encoding = StandardCharsets.UTF_8;
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
        if (time == null || event == null) {
            throw Check.fail("name the time and event columns before read()");
        }
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
            boolean numeric = isNumeric(wanted.get(j));
            kinds[j] = numeric ? CsvScanner.Kind.NUMBER : CsvScanner.Kind.TEXT;
            expected[j] = expected(wanted.get(j));
        }
        CsvScanner.Table table = scanner.scan(index, kinds, expected);
        return build(wanted, table);
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

    private SurvivalData build(List<String> wanted, CsvScanner.Table table) {
        Map<String, Cells> byName = new LinkedHashMap<>();
        for (int j = 0; j < wanted.size(); j++) {
            byName.put(wanted.get(j), new Cells(table, j));
        }
        Builder b = SurvivalData.builder().lines(table.lines).time(time, byName.get(time).numbers());
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

    /** One column of the scanned table as the builder takes it. */
    private record Cells(CsvScanner.Table table, int j) {
        /** Only columns read as numbers are asked for numbers (time, start, weights, numeric covariates). */
        double[] numbers() {
            return table.numbers[j];
        }

        /** Text as read; a column read as numbers gives its canonical labels ("2", not "2.0"). */
        String[] labels() {
            if (table.kinds[j] == CsvScanner.Kind.TEXT) {
                return table.labels(j);
            }
            double[] v = table.numbers[j];
            String[] s = new String[v.length];
            for (int i = 0; i < v.length; i++) {
                s[i] = Double.isNaN(v[i]) ? null : Column.formatNumber(v[i]);
            }
            return s;
        }
    }
}
