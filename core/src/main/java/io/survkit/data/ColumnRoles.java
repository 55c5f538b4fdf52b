package io.survkit.data;

import io.survkit.internal.Check;
import java.util.ArrayList;
import java.util.List;

/**
 * The fluent survival roles shared by the readers of {@link SurvivalData} (CSV, JDBC, and readers in
 * other modules such as {@code survkit-parquet}): which source column is the time, the entry time,
 * the event, the case weights and the cluster. Every other column of the source is kept as it is
 * (numbers or text), or only those named in {@link #columns(String...)}; the model (groups,
 * strata, covariates) is chosen per analysis. A reader lists its source's columns, asks
 * {@link #wantedColumns(List, String)} which to read, reads them (numbers where the source has
 * numbers; the time, entry time and weights must be numbers, see {@link #mustBeNumeric(String)}),
 * then {@link #build(List, Columns)} validates them into {@link SurvivalData}.
 *
 * <pre>{@code
 * public final class MyReader extends ColumnRoles<MyReader> {
 *     public SurvivalData read() {
 *         requireRoles();
 *         List<String> wanted = wantedColumns(sourceColumns, "my.source");
 *         return build(wanted, myColumns);
 *     }
 * }
 * }</pre>
 *
 * @param <R> the reader type, returned by every role method
 */
public abstract class ColumnRoles<R extends ColumnRoles<R>> {
    private String time;
    private String start;
    private String event;
    private String[] eventValues;
    private String[] censorValues;
    private String censorValue;
    private String weights;
    private String cluster;
    private String id;
    private List<String> only;

    /** For subclasses: a reader with no roles named yet. */
    protected ColumnRoles() {
    }

    @SuppressWarnings("unchecked")
    private R self() {
        return (R) this;
    }

    /**
     * @param column the follow-up (exit) time column
     * @return this reader
     */
    public R time(String column) {
        time = column;
        return self();
    }

    /**
     * @param column the entry time column (counting-process data)
     * @return this reader
     */
    public R start(String column) {
        start = column;
        return self();
    }

    /**
     * @param column the event column
     * @param eventValue the value(s) meaning "event"; every other value is censored
     * @return this reader
     */
    public R event(String column, String... eventValue) {
        event = column;
        eventValues = eventValue;
        censorValue = null;
        return self();
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
    public R censorValues(String... values) {
        censorValues = Check.notNull("censor values", values).clone();
        return self();
    }

    /**
     * Competing risks.
     *
     * @param column the cause column
     * @param censorValue the value meaning censored; every other value is a cause
     * @return this reader
     */
    public R causes(String column, String censorValue) {
        event = column;
        this.censorValue = censorValue;
        eventValues = null;
        return self();
    }

    /**
     * @param column the case weights column
     * @return this reader
     */
    public R weights(String column) {
        weights = column;
        return self();
    }

    /**
     * @param column the cluster column (robust variance summed within clusters)
     * @return this reader
     */
    public R cluster(String column) {
        cluster = column;
        return self();
    }

    /**
     * @param column the subject identifier column (R's {@code id}: the rows of one subject)
     * @return this reader
     */
    public R id(String column) {
        id = column;
        return self();
    }

    /**
     * Keeps only these columns besides the survival roles (default: every column of the source);
     * the others are never decoded.
     *
     * @param names the columns to keep
     * @return this reader
     */
    public R columns(String... names) {
        only = List.of(Check.notNull("columns", names));
        return self();
    }

    /** Throws unless the time and event columns are named. */
    protected final void requireRoles() {
        if (time == null || event == null) {
            throw Check.fail("name the time and event columns before read()");
        }
    }

    /**
     * @param column a column name
     * @return true for the time, entry time and weights columns, which must hold numbers
     */
    protected final boolean mustBeNumeric(String column) {
        return column.equals(time) || column.equals(start) || column.equals(weights);
    }

    /**
     * @param column a column name
     * @return what a value of {@code column} must be, for messages
     */
    protected final String expected(String column) {
        if (column.equals(time) || column.equals(start)) {
            return "a finite time >= 0";
        }
        return column.equals(weights) ? "a finite case weight >= 0" : "a number";
    }

    /**
     * The columns to read, in the source's order: the roles and the kept columns (every column
     * without {@link #columns(String...)}).
     *
     * @param available the source's column names
     * @param source the source's name, for messages
     * @return the columns to read
     * @throws IllegalArgumentException naming a role or kept column the source does not have
     */
    protected final List<String> wantedColumns(List<String> available, String source) {
        List<String> roles = new ArrayList<>();
        for (String c : new String[] {time, start, event, weights, cluster, id}) {
            if (c != null) {
                roles.add(c);
            }
        }
        List<String> check = new ArrayList<>(roles);
        if (only != null) {
            check.addAll(only);
        }
        for (String c : check) {
            if (!available.contains(c)) {
                throw Check.fail("unknown column '%s' in %s; it has %s", c, source, available);
            }
        }
        List<String> w = new ArrayList<>();
        for (String h : available) {
            if (!w.contains(h) && (only == null || only.contains(h) || roles.contains(h))) {
                w.add(h);
            }
        }
        return w;
    }

    /**
     * @return the columns named in the roles and in {@link #columns(String...)}, as spelled there
     */
    protected final List<String> namedColumns() {
        List<String> named = new ArrayList<>();
        for (String c : new String[] {time, start, event, weights, cluster, id}) {
            if (c != null) {
                named.add(c);
            }
        }
        if (only != null) {
            named.addAll(only);
        }
        return named;
    }

    /** The columns a reader has read, by position in its wanted columns; all of one length. */
    public interface Columns {
        /**
         * @param j position in the wanted columns
         * @return true when column {@code j} holds numbers
         */
        boolean isNumeric(int j);

        /**
         * @param j position in the wanted columns
         * @return column {@code j} as numbers, NaN = missing (asked only when {@link #isNumeric(int)})
         */
        double[] numbers(int j);

        /**
         * @param j position in the wanted columns
         * @return column {@code j} as text, null = missing (asked only when not {@link #isNumeric(int)})
         */
        String[] labels(int j);
    }

    /**
     * Validates the columns and roles as {@link SurvivalData.Builder#build()} does and builds the
     * data; messages name the column and the 1-based row.
     *
     * @param wanted the columns read, as {@link #wantedColumns(List, String)} gave them
     * @param source their values
     * @return the data, every row kept
     */
    protected final SurvivalData build(List<String> wanted, Columns source) {
        return build(wanted, source, LineMap.PLAIN);
    }

    /** As {@link #build(List, Columns)}, with the file line of each row for messages. */
    final SurvivalData build(List<String> wanted, Columns source, LineMap lines) {
        SurvivalData.Builder b = SurvivalData.builder().lines(lines);
        for (int j = 0; j < wanted.size(); j++) {
            String name = wanted.get(j);
            if (source.isNumeric(j)) {
                b.numeric(name, source.numbers(j));
            } else if (mustBeNumeric(name)) {
                throw Check.fail("column '%s' holds text; expected %s", name, expected(name));
            } else {
                b.text(name, source.labels(j));
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
        if (id != null) {
            b.id(id);
        }
        return b.build();
    }

    /**
     * @param v a numeric column
     * @return its canonical labels ("2", not "2.0"), as R prints factor levels; null = missing
     */
    protected static String[] labelsOf(double[] v) {
        String[] s = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = Double.isNaN(v[i]) ? null : Column.formatNumber(v[i]);
        }
        return s;
    }
}
