package io.survkit.data;

import io.survkit.internal.Check;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Survival data: named columns (numeric or text, every row kept, missing values included) and the
 * survival roles — follow-up time (or counting-process intervals {@code (start, time]}), event
 * status (one event type or competing causes), and optional case weights and cluster. The model
 * (covariates, groups, strata) is chosen per analysis with a formula or {@link Terms}; each
 * analysis builds a {@link ModelFrame} that keeps the rows complete in the columns it uses, as R's
 * {@code na.omit} does, and reports how many it left out.
 *
 * <p>Status codes: 0 = censored, {@code k >= 1} = an event of cause {@code k} ({@link #causes()}
 * holds their labels). Ordinary survival data have one cause.
 *
 * <p>Times that differ only by floating-point noise are made equal on construction, as R's
 * {@code aeqSurv} ({@code timefix = TRUE}) does; see {@link TimeFix}. R applies it to the rows of
 * each model frame; survkit applies it once to every row with a time, which gives the same times
 * unless a near-tie involves only rows that an analysis leaves out.
 *
 * <pre>{@code
 * SurvivalData lung = SurvivalData.csv(Path.of("lung.csv")).time("time").event("status", "2").read();
 * KaplanMeierResult km = KaplanMeier.withDefaults().fit(lung, "sex");
 * CoxResult cox = CoxRegression.withDefaults().fit(lung, "age + sex + ph.ecog");
 * }</pre>
 */
public final class SurvivalData {
    private final Map<String, Column> columns;
    private final int rowCount;
    private final int[] sourceRows;
    private final String time;
    private final String start;
    private final String event;
    private final String weights;
    private final String cluster;
    private final String id;
    /** Per row: -1 = missing event, 0 = censored, k = cause k. */
    private final int[] status;
    private final List<String> causes;
    /** True when causes were derived from the data (a frame keeps only the causes present in its rows). */
    private final boolean derivedCauses;
    private final List<String> warnings;
    /** File line of each source row (blank lines and quoted line breaks move rows down). */
    final LineMap lines;

    private SurvivalData(Map<String, Column> columns, int rowCount, int[] sourceRows, Roles roles, int[] status,
            List<String> causes, boolean derivedCauses, List<String> warnings, LineMap lines) {
        this.lines = lines;
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        this.rowCount = rowCount;
        this.sourceRows = sourceRows;
        this.time = roles.time;
        this.start = roles.start;
        this.event = roles.event;
        this.weights = roles.weights;
        this.cluster = roles.cluster;
        this.id = roles.id;
        this.status = status;
        this.causes = List.copyOf(causes);
        this.derivedCauses = derivedCauses;
        this.warnings = List.copyOf(warnings);
    }

    /** The names of the survival roles. */
    private record Roles(String time, String start, String event, String weights, String cluster, String id) {
    }

    private Roles roles() {
        return new Roles(time, start, event, weights, cluster, id);
    }

    private SurvivalData with(Map<String, Column> cols, Roles roles) {
        return new SurvivalData(cols, rowCount, sourceRows, roles, status, causes, derivedCauses, warnings, lines);
    }

    /**
     * A builder from arrays.
     *
     * <pre>{@code
     * SurvivalData d = SurvivalData.builder()
     *         .time("months", new double[] {5, 8, 12, 20})
     *         .event("dead", new boolean[] {true, false, true, true})
     *         .text("arm", new String[] {"A", "A", "B", "B"})
     *         .build();
     * }</pre>
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A reader of a CSV file (header line, comma separated; empty or {@code NA} = missing).
     *
     * @param file the file
     * @return a reader; name the time and event columns, then {@code read()}
     */
    public static CsvSurvivalReader csv(Path file) {
        return new CsvSurvivalReader(file);
    }

    /**
     * A reader of the result of a JDBC query ({@code java.sql} only): numeric SQL types as numbers,
     * other types as text, SQL NULL = missing.
     *
     * <pre>{@code
     * SurvivalData d = SurvivalData.jdbc(connection, "SELECT months, dead, arm FROM registry")
     *         .time("months").event("dead", "1").read();
     * }</pre>
     *
     * @param connection an open connection (left open)
     * @param sql the query
     * @return a reader; name the time and event columns, then {@code read()}
     */
    public static JdbcSurvivalReader jdbc(java.sql.Connection connection, String sql) {
        return new JdbcSurvivalReader(connection, sql);
    }

    /** @return the number of data rows (every row of the source, with or without missing values) */
    public int rowCount() {
        return rowCount;
    }

    /** @return the column names, in source order */
    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    /**
     * @param name a column name
     * @return true when the data have that column
     */
    public boolean hasColumn(String name) {
        return columns.containsKey(name);
    }

    /**
     * @param name a column name
     * @return true when the column holds numbers, false for a text column
     */
    public boolean isNumeric(String name) {
        return column(name).isNumeric();
    }

    /**
     * @param name a numeric column
     * @return a copy of its values, NaN = missing
     * @throws IllegalArgumentException for an unknown or a text column
     */
    public double[] numbers(String name) {
        Column c = column(name);
        if (!c.isNumeric()) {
            throw Check.fail("column '%s' holds text, not numbers", name);
        }
        return c.numbers.clone();
    }

    /**
     * @param name a column
     * @return its values as text (numbers as R prints a level, {@code "2"} not {@code "2.0"}), null = missing
     */
    public String[] labels(String name) {
        Column c = column(name);
        String[] r = new String[rowCount];
        for (int i = 0; i < rowCount; i++) {
            r[i] = c.isMissing(i) ? null : c.label(i);
        }
        return r;
    }

    /**
     * @param name a column
     * @return its declared level order (a column built with {@link Builder#factor} or
     *     {@link #withFactor}), or empty
     */
    public Optional<List<String>> declaredLevels(String name) {
        return Optional.ofNullable(column(name).levels);
    }

    /**
     * The column as a factor over every row: its declared level order, else R's default (numeric
     * order for numbers, byte order for text).
     *
     * @param name a column
     * @return its factor
     * @throws IllegalArgumentException when a value is missing
     */
    public Factor factor(String name) {
        Column c = column(name);
        int[] all = new int[rowCount];
        for (int i = 0; i < rowCount; i++) {
            if (c.isMissing(i)) {
                throw Check.fail("%s: the value is missing; expected a level", lines.at(name, sourceRows[i]));
            }
            all[i] = i;
        }
        return Levels.code(c, all, null, sourceRows, lines);
    }

    Column column(String name) {
        Column c = columns.get(Check.notNull("column name", name));
        if (c == null) {
            throw Check.fail("unknown column '%s'; the data have %s", name, columns.keySet());
        }
        return c;
    }

    /** @return the name of the follow-up (exit) time column */
    public String timeColumn() {
        return time;
    }

    /** @return the name of the entry time column, or empty for right-censored data */
    public Optional<String> startColumn() {
        return Optional.ofNullable(start);
    }

    /** @return the name of the event (status) column */
    public String eventColumn() {
        return event;
    }

    /** @return the name of the case weights column, or empty */
    public Optional<String> weightsColumn() {
        return Optional.ofNullable(weights);
    }

    /** @return the name of the cluster column (robust variance summed within clusters), or empty */
    public Optional<String> clusterColumn() {
        return Optional.ofNullable(cluster);
    }

    /** @return the name of the subject identifier column (R's {@code id}: the rows of one subject), or empty */
    public Optional<String> idColumn() {
        return Optional.ofNullable(id);
    }

    /** @return true for counting-process data {@code (start, time]} (delayed entry) */
    public boolean hasStart() {
        return start != null;
    }

    /** @return true when case weights are given */
    public boolean hasWeights() {
        return weights != null;
    }

    /** @return the labels of the event causes; one entry for ordinary survival data */
    public List<String> causes() {
        return causes;
    }

    boolean derivedCauses() {
        return derivedCauses;
    }

    /** @return a copy of the status codes: -1 = missing, 0 = censored, k = cause k */
    public int[] statuses() {
        return status.clone();
    }

    int statusAt(int i) {
        return status[i];
    }

    /**
     * @param i a 0-based row
     * @return the 1-based source row (file line = row + 1) of row {@code i}
     */
    public int sourceRow(int i) {
        return sourceRows[i];
    }

    /**
     * Where row {@code i}'s value of {@code column} came from, for messages: {@code column 'age', row 17
     * (file line 20)}, with the true line of a CSV file after blank lines and quoted line breaks.
     *
     * @param column the column named
     * @param i a 0-based row
     * @return the location
     */
    public String rowLocation(String column, int i) {
        return lines.at(column, sourceRows[i]);
    }

    /** @return a copy of the 1-based source rows */
    public int[] sourceRows() {
        return sourceRows.clone();
    }

    int[] sourceRowsShared() {
        return sourceRows;
    }

    /** @return warnings found while building */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The rows {@code indices} (0-based) as a new data set, in that order, keeping columns, roles,
     * level orders and source rows.
     *
     * @param indices 0-based rows of this data set
     * @return the selected rows
     */
    public SurvivalData rows(int[] indices) {
        Check.notNull("row indices", indices);
        for (int k = 0; k < indices.length; k++) {
            if (indices[k] < 0 || indices[k] >= rowCount) {
                throw Check.fail("row index %d at position %d is outside 0..%d", indices[k], k, rowCount - 1);
            }
        }
        Map<String, Column> cols = new LinkedHashMap<>();
        for (Map.Entry<String, Column> e : columns.entrySet()) {
            cols.put(e.getKey(), e.getValue().select(indices));
        }
        int[] st = new int[indices.length];
        int[] src = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            st[k] = status[indices[k]];
            src[k] = sourceRows[indices[k]];
        }
        return new SurvivalData(cols, indices.length, src, roles(), st, causes, derivedCauses, warnings, lines);
    }

    private void checkNewColumn(String name, int length) {
        Check.notNull("column name", name);
        if (length != rowCount) {
            throw Check.fail("column '%s' has %d values but the data have %d rows", name, length, rowCount);
        }
        if (name.equals(time) || name.equals(start) || name.equals(event)) {
            throw Check.fail("column '%s' is the %s column and cannot be replaced", name,
                    name.equals(time) ? "time" : name.equals(start) ? "start" : "event");
        }
    }

    /**
     * The same rows with a numeric column {@code name} added (or replaced); NaN = missing.
     *
     * @param name the column name
     * @param values one value per row
     * @return the extended data
     */
    public SurvivalData withNumeric(String name, double[] values) {
        checkNewColumn(name, Check.notNull("values", values).length);
        Map<String, Column> cols = new LinkedHashMap<>(columns);
        cols.put(name, Column.of(name, values.clone()));
        return with(cols, roles());
    }

    /**
     * The same rows with a text column {@code name} added (or replaced); null, empty or {@code NA} = missing.
     *
     * @param name the column name
     * @param values one value per row
     * @return the extended data
     */
    public SurvivalData withText(String name, String[] values) {
        checkNewColumn(name, Check.notNull("values", values).length);
        Map<String, Column> cols = new LinkedHashMap<>(columns);
        cols.put(name, Column.of(name, values.clone()));
        return with(cols, roles());
    }

    /**
     * The same rows with the factor {@code factor} as a text column named {@code factor.name()},
     * keeping its level order (the first level is the reference of {@code factor(name)} and the
     * first curve of a grouping).
     *
     * <pre>{@code
     * SurvivalData twoArms = data.withFactor(Factor.of("arm", List.of("control", "treated"), codes));
     * }</pre>
     *
     * @param factor codes and levels, one code per row
     * @return the extended data
     */
    public SurvivalData withFactor(Factor factor) {
        Check.notNull("factor", factor);
        checkNewColumn(factor.name(), factor.size());
        String[] v = new String[rowCount];
        for (int i = 0; i < rowCount; i++) {
            v[i] = factor.level(factor.code(i));
        }
        Map<String, Column> cols = new LinkedHashMap<>(columns);
        cols.put(factor.name(), Column.categorical(factor.name(), v, factor.levels()));
        return with(cols, roles());
    }

    /**
     * The same rows with case weights {@code values} (finite, >= 0; NaN = missing) in column {@code name}.
     *
     * @param name the weights column
     * @param values one weight per row
     * @return the weighted data
     */
    public SurvivalData withWeights(String name, double[] values) {
        checkNewColumn(name, Check.notNull("weights", values).length);
        for (int i = 0; i < values.length; i++) {
            checkWeight(name, values[i], sourceRows[i], lines);
        }
        Map<String, Column> cols = new LinkedHashMap<>(columns);
        cols.put(name, Column.of(name, values.clone()));
        return with(cols, new Roles(time, start, event, name, cluster, id));
    }

    /**
     * The same rows and statuses with follow-up times {@code values} in column {@code name} as the
     * time column, and no entry times (R's {@code Surv(values, status)}): e.g. the constant time of
     * conditional logistic regression ({@code clogit}'s {@code Surv(rep(1, n), case)}).
     *
     * @param name the new time column (not the event column)
     * @param values one finite time {@code >= 0} per row
     * @return the data with these times
     */
    public SurvivalData withTimes(String name, double[] values) {
        Check.notNull("time column", name);
        Check.notNull("times", values);
        if (values.length != rowCount) {
            throw Check.fail("column '%s' has %d values but the data have %d rows", name, values.length, rowCount);
        }
        if (name.equals(event)) {
            throw Check.fail("column '%s' is the event column and cannot be the time column", name);
        }
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0) || Double.isInfinite(values[i])) {
                throw Check.fail("%s: time %s is invalid; expected a finite time >= 0", Check.at(name, sourceRows[i]),
                        values[i]);
            }
        }
        Map<String, Column> cols = new LinkedHashMap<>(columns);
        cols.put(name, Column.of(name, values.clone()));
        return with(cols, new Roles(name, null, event, weights, cluster, id));
    }

    /** @return the same rows without case weights (the column stays) */
    public SurvivalData withoutWeights() {
        return with(columns, new Roles(time, start, event, null, cluster, id));
    }

    /**
     * The same rows with {@code factor} as the cluster column (e.g. matched sets).
     *
     * @param factor one cluster code per row
     * @return the clustered data
     */
    public SurvivalData withCluster(Factor factor) {
        SurvivalData d = withFactor(factor);
        return d.with(d.columns, new Roles(time, start, event, weights, factor.name(), id));
    }

    /**
     * The same rows with the existing column {@code name} as the cluster column.
     *
     * @param name a column of the data
     * @return the clustered data
     */
    public SurvivalData withCluster(String name) {
        column(name);
        return with(columns, new Roles(time, start, event, weights, name, id));
    }

    /**
     * The same rows, with the event of {@code rows} (0-based) set missing: every analysis leaves
     * them out and counts them among its omitted rows. This is R's {@code subset =} for rows whose
     * condition is NA: R's model frame turns them into rows of NA, which {@code na.omit} removes
     * and reports ({@code fit$na.action}).
     *
     * <pre>{@code
     * SurvivalData d = data.withRowsMissing(new int[] {0, 3});   // rows 1 and 4 omitted, counted
     * }</pre>
     *
     * @param rows 0-based rows of this data set
     * @return the data with those rows missing
     */
    public SurvivalData withRowsMissing(int[] rows) {
        Check.notNull("rows", rows);
        int[] st = status.clone();
        for (int k = 0; k < rows.length; k++) {
            if (rows[k] < 0 || rows[k] >= rowCount) {
                throw Check.fail("row index %d at position %d is outside 0..%d", rows[k], k, rowCount - 1);
            }
            st[rows[k]] = -1;
        }
        return new SurvivalData(columns, rowCount, sourceRows, roles(), st, causes, derivedCauses, warnings, lines);
    }

    /**
     * The same rows with the existing column {@code name} as the subject identifier (R's
     * {@code id =}): the rows of one subject form one path in multi-state data, and R's robust
     * variance sums within subjects. Distinct from {@link #withCluster(String)}.
     *
     * <pre>{@code
     * SurvivalData ms = data.withId("id");
     * }</pre>
     *
     * @param name a column of the data
     * @return the data with subject identifiers
     */
    public SurvivalData withId(String name) {
        column(name);
        return with(columns, new Roles(time, start, event, weights, cluster, name));
    }

    /**
     * A landmark data set (Anderson, Cain and Gelber 1983): the rows still under follow-up after
     * {@code t} (time > t: alive and not censored by t) with time reset to {@code time - t}. The
     * Kaplan-Meier curve of these rows is the original curve conditional on surviving t:
     * S(t + u) / S(t). Right-censored data only; rows without a time are left out.
     *
     * @param t the landmark time, finite and >= 0
     * @return the landmark data set
     * @throws IllegalArgumentException for counting-process data, a t that is not finite and >= 0,
     *     or when no row is followed beyond t
     */
    public SurvivalData landmark(double t) {
        Check.nonNegativeFinite("landmark time", t);
        if (start != null) {
            throw Check.fail("a landmark data set needs right-censored data; these have entry times (column '%s')",
                    start);
        }
        double[] tm = columns.get(time).numbers;
        int m = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : tm) {
            if (v > t) {
                m++;
            }
            if (v > max) {
                max = v;
            }
        }
        if (m == 0) {
            throw Check.fail("no row of column '%s' is followed beyond the landmark %s (longest follow-up %s)",
                    time, t, max);
        }
        int[] keep = new int[m];
        int k = 0;
        for (int i = 0; i < tm.length; i++) {
            if (tm[i] > t) {
                keep[k++] = i;
            }
        }
        SurvivalData sub = rows(keep);
        double[] reset = sub.columns.get(time).numbers;
        for (int i = 0; i < reset.length; i++) {
            reset[i] -= t;
        }
        TimeFix.apply(null, reset, sub.sourceRows, null, time, lines); // as R's Surv(time - t, status)
        return sub;
    }

    /**
     * R's {@code survSplit(Surv(time, status) ~ ., data, cut = cuts, episode = episodeColumn)}: each
     * row whose interval (start, time] (start 0 without entry times, R's {@code zero = 0}) contains
     * a cut point strictly inside is split there into (start, c1], (c1, c2], ..., (ck, time]; only
     * the last piece keeps the row's status, the others are censored; every piece keeps the row's
     * other columns, weights and source row. The result has entry times (column {@code tstart} when
     * the data had none, as R), and the numeric column {@code episodeColumn} numbers the interval
     * between cuts that each piece lies in (1 before the first cut). A model with a covariate times
     * an indicator of each episode then has a step-function coefficient in time. Rows with a missing
     * time pass through unchanged.
     *
     * <pre>{@code
     * SurvivalData split = veteran.splitAt(new double[] {90, 180}, "tgroup");
     * }</pre>
     *
     * @param cuts finite cut points (sorted and made unique, as R)
     * @param episodeColumn name of the new episode column
     * @return the split data, rows in the original order with each row's pieces in time order
     * @throws IllegalArgumentException for a cut that is not finite, a time {@code <= 0} without entry times,
     *     or an entry time not below its exit time
     */
    public SurvivalData splitAt(double[] cuts, String episodeColumn) {
        Check.notNull("cuts", cuts);
        Check.notNull("episode column", episodeColumn);
        if (columns.containsKey(episodeColumn) || episodeColumn.equals(time) || episodeColumn.equals(event)) {
            throw Check.fail("column '%s' exists; name the episode column otherwise", episodeColumn);
        }
        for (int j = 0; j < cuts.length; j++) {
            if (!Double.isFinite(cuts[j])) {
                throw Check.fail("cut point %d is %s; expected a finite number", j + 1, cuts[j]);
            }
        }
        double[] cut = java.util.Arrays.stream(cuts).sorted().distinct().toArray();
        double[] stop = columns.get(time).numbers;
        String startName = start != null ? start : "tstart";
        if (start == null && columns.containsKey(startName)) {
            throw Check.fail("column 'tstart' exists; the split data need it for their entry times");
        }
        double[] entry = start != null ? columns.get(start).numbers : null;
        int n = rowCount;
        int m = 0;
        for (int i = 0; i < n; i++) {
            double a = entry != null ? entry[i] : 0;
            double b = stop[i];
            if (Double.isNaN(a) || Double.isNaN(b)) {
                m++;
                continue;
            }
            if (entry == null && !(b > 0)) {
                // R: "'zero' parameter must be less than any observed times"
                throw Check.fail("%s: time %s is invalid for splitting; survSplit's intervals start at 0, so every"
                        + " time must be > 0", lines.at(time, sourceRows[i]), b);
            }
            if (!(a < b)) {
                throw Check.fail("%s: entry time %s is not below exit time %s", lines.at(startName, sourceRows[i]), a,
                        b);
            }
            m++;
            for (double c : cut) {
                if (c > a && c < b) {
                    m++;
                }
            }
        }
        int[] row = new int[m];
        double[] s2 = new double[m];
        double[] e2 = new double[m];
        double[] episode = new double[m];
        int[] st = new int[m];
        int[] src = new int[m];
        int k = 0;
        for (int i = 0; i < n; i++) {
            double a = entry != null ? entry[i] : 0;
            double b = stop[i];
            if (Double.isNaN(a) || Double.isNaN(b)) {
                row[k] = i;
                s2[k] = a;
                e2[k] = b;
                episode[k] = 1;
                st[k] = status[i];
                src[k++] = sourceRows[i];
                continue;
            }
            int j = 0;
            while (j < cut.length && cut[j] <= a) {
                j++;
            }
            double from = a;
            for (; j < cut.length && cut[j] < b; j++) {
                row[k] = i;
                s2[k] = from;
                e2[k] = cut[j];
                episode[k] = j + 1;
                st[k] = 0;
                src[k++] = sourceRows[i];
                from = cut[j];
            }
            row[k] = i;
            s2[k] = from;
            e2[k] = b;
            episode[k] = j + 1;
            st[k] = status[i];
            src[k++] = sourceRows[i];
        }
        Map<String, Column> cols = new LinkedHashMap<>();
        for (Map.Entry<String, Column> e : columns.entrySet()) {
            cols.put(e.getKey(), e.getValue().select(row));
        }
        cols.put(startName, Column.of(startName, s2));
        cols.put(time, Column.of(time, e2));
        cols.put(episodeColumn, Column.of(episodeColumn, episode));
        return new SurvivalData(cols, m, src, new Roles(time, startName, event, weights, cluster, id), st, causes,
                derivedCauses, warnings, lines);
    }

    static void checkWeight(String column, double w, int sourceRow, LineMap lines) {
        if (!Double.isNaN(w) && !(w >= 0 && w < Double.POSITIVE_INFINITY)) {
            throw Check.fail("%s: weight %s is invalid; expected a finite case weight >= 0", lines.at(column,
                    sourceRow), Column.formatNumber(w));
        }
    }

    @Override
    public String toString() {
        int events = 0;
        int missing = 0;
        for (int s : status) {
            if (s > 0) {
                events++;
            } else if (s < 0) {
                missing++;
            }
        }
        StringBuilder sb = new StringBuilder("SurvivalData[rows=").append(rowCount)
                .append(", events=").append(events);
        if (missing > 0) {
            sb.append(", missing status=").append(missing);
        }
        sb.append(", time=").append(start != null ? "(" + start + ", " + time + "]" : time)
                .append(", event=").append(event);
        if (weights != null) {
            sb.append(", weights=").append(weights);
        }
        if (cluster != null) {
            sb.append(", cluster=").append(cluster);
        }
        if (id != null) {
            sb.append(", id=").append(id);
        }
        return sb.append(", columns=").append(columns.keySet()).append(']').toString();
    }

    /**
     * Builds {@link SurvivalData} from arrays. Numeric columns use NaN for a missing value; text
     * columns use null, an empty string or {@code NA}. Every bad value is an
     * {@link IllegalArgumentException} naming the column, the 1-based row and the value.
     *
     * <pre>{@code
     * SurvivalData d = SurvivalData.builder()
     *         .time("months", new double[] {5, 8, 12, 20})
     *         .event("dead", new boolean[] {true, false, true, true})
     *         .text("arm", new String[] {"A", "A", "B", "B"})
     *         .numeric("age", new double[] {61, 70, 55, 64})
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private final Map<String, Column> columns = new LinkedHashMap<>();
        /** File lines of the rows (a CSV file's blank lines and quoted line breaks), for messages. */
        private LineMap lines = LineMap.PLAIN;
        private String time;
        private String start;
        private String event;
        private String weights;
        private String cluster;
        private String id;
        private boolean[] eventFlags;
        private Set<String> eventValues;
        private Set<String> censorValues;
        private String censorValue;
        private int[] statusCodes;
        private List<String> causeLabels;
        private int[] sourceRows;
        private boolean timeFix = true;

        Builder() {
        }

        /** The file lines of the rows (readers of files with blank lines or quoted line breaks). */
        Builder lines(LineMap map) {
            this.lines = map;
            return this;
        }

        /**
         * A numeric column.
         *
         * @param name column name
         * @param values one value per row, NaN = missing
         * @return this builder
         */
        public Builder numeric(String name, double[] values) {
            columns.put(Check.notNull("column name", name), Column.of(name, values.clone()));
            return this;
        }

        /**
         * A numeric column given as text: every non-missing value must be a number.
         *
         * @param name column name
         * @param values one value per row, null, empty or {@code NA} = missing
         * @return this builder
         */
        public Builder numeric(String name, String[] values) {
            Check.notNull("values of column '" + name + "'", values);
            double[] v = new double[values.length];
            for (int i = 0; i < v.length; i++) {
                if (Column.isMissingText(values[i])) {
                    v[i] = Double.NaN;
                    continue;
                }
                Double d = Column.parse(values[i]);
                if (d == null || Double.isNaN(d)) {
                    throw Check.fail("%s: value '%s' is not a number; expected a number", Check.at(name, i + 1),
                            values[i]);
                }
                v[i] = d;
            }
            columns.put(name, Column.of(name, v));
            return this;
        }

        /**
         * A text column (usable as a factor, levels in byte order or numeric order when every
         * value is a number).
         *
         * @param name column name
         * @param values one value per row, null, empty or {@code NA} = missing
         * @return this builder
         */
        public Builder text(String name, String[] values) {
            columns.put(Check.notNull("column name", name), Column.of(name, values.clone()));
            return this;
        }

        /**
         * A categorical column with a declared level order (R {@code factor(x, levels = ...)}): the
         * first level is the default reference and the first curve of a grouping.
         *
         * @param name column name
         * @param values one value per row, null, empty or {@code NA} = missing
         * @param levels the levels in order; every non-missing value must be one
         * @return this builder
         */
        public Builder factor(String name, String[] values, String... levels) {
            Check.notNull("levels", levels);
            columns.put(Check.notNull("column name", name),
                    Column.categorical(name, values.clone(), List.of(levels)));
            return this;
        }

        /**
         * @param name the column of follow-up (exit) times, already added
         * @return this builder
         */
        public Builder time(String name) {
            time = Check.notNull("time column", name);
            return this;
        }

        /**
         * Adds the follow-up (exit) times and names them the time column.
         *
         * @param name column name
         * @param values finite times >= 0, NaN = missing
         * @return this builder
         */
        public Builder time(String name, double[] values) {
            return numeric(name, values).time(name);
        }

        /**
         * Adds the follow-up times given as text (a non-number is an error).
         *
         * @param name column name
         * @param values times as text
         * @return this builder
         */
        public Builder time(String name, String[] values) {
            return numeric(name, values).time(name);
        }

        /**
         * @param name the column of entry times, already added: the data become counting-process
         *     intervals {@code (start, time]}
         * @return this builder
         */
        public Builder start(String name) {
            start = Check.notNull("start column", name);
            return this;
        }

        /**
         * Adds entry times and names them the start column.
         *
         * @param name column name
         * @param values entry times, NaN = missing
         * @return this builder
         */
        public Builder start(String name, double[] values) {
            return numeric(name, values).start(name);
        }

        /**
         * Adds entry times given as text.
         *
         * @param name column name
         * @param values entry times as text
         * @return this builder
         */
        public Builder start(String name, String[] values) {
            return numeric(name, values).start(name);
        }

        private void clearEvent() {
            eventFlags = null;
            eventValues = null;
            censorValues = null;
            censorValue = null;
            statusCodes = null;
            causeLabels = null;
        }

        /**
         * Names an existing column the event column, with the value(s) that mean "event" (R:
         * {@code status == value}); every other non-missing value is censored.
         *
         * @param name column name
         * @param eventValue the event value(s)
         * @return this builder
         */
        public Builder event(String name, String... eventValue) {
            if (eventValue == null || eventValue.length == 0) {
                throw Check.fail("column '%s': give at least one value that means an event", name);
            }
            Set<String> set = new TreeSet<>();
            for (String v : eventValue) {
                Double d = Column.parse(v);
                set.add(d == null ? Check.notNull("event value", v).strip() : Column.formatNumber(d));
            }
            clearEvent();
            event = Check.notNull("event column", name);
            eventValues = set;
            return this;
        }

        /**
         * Names the values of the event column that mean censored, after
         * {@link #event(String, String...)}. Without them the column may hold one value besides the
         * event value(s), the censoring code; with two or more, reading fails and lists them with
         * their counts, so that a stray spelling ({@code "dead"} beside {@code "Dead"}) is never
         * silently censored. With them, every value is an event or censored, or reading fails.
         *
         * @param values the censoring values
         * @return this builder
         * @throws IllegalArgumentException before {@code event(...)}, or for a value that is also an event value
         */
        public Builder censorValues(String... values) {
            if (eventValues == null) {
                throw Check.fail("name the event column and its event value(s) before the censoring values");
            }
            Set<String> set = new TreeSet<>();
            for (String v : Check.notNull("censor values", values)) {
                Double d = Column.parse(v);
                String c = d == null ? Check.notNull("censor value", v).strip() : Column.formatNumber(d);
                if (eventValues.contains(c)) {
                    throw Check.fail("column '%s': value '%s' cannot mean both event and censored", event, c);
                }
                set.add(c);
            }
            censorValues = set.isEmpty() ? null : set;
            return this;
        }

        /**
         * Adds an event indicator: true = event, false = censored.
         *
         * @param name column name
         * @param values one flag per row
         * @return this builder
         */
        public Builder event(String name, boolean[] values) {
            Check.notNull("event values", values);
            double[] v = new double[values.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = values[i] ? 1 : 0;
            }
            numeric(name, v);
            clearEvent();
            event = name;
            eventFlags = values.clone();
            return this;
        }

        /**
         * Adds a numeric event column and the value(s) that mean "event"; all others are censored.
         *
         * @param name column name
         * @param values status codes, NaN = missing
         * @param eventValue the event code(s)
         * @return this builder
         */
        public Builder event(String name, double[] values, double... eventValue) {
            String[] labels = new String[eventValue.length];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = Column.formatNumber(eventValue[i]);
            }
            return numeric(name, values).event(name, labels);
        }

        /**
         * Adds a text event column and the value(s) that mean "event"; all others are censored.
         *
         * @param name column name
         * @param values status labels
         * @param eventValue the event label(s)
         * @return this builder
         */
        public Builder event(String name, String[] values, String... eventValue) {
            return text(name, values).event(name, eventValue);
        }

        /**
         * Competing risks on an existing column: {@code censorValue} means censored and every
         * other value is a cause (numbered 1.. in ascending order of the causes present in the
         * rows an analysis uses).
         *
         * @param name column name
         * @param censorValue the censoring code
         * @return this builder
         */
        public Builder causes(String name, String censorValue) {
            Double d = Column.parse(censorValue);
            String c = d == null ? Check.notNull("censor value", censorValue).strip() : Column.formatNumber(d);
            clearEvent();
            event = Check.notNull("event column", name);
            this.censorValue = c;
            return this;
        }

        /**
         * Adds a cause column given as text (competing risks).
         *
         * @param name column name
         * @param values cause labels
         * @param censorValue the censoring label
         * @return this builder
         */
        public Builder causes(String name, String[] values, String censorValue) {
            return text(name, values).causes(name, censorValue);
        }

        /**
         * Adds a numeric cause column (competing risks).
         *
         * @param name column name
         * @param values cause codes
         * @param censorValue the censoring code
         * @return this builder
         */
        public Builder causes(String name, double[] values, double censorValue) {
            return numeric(name, values).causes(name, Column.formatNumber(censorValue));
        }

        /**
         * Status codes given directly: 0 = censored, {@code k} = an event of cause {@code k},
         * labelled {@code causeLabels[k - 1]}. The numbering is kept as given, so cause 2 stays
         * cause 2 even when no row has cause 1 (e.g. SEER competing risks: 1 = death from this
         * cancer, 2 = death from another cause).
         *
         * <pre>{@code
         * SurvivalData cr = SurvivalData.builder().time("months", new double[] {3, 7, 9})
         *         .causes("cause", new int[] {2, 0, 2}, "cancer death", "other-cause death").build();
         * }</pre>
         *
         * @param name column name
         * @param codes status codes
         * @param causeLabels the label of each cause
         * @return this builder
         */
        public Builder causes(String name, int[] codes, String... causeLabels) {
            Check.notNull("status codes", codes);
            if (causeLabels == null || causeLabels.length == 0) {
                throw Check.fail("column '%s': give at least one cause label", name);
            }
            double[] v = new double[codes.length];
            for (int i = 0; i < codes.length; i++) {
                v[i] = codes[i];
            }
            numeric(name, v);
            clearEvent();
            event = name;
            statusCodes = codes.clone();
            this.causeLabels = List.of(causeLabels);
            return this;
        }

        /**
         * @param name an existing column of case weights (finite, >= 0)
         * @return this builder
         */
        public Builder weights(String name) {
            weights = Check.notNull("weights column", name);
            return this;
        }

        /**
         * Adds case weights (finite, >= 0; NaN = missing).
         *
         * @param name column name
         * @param values one weight per row
         * @return this builder
         */
        public Builder weights(String name, double[] values) {
            return numeric(name, values).weights(name);
        }

        /**
         * @param name an existing column of cluster identifiers (robust variance summed within clusters)
         * @return this builder
         */
        public Builder cluster(String name) {
            cluster = Check.notNull("cluster column", name);
            return this;
        }

        /**
         * Adds cluster identifiers.
         *
         * @param name column name
         * @param values one identifier per row
         * @return this builder
         */
        public Builder cluster(String name, String[] values) {
            return text(name, values).cluster(name);
        }

        /**
         * Adds numeric cluster identifiers.
         *
         * @param name column name
         * @param values one identifier per row, NaN = missing
         * @return this builder
         */
        public Builder cluster(String name, double[] values) {
            return numeric(name, values).cluster(name);
        }

        /**
         * @param name an existing column of subject identifiers (R's {@code id}: the rows of one subject)
         * @return this builder
         */
        public Builder id(String name) {
            id = Check.notNull("id column", name);
            return this;
        }

        /**
         * Adds subject identifiers.
         *
         * @param name column name
         * @param values one identifier per row (null = missing)
         * @return this builder
         */
        public Builder id(String name, String[] values) {
            return text(name, values).id(name);
        }

        /**
         * @param on R's {@code timefix}: merge times that differ only by floating-point noise (default true)
         * @return this builder
         */
        public Builder timeFix(boolean on) {
            timeFix = on;
            return this;
        }

        /**
         * @param rows the 1-based source rows of the input rows (default 1..n), used in messages and results
         * @return this builder
         */
        public Builder sourceRows(int[] rows) {
            sourceRows = Check.notNull("source rows", rows).clone();
            return this;
        }

        /**
         * Validates the columns and roles and builds the data; every row is kept.
         *
         * @return the data
         * @throws IllegalArgumentException for a missing role, columns of different lengths, a
         *     time that is negative or not a number, an entry time not before its exit time, or a
         *     bad weight
         */
        public SurvivalData build() {
            if (time == null) {
                throw Check.fail("no time column given");
            }
            if (event == null) {
                throw Check.fail("no event column given");
            }
            Column tc = known(time);
            int n = tc.size();
            for (Column c : columns.values()) {
                if (c.size() != n) {
                    throw Check.fail("column '%s' has %d values but column '%s' has %d", c.name, c.size(), time, n);
                }
            }
            int[] rows = sourceRows != null ? sourceRows : sequence(n);
            if (rows.length != n) {
                throw Check.fail("%d source rows given for %d data rows", rows.length, n);
            }
            Map<String, Column> cols = new LinkedHashMap<>(columns);
            // counting-process rows (start, stop] may lie on any time scale, negative included (as R's Surv);
            // a right-censored time must be >= 0
            double[] t = times(tc, rows, start != null);
            double[] s = null;
            List<String> warnings = new ArrayList<>();
            if (start != null) {
                s = times(known(start), rows, true);
                zeroLength(s, t, rows, warnings);
                for (int i = 0; i < n; i++) {
                    if (!Double.isNaN(s[i]) && !Double.isNaN(t[i]) && !(s[i] < t[i])) {
                        throw Check.fail("%s: entry time %s is not before exit time %s (column '%s'); expected"
                                + " start < stop", lines.at(start, rows[i]), Column.formatNumber(s[i]),
                                Column.formatNumber(t[i]), time);
                    }
                }
            }
            if (weights != null) {
                Column wc = known(weights);
                if (!wc.isNumeric()) {
                    throw Check.fail("column '%s' holds text; case weights must be numbers", weights);
                }
                for (int i = 0; i < n; i++) {
                    checkWeight(weights, wc.numbers[i], rows[i], lines);
                }
            }
            if (cluster != null) {
                known(cluster);
            }
            if (id != null) {
                known(id);
            }
            if (timeFix) {
                fixTimes(t, s, rows);
            }
            cols.put(time, Column.of(time, t));
            if (start != null) {
                cols.put(start, Column.of(start, s));
            }
            int[] status = new int[n];
            List<String> causes = status(known(event), status, rows, warnings);
            return new SurvivalData(cols, n, rows, new Roles(time, start, event, weights, cluster, id), status, causes,
                    censorValue != null, warnings, lines);
        }

        private Column known(String name) {
            Column c = columns.get(name);
            if (c == null) {
                throw Check.fail("unknown column '%s'; the data have %s", name, columns.keySet());
            }
            return c;
        }

        /** R's aeqSurv over the rows whose times are present. */
        private void fixTimes(double[] t, double[] s, int[] rows) {
            int n = t.length;
            int m = 0;
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(t[i]) && (s == null || !Double.isNaN(s[i]))) {
                    idx[m++] = i;
                }
            }
            if (m == 0) {
                return;
            }
            if (m == n) {
                TimeFix.apply(s, t, rows, start, time, lines);
                return;
            }
            double[] tt = new double[m];
            double[] ss = s == null ? null : new double[m];
            int[] rr = new int[m];
            for (int k = 0; k < m; k++) {
                tt[k] = t[idx[k]];
                rr[k] = rows[idx[k]];
                if (ss != null) {
                    ss[k] = s[idx[k]];
                }
            }
            if (TimeFix.apply(ss, tt, rr, start, time, lines)) {
                for (int k = 0; k < m; k++) {
                    t[idx[k]] = tt[k];
                    if (ss != null) {
                        s[idx[k]] = ss[k];
                    }
                }
            }
        }

        /**
         * R's {@code Surv(start, stop, event)} turns a row with {@code stop <= start} into NA with the
         * warning "Stop time must be > start time, NA created", and the model then omits it. A zero-length
         * row (start = stop) is made missing the same way (the model frame counts it as omitted), with a
         * warning naming its rows. A row with start > stop stays an error (an inverted interval is a data
         * error, not an empty one).
         */
        private void zeroLength(double[] s, double[] t, int[] rows, List<String> warnings) {
            int dropped = 0;
            StringBuilder which = new StringBuilder();
            for (int i = 0; i < t.length; i++) {
                if (!Double.isNaN(s[i]) && s[i] == t[i]) {
                    if (dropped < 10) {
                        which.append(dropped == 0 ? "" : ", ").append(rows[i]);
                    }
                    dropped++;
                    s[i] = Double.NaN;
                    t[i] = Double.NaN;
                }
            }
            if (dropped > 0) {
                warnings.add(Check.format("%d row(s) with start = stop (a zero-length interval) omitted, as R's Surv"
                        + " does (\"Stop time must be > start time, NA created\"); columns '%s' and '%s', row(s) %s%s",
                        dropped, start, time, which, dropped > 10 ? ", ..." : ""));
            }
        }

        private double[] times(Column c, int[] rows, boolean negativeAllowed) {
            int n = c.size();
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                double v;
                if (c.numbers != null) {
                    v = c.numbers[i];
                } else if (Column.isMissingText(c.text[i])) {
                    v = Double.NaN;
                } else {
                    Double d = Column.parse(c.text[i]);
                    if (d == null) {
                        throw Check.fail("%s: value '%s' is not a number; expected a finite time >= 0",
                                lines.at(c.name, rows[i]), c.text[i]);
                    }
                    v = d;
                }
                boolean valid = negativeAllowed ? Double.isFinite(v) : v >= 0 && v < Double.POSITIVE_INFINITY;
                if (!Double.isNaN(v) && !valid) {
                    throw Check.fail("%s: time %s is invalid; expected a finite time%s", lines.at(c.name, rows[i]),
                            negativeAllowed ? "" : " >= 0",
                            c.numbers != null ? Column.formatNumber(v) : "'" + c.text[i] + "'");
                }
                t[i] = v;
            }
            return t;
        }

        private List<String> status(Column ec, int[] status, int[] rows, List<String> warnings) {
            int n = status.length;
            if (statusCodes != null) {
                for (int i = 0; i < n; i++) {
                    int c = statusCodes[i];
                    if (c < 0 || c > causeLabels.size()) {
                        throw Check.fail("%s: status code %d is invalid; expected 0 (censored) or a cause 1..%d %s",
                                lines.at(ec.name, rows[i]), c, causeLabels.size(), causeLabels);
                    }
                    status[i] = c;
                }
                return causeLabels;
            }
            if (eventFlags != null) {
                for (int i = 0; i < n; i++) {
                    status[i] = eventFlags[i] ? 1 : 0;
                }
                return List.of("event");
            }
            String[] labels = labelsWithMissing(ec);
            if (eventValues != null) {
                for (int i = 0; i < n; i++) {
                    status[i] = labels[i] == null ? -1 : eventValues.contains(labels[i]) ? 1 : 0;
                }
                checkCensoringValues(ec.name, labels);
                return List.of(String.join("|", eventValues));
            }
            List<String> present = new ArrayList<>();
            for (String l : labels) {
                if (l != null) {
                    present.add(l);
                }
            }
            List<String> codes = Levels.sorted(present.toArray(new String[0]));
            codes.remove(censorValue);
            Map<String, Integer> index = new java.util.HashMap<>();
            for (int j = 0; j < codes.size(); j++) {
                index.put(codes.get(j), j + 1);
            }
            for (int i = 0; i < n; i++) {
                status[i] = labels[i] == null ? -1 : labels[i].equals(censorValue) ? 0 : index.get(labels[i]);
            }
            if (codes.isEmpty()) {
                warnings.add(Check.format("column '%s' has only the censoring value '%s'", ec.name, censorValue));
            }
            return codes;
        }

        /**
         * R's {@code status == value} censors every other value; that is right for one censoring
         * code, and a silent error for a second spelling. Values that are neither an event value
         * nor a declared censoring value: at most one without {@link #censorValues}, none with.
         */
        private void checkCensoringValues(String column, String[] labels) {
            Map<String, int[]> other = new java.util.TreeMap<>();
            for (String l : labels) {
                if (l != null && !eventValues.contains(l) && (censorValues == null || !censorValues.contains(l))) {
                    other.computeIfAbsent(l, k -> new int[1])[0]++;
                }
            }
            if (censorValues == null ? other.size() <= 1 : other.isEmpty()) {
                return;
            }
            StringBuilder list = new StringBuilder();
            for (Map.Entry<String, int[]> e : other.entrySet()) {
                list.append(list.length() == 0 ? "" : ", ").append('\'').append(e.getKey()).append("' (")
                        .append(e.getValue()[0]).append(e.getValue()[0] == 1 ? " row)" : " rows)");
            }
            if (censorValues == null) {
                throw Check.fail("column '%s' has %d values besides the event value(s) %s: %s; all of them would "
                        + "count as censored. Say which values mean censored (censorValues in Java, --censor-value "
                        + "on the command line), e.g. %s", column, other.size(), eventValues, list,
                        String.join(",", other.keySet()));
            }
            throw Check.fail("column '%s' has values that are neither an event %s nor censored %s: %s", column,
                    eventValues, censorValues, list);
        }

        private static String[] labelsWithMissing(Column c) {
            String[] r = new String[c.size()];
            Map<Object, String> cache = new java.util.HashMap<>();
            for (int i = 0; i < r.length; i++) {
                if (c.isMissing(i)) {
                    continue;
                }
                Object raw = c.numbers != null ? (Object) c.numbers[i] : c.text[i];
                String l = cache.get(raw);
                if (l == null) {
                    l = c.label(i);
                    cache.put(raw, l);
                }
                r[i] = l;
            }
            return r;
        }

        private static int[] sequence(int n) {
            int[] r = new int[n];
            for (int i = 0; i < n; i++) {
                r[i] = i + 1;
            }
            return r;
        }
    }
}
