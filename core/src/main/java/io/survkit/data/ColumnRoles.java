package io.survkit.data;

import io.survkit.internal.Check;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fluent column roles shared by the readers of {@link SurvivalData} (CSV, JDBC, and readers in
 * other modules such as {@code survkit-parquet}): which source column is the time, the event and so
 * on. A reader asks its source only for the columns named here ({@link #wantedColumns()}), numbers
 * as {@code double[]} (NaN = missing) and text as {@code String[]} (null = missing), then
 * {@link #build(Columns)} validates them as {@link Builder} does.
 *
 * <pre>{@code
 * public final class MyReader extends ColumnRoles<MyReader> {
 *     public SurvivalData read() {
 *         requireRoles();
 *         List<String> wanted = wantedColumns(); // read these, numbers where isNumeric(name)
 *         return build(myColumns);
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
    private String censorValue;
    private String weights;
    private String group;
    private String[] groupLevels;
    private String strata;
    private String cluster;
    private final Map<String, String> covariates = new LinkedHashMap<>(); // name -> null numeric, else "factor:<ref>"

    /** For subclasses: a reader with no roles named yet. */
    protected ColumnRoles() {
    }

    @SuppressWarnings("unchecked")
    private R self() {
        return (R) this;
    }

    /** Follow-up (exit) time column. */
    public R time(String column) {
        time = column;
        return self();
    }

    /** Entry time column (counting-process data). */
    public R start(String column) {
        start = column;
        return self();
    }

    /** Event column and the value(s) meaning "event". */
    public R event(String column, String... eventValue) {
        event = column;
        eventValues = eventValue;
        censorValue = null;
        return self();
    }

    /** Competing risks: cause column, with {@code censorValue} meaning censored. */
    public R causes(String column, String censorValue) {
        event = column;
        this.censorValue = censorValue;
        eventValues = null;
        return self();
    }

    /** Case weights column. */
    public R weights(String column) {
        weights = column;
        return self();
    }

    /** Group column; levels optional (default: numeric or byte order). */
    public R group(String column, String... levels) {
        group = column;
        groupLevels = levels == null || levels.length == 0 ? null : levels;
        return self();
    }

    /** Strata column. */
    public R strata(String column) {
        strata = column;
        return self();
    }

    /** Cluster column. */
    public R cluster(String column) {
        cluster = column;
        return self();
    }

    /** Numeric covariate column. */
    public R numeric(String column) {
        covariates.put(Check.notNull("covariate", column), null);
        return self();
    }

    /** Factor covariate column; {@code reference} null = first level in sorted order. */
    public R factor(String column, String reference) {
        covariates.put(Check.notNull("covariate", column), "factor:" + (reference == null ? "" : reference));
        return self();
    }

    /** Factor covariate with R's default reference (first level in sorted order). */
    public R factor(String column) {
        return factor(column, null);
    }

    /** Throws unless the time and event columns are named. */
    protected final void requireRoles() {
        if (time == null || event == null) {
            throw Check.fail("name the time and event columns before read()");
        }
    }

    /** True for the columns to read as numbers (time, start, weights, numeric covariates). */
    protected final boolean isNumeric(String column) {
        return column.equals(time) || column.equals(start) || column.equals(weights)
                || covariates.containsKey(column) && covariates.get(column) == null
                        && !column.equals(group) && !column.equals(strata) && !column.equals(cluster)
                        && !column.equals(event);
    }

    /** What a value of {@code column} must be, for messages. */
    protected final String expected(String column) {
        if (column.equals(time) || column.equals(start)) {
            return "a finite time >= 0";
        }
        return column.equals(weights) ? "a finite case weight >= 0" : "a finite number";
    }

    /** The columns named in the roles, each once, in role order: the only ones a reader needs. */
    protected final List<String> wantedColumns() {
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

    /** The columns a reader has read, by position in {@link #wantedColumns()}; all of one length. */
    public interface Columns {
        /** Column {@code j} as numbers, NaN = missing (asked only for columns {@link #isNumeric}). */
        double[] numbers(int j);

        /**
         * Column {@code j} as text, null = missing; a column read as numbers gives canonical labels
         * ("2", not "2.0"; see {@link #labelsOf(double[])}).
         */
        String[] labels(int j);
    }

    /**
     * Validates the columns as {@link Builder#build()} does and builds the data; messages name the
     * column and the 1-based row.
     */
    protected final SurvivalData build(Columns source) {
        return build(source, LineMap.NONE);
    }

    /** As {@link #build(Columns)}, with the file line of each row for messages. */
    final SurvivalData build(Columns source, LineMap lines) {
        List<String> wanted = wantedColumns();
        Builder b = SurvivalData.builder().lines(lines).time(time, source.numbers(wanted.indexOf(time)));
        if (start != null) {
            b.start(start, source.numbers(wanted.indexOf(start)));
        }
        String[] events = source.labels(wanted.indexOf(event));
        if (censorValue != null) {
            b.causes(event, events, censorValue);
        } else {
            b.event(event, events, eventValues);
        }
        if (weights != null) {
            b.weights(weights, source.numbers(wanted.indexOf(weights)));
        }
        if (group != null) {
            b.group(group, source.labels(wanted.indexOf(group)), groupLevels);
        }
        if (strata != null) {
            b.strata(strata, source.labels(wanted.indexOf(strata)));
        }
        if (cluster != null) {
            b.cluster(cluster, source.labels(wanted.indexOf(cluster)));
        }
        for (Map.Entry<String, String> e : covariates.entrySet()) {
            int j = wanted.indexOf(e.getKey());
            if (e.getValue() == null && isNumeric(e.getKey())) {
                b.numeric(e.getKey(), source.numbers(j));
            } else if (e.getValue() == null) {
                b.numeric(e.getKey(), source.labels(j));
            } else {
                String ref = e.getValue().substring("factor:".length());
                b.factor(e.getKey(), source.labels(j), ref.isEmpty() ? null : ref);
            }
        }
        return b.build();
    }

    /** Canonical labels of a numeric column ("2", not "2.0"), as R prints factor levels; null = missing. */
    protected static String[] labelsOf(double[] v) {
        String[] s = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = Double.isNaN(v[i]) ? null : Column.formatNumber(v[i]);
        }
        return s;
    }
}
