package io.survkit.data;

import io.survkit.internal.Check;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects pre-aggregated rows (stratum, group, time, events, censored, entered). Rows with the same
 * (stratum, group, time) are summed. Levels are ordered as R orders factor levels (numeric order if
 * every label is a number, else byte order) unless given with {@link #groupLevels}.
 */
public final class CountTableBuilder {
    private final String groupColumn;
    private final String strataColumn;
    private final List<String> groupLabel = new ArrayList<>();
    private final List<String> strataLabel = new ArrayList<>();
    private final List<double[]> values = new ArrayList<>();
    private List<String> groupOrder;
    private boolean weighted;
    private int omitted;

    CountTableBuilder(String groupColumn, String strataColumn) {
        this.groupColumn = groupColumn;
        this.strataColumn = strataColumn;
    }

    /**
     * Adds a row: events and censorings leaving at {@code time} in {@code group}.
     *
     * @param group the group label
     * @param time the time
     * @param events the events
     * @param censored the censored
     * @return the count table builder
     */
    public CountTableBuilder add(String group, double time, double events, double censored) {
        return add(null, group, time, events, censored, 0);
    }

    /**
     * Adds a row with entries (subjects entering the risk set just after {@code time}).
     *
     * @param group the group label
     * @param time the time
     * @param events the events
     * @param censored the censored
     * @param entered the entered
     * @return the count table builder
     */
    public CountTableBuilder add(String group, double time, double events, double censored, double entered) {
        return add(null, group, time, events, censored, entered);
    }

    /**
     * Adds a row within a stratum.
     *
     * @param stratum the stratum
     * @param group the group label
     * @param time the time
     * @param events the events
     * @param censored the censored
     * @param entered the entered
     * @return the count table builder
     */
    public CountTableBuilder add(String stratum, String group, double time, double events, double censored,
            double entered) {
        return add(stratum, group, time, events, censored, entered, events + censored);
    }

    /**
     * Adds a row within a stratum with the unweighted number of subject rows leaving at {@code time}
     * (R's {@code n} counts rows, not weights): the form an aggregation of weighted subject rows
     * (SQL, a cluster) produces.
     *
     * @param stratum the stratum
     * @param group the group label
     * @param time the time
     * @param events the events
     * @param censored the censored
     * @param entered the entered
     * @param rows the rows
     * @return the count table builder
     */
    public CountTableBuilder add(String stratum, String group, double time, double events, double censored,
            double entered, double rows) {
        int row = values.size() + 1;
        if (strataColumn != null && stratum == null) {
            throw Check.fail("row %d: stratum is missing; expected a label of '%s'", row, strataColumn);
        }
        if (groupColumn != null && group == null) {
            throw Check.fail("row %d: group is missing; expected a label of '%s'", row, groupColumn);
        }
        check(row, "time", time);
        check(row, "events", events);
        check(row, "censored", censored);
        check(row, "entered", entered);
        check(row, "rows", rows);
        weighted |= events != Math.rint(events) || censored != Math.rint(censored) || entered != Math.rint(entered);
        strataLabel.add(strataColumn == null ? "all" : stratum);
        groupLabel.add(groupColumn == null ? "all" : group);
        values.add(new double[] {time, events, censored, entered, rows});
        return this;
    }

    private static void check(int row, String column, double v) {
        if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
            throw Check.fail("column '%s', row %d: value %s is invalid; expected a finite number >= 0", column, row, v);
        }
    }

    /**
     * Fixes the group level order (R: {@code factor(levels = ...)}).
     *
     * @param levels the levels
     * @return fixes the group level order (R: {@code factor(levels = ...)})
     */
    public CountTableBuilder groupLevels(String... levels) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] == null) {
                throw Check.fail("group level %d is missing; expected a label", i + 1);
            }
            if (!seen.add(levels[i])) {
                throw Check.fail("group level %d, '%s', is a duplicate; expected distinct levels (R: factor level "
                        + "[%d] is duplicated)", i + 1, levels[i], i + 1);
            }
        }
        groupOrder = List.of(levels);
        return this;
    }

    /**
     * Declares the counts weighted sums (fractional counts are detected by themselves).
     *
     * @param w the boolean
     * @return the count table builder
     */
    public CountTableBuilder weighted(boolean w) {
        weighted = w;
        return this;
    }

    /**
     * Rows the source left out for missing values (reported by the estimators' results).
     *
     * @param n the count
     * @return rows the source left out for missing values (reported by the estimators' results)
     */
    public CountTableBuilder omittedRows(int n) {
        if (n < 0) {
            throw Check.fail("omitted rows must be >= 0, got %d", n);
        }
        omitted = n;
        return this;
    }

    /**
     * Builds the table: goes through the same aggregation as subject rows, with counts as weights.
     *
     * @return the count table
     */
    public CountTable build() {
        int m = values.size();
        if (m == 0) {
            throw Check.fail("the count table has no rows");
        }
        List<String> gl = groupOrder != null ? groupOrder : Levels.sorted(groupLabel.toArray(new String[0]));
        List<String> sl = Levels.sorted(strataLabel.toArray(new String[0]));
        int gs = gl.size();
        int[] block = new int[m];
        List<double[]> rows = new java.util.ArrayList<>(m);
        for (int r = 0; r < m; r++) {
            int g = gl.indexOf(groupLabel.get(r));
            if (g < 0) {
                throw Check.fail("column '%s', row %d: value '%s' is not one of the levels %s", groupColumn, r + 1,
                        groupLabel.get(r), gl);
            }
            block[r] = sl.indexOf(strataLabel.get(r)) * gs + g;
            double[] v = values.get(r);
            rows.add(new double[] {v[0], v[1], v[2], v[3], v[4]});
        }
        CountTable.Cells cells = CountTable.Cells.sum(rows, block, sl.size() * gs, gs);
        CountTable table = cells.table(groupColumn, gl, strataColumn, sl, weighted, omitted, List.of());
        checkConsistent(table);
        return table;
    }

    /**
     * The counts must describe a risk set: with n(t) = n.start + sum over earlier cells of (entered -
     * events - censored) and n.start = sum(events + censored) - sum(entered) per (stratum, group),
     * every cell needs n(t) >= events + censored (those leaving at t were at risk at t), which also
     * makes n.start >= 0. A relative tolerance of 1e-9 of the block's total allows for weighted sums.
     */
    private void checkConsistent(CountTable t) {
        int blocks = t.strataLevels().size() * t.groupLevels().size();
        for (int b = 0; b < blocks; b++) {
            int from = t.blockStart(b);
            int to = t.blockStart(b + 1);
            double left = 0;
            double entered = 0;
            for (int c = from; c < to; c++) {
                left += t.events(c) + t.censored(c);
                entered += t.entered(c);
            }
            double tol = 1e-9 * (left + entered);
            double n = left - entered;
            for (int c = from; c < to; c++) {
                double leaving = t.events(c) + t.censored(c);
                if (n - leaving < -tol) {
                    throw Check.fail("%s, time %s: %s events and censorings leave but only %s subjects are at risk "
                            + "(n.start = total leaving %s - total entered %s = %s); expected entries to precede "
                            + "the exits they feed", cell(t, c), t.time(c), leaving, n, left, entered, left - entered);
                }
                n += t.entered(c) - leaving;
            }
        }
    }

    private String cell(CountTable t, int c) {
        String g = groupColumn == null ? "" : String.format(java.util.Locale.ROOT, "group '%s'",
                t.groupLevels().get(t.group(c)));
        String s = strataColumn == null ? "" : String.format(java.util.Locale.ROOT, "stratum '%s'",
                t.strataLevels().get(t.stratum(c)));
        return g.isEmpty() ? (s.isEmpty() ? "the cell" : s) : (s.isEmpty() ? g : s + ", " + g);
    }
}
