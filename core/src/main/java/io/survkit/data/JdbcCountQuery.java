package io.survkit.data;

import io.survkit.internal.Check;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A {@link CountTable} computed inside the database: one {@code GROUP BY} query returns, for each
 * (stratum, group, time, event value), the number of rows and their summed weight, so only the
 * distinct cells leave the database however many rows the table has. The cells are then classed as
 * events or censorings with the same value rules as the row readers, and give exactly the
 * Kaplan-Meier curves and log-rank tests of the subject rows.
 *
 * <p>With fractional case weights R's {@code survfit} uses the infinitesimal-jackknife (robust)
 * variance, which needs the subject rows; from counts the standard errors are Greenwood's (the
 * curves themselves are equal). Entry times ({@code start}) are not aggregated here: read such data
 * with {@link SurvivalData#jdbc}.
 *
 * <p>A row with a NULL in a used column is left out and counted ({@link CountTable#omittedRows()}):
 * the query groups such rows into cells of their own (flag {@code incomplete}), so the count needs no
 * second query.
 *
 * <pre>{@code
 * CountTable counts = CountTable.jdbc(connection, "registry")
 *         .time("months").event("dead", "1").group("arm").strata("stage")
 *         .read();
 * KaplanMeierResult km = KaplanMeier.withDefaults().fit(counts);
 * LogRankResult lr = LogRankTest.withDefaults().test(counts);
 * }</pre>
 */
public final class JdbcCountQuery {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    private final Connection connection;
    private final String source;
    private String time;
    private String event;
    private Set<String> eventValues;
    private String group;
    private String strata;
    private String weights;

    JdbcCountQuery(Connection connection, String tableOrSql) {
        this.connection = Check.notNull("connection", connection);
        String s = Check.notNull("table or query", tableOrSql).strip();
        this.source = IDENTIFIER.matcher(s).matches() ? s : "(" + s + ") survkit_rows";
    }

    /**
     * Follow-up (exit) time column.
     *
     * @param column the column name
     * @return Follow-up (exit) time column
     */
    public JdbcCountQuery time(String column) {
        time = identifier("time", column);
        return this;
    }

    /**
     * Event column and the value(s) meaning "event" (numbers compared as numbers: "1" matches 1.0).
     *
     * @param column the column name
     * @param eventValue the event value
     * @return event column and the value(s) meaning "event" (numbers compared as numbers: "1" matches 1.0)
     */
    public JdbcCountQuery event(String column, String... eventValue) {
        event = identifier("event", column);
        if (eventValue == null || eventValue.length == 0) {
            throw Check.fail("column '%s': give at least one value that means an event", column);
        }
        eventValues = new TreeSet<>();
        for (String v : eventValue) {
            eventValues.add(canonical(Check.notNull("event value", v)));
        }
        return this;
    }

    /**
     * Group column (curves, test groups).
     *
     * @param column the column name
     * @return group column (curves, test groups)
     */
    public JdbcCountQuery group(String column) {
        group = identifier("group", column);
        return this;
    }

    /**
     * Strata column.
     *
     * @param column the column name
     * @return strata column
     */
    public JdbcCountQuery strata(String column) {
        strata = identifier("strata", column);
        return this;
    }

    /**
     * Case weights column (events and censorings are then weighted sums).
     *
     * @param column the column name
     * @return case weights column (events and censorings are then weighted sums)
     */
    public JdbcCountQuery weights(String column) {
        weights = identifier("weights", column);
        return this;
    }

    private static String identifier(String role, String column) {
        Check.notNull(role + " column", column);
        if (!IDENTIFIER.matcher(column).matches()) {
            throw Check.fail("%s column '%s' is not a plain SQL column name; expected letters, digits and _ (alias "
                    + "an expression in the query instead)", role, column);
        }
        return column;
    }

    /** The one aggregation query sent to the database. */
    String sql() {
        String w = weights == null ? "1" : weights;
        StringBuilder nulls = new StringBuilder(time + " IS NULL OR " + event + " IS NULL");
        StringBuilder keys = new StringBuilder();
        StringBuilder select = new StringBuilder();
        for (String[] c : new String[][] {{strata, "stratum"}, {group, "grp"}, {weights, null}}) {
            if (c[0] != null) {
                nulls.append(" OR ").append(c[0]).append(" IS NULL");
                if (c[1] != null) {
                    keys.append(", ").append(c[0]);
                    select.append(", ").append(c[0]).append(" AS ").append(c[1]);
                }
            }
        }
        String incomplete = "CASE WHEN " + nulls + " THEN 1 ELSE 0 END";
        return "SELECT " + incomplete + " AS incomplete" + select + ", " + time + " AS t, " + event
                + " AS ev, COUNT(*) AS n, SUM(" + w + ") AS w, MIN(" + w + ") AS wmin FROM " + source + " GROUP BY "
                + incomplete + keys + ", " + time + ", " + event;
    }

    /**
     * Runs the query and builds the table.
     *
     * @return the count table
     */
    public CountTable read() {
        if (time == null || event == null) {
            throw Check.fail("name the time and event columns before read()");
        }
        String sql = sql();
        List<String> strataLabel = new ArrayList<>();
        List<String> groupLabel = new ArrayList<>();
        List<double[]> cell = new ArrayList<>(); // time, events, censored, entered, rows
        int omitted = 0;
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            boolean textTime = !JdbcSurvivalReader.isNumericType(rs.getMetaData().getColumnType(rs.findColumn("t")));
            if (textTime) {
                throw Check.fail("column '%s' is text in the database; expected a number (cast it in SQL)", time);
            }
            while (rs.next()) {
                long n = rs.getLong("n");
                if (rs.getInt("incomplete") == 1) {
                    omitted = Math.addExact(omitted, Math.toIntExact(n));
                    continue;
                }
                double t = rs.getDouble("t");
                if (!(t >= 0 && t < Double.POSITIVE_INFINITY)) {
                    throw Check.fail("column '%s': %d row(s) with time %s; expected a finite time >= 0", time, n,
                            Column.formatNumber(t));
                }
                double wsum = rs.getDouble("w");
                double wmin = rs.getDouble("wmin");
                if (!(wmin >= 0) || !Double.isFinite(wsum)) {
                    throw Check.fail("column '%s': a weight %s at time %s; expected finite case weights >= 0", weights,
                            Column.formatNumber(wmin), Column.formatNumber(t));
                }
                boolean isEvent = eventValues.contains(canonical(rs.getString("ev")));
                strataLabel.add(strata == null ? "all" : label(rs, "stratum"));
                groupLabel.add(group == null ? "all" : label(rs, "grp"));
                cell.add(new double[] {t, isEvent ? wsum : 0, isEvent ? 0 : wsum, 0, n});
            }
        } catch (SQLException e) {
            throw Check.fail("aggregation query failed: %s (SQL state %s); the query was: %s", e.getMessage(),
                    e.getSQLState(), sql);
        }
        if (cell.isEmpty()) {
            throw Check.fail(omitted == 0 ? "the table has no rows"
                    : "no row is complete: every one of the %d rows has a NULL in a used column", omitted);
        }
        return table(strataLabel, groupLabel, cell, omitted);
    }

    /** Numbers as the row readers label them ("2", not "2.0" or "2.000"), text as is. */
    private static String label(ResultSet rs, String column) throws SQLException {
        return canonical(rs.getString(column));
    }

    private static String canonical(String s) {
        Double d = Column.parse(s);
        return d == null ? s.strip() : Column.formatNumber(d);
    }

    private CountTable table(List<String> strataLabel, List<String> groupLabel, List<double[]> cell, int omitted) {
        int m = cell.size();
        List<String> gl = Levels.sorted(groupLabel.toArray(new String[0]));
        List<String> sl = Levels.sorted(strataLabel.toArray(new String[0]));
        int gs = gl.size();
        int[] block = new int[m];
        for (int r = 0; r < m; r++) {
            block[r] = sl.indexOf(strataLabel.get(r)) * gs + gl.indexOf(groupLabel.get(r));
        }
        CountTable.Cells cells = CountTable.Cells.sum(cell, block, sl.size() * gs, gs);
        return cells.table(group, group == null ? List.of("all") : gl, strata, sl, weights != null, omitted,
                List.of());
    }
}
