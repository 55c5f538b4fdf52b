package io.survkit.data;

import io.survkit.internal.Check;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@link SurvivalData} from any JDBC query ({@code java.sql} only: the driver is the
 * caller's). Typed columns: numeric SQL types are read as numbers, everything else as text; SQL
 * NULL is missing, and rows with a missing value in a used column are left out and counted. Only
 * the columns named in the roles are kept; rows are numbered 1.. in the order the query returns
 * them (give it an {@code ORDER BY} for stable row numbers in messages).
 *
 * <pre>{@code
 * try (Connection c = DriverManager.getConnection(url)) {
 *     SurvivalData d = SurvivalData.jdbc(c, "SELECT months, dead, arm FROM registry WHERE year >= 2010")
 *             .time("months").event("dead", "1").group("arm")
 *             .read();
 * }
 * }</pre>
 */
public final class JdbcSurvivalReader extends ColumnRoles<JdbcSurvivalReader> {
    private final Connection connection;
    private final String sql;

    JdbcSurvivalReader(Connection connection, String sql) {
        this.connection = Check.notNull("connection", connection);
        this.sql = Check.notNull("sql", sql);
    }

    /**
     * Runs the query and builds the data (the connection stays open; the statement is closed).
     *
     * @return the data, every row kept
     * @throws IllegalArgumentException for a failed query, an unknown column or a bad value
     */
    public SurvivalData read() {
        requireRoles();
        try (Statement st = connection.createStatement()) {
            st.setFetchSize(10_000);
            try (ResultSet rs = st.executeQuery(sql)) {
                ResultSetMetaData md = rs.getMetaData();
                List<String> labels = new ArrayList<>();
                for (int k = 1; k <= md.getColumnCount(); k++) {
                    labels.add(md.getColumnLabel(k));
                }
                // engines fold unquoted names (H2: TIME): a name given in another case is that column
                List<String> available = new ArrayList<>(labels);
                for (String name : namedColumns()) {
                    int k = indexOf(available, name);
                    if (k >= 0) {
                        available.set(k, name);
                    }
                }
                List<String> wanted = wantedColumns(available, "the query result");
                return build(wanted, columns(rs, md, available, wanted));
            }
        } catch (SQLException e) {
            throw Check.fail("query failed: %s (SQL state %s); the query was: %s", e.getMessage(), e.getSQLState(),
                    sql);
        }
    }

    private Columns columns(ResultSet rs, ResultSetMetaData md, List<String> available, List<String> wanted)
            throws SQLException {
        int w = wanted.size();
        int[] index = new int[w];
        boolean[] numericSql = new boolean[w];
        for (int j = 0; j < w; j++) {
            index[j] = available.indexOf(wanted.get(j));
            numericSql[j] = isNumericType(md.getColumnType(index[j] + 1));
        }
        double[][] numbers = new double[w][];
        String[][] text = new String[w][];
        int cap = 1024;
        for (int j = 0; j < w; j++) {
            if (numericSql[j]) {
                numbers[j] = new double[cap];
            } else {
                text[j] = new String[cap];
            }
        }
        java.util.Map<String, String> interned = new java.util.HashMap<>();
        int n = 0;
        while (rs.next()) {
            if (n == cap) {
                cap *= 2;
                for (int j = 0; j < w; j++) {
                    if (numbers[j] != null) {
                        numbers[j] = Arrays.copyOf(numbers[j], cap);
                    } else {
                        text[j] = Arrays.copyOf(text[j], cap);
                    }
                }
            }
            for (int j = 0; j < w; j++) {
                int k = index[j] + 1;
                if (numbers[j] != null) {
                    double v = rs.getDouble(k);
                    numbers[j][n] = rs.wasNull() ? Double.NaN : v;
                } else {
                    String s = rs.getString(k);
                    text[j][n] = s == null ? null : interned.computeIfAbsent(s, x -> x);
                }
            }
            n++;
        }
        for (int j = 0; j < w; j++) {
            if (numbers[j] != null) {
                numbers[j] = Arrays.copyOf(numbers[j], n);
            } else {
                text[j] = Arrays.copyOf(text[j], n);
            }
        }
        return new Columns() {
            @Override
            public boolean isNumeric(int j) {
                return numbers[j] != null;
            }

            @Override
            public double[] numbers(int j) {
                return numbers[j];
            }

            @Override
            public String[] labels(int j) {
                return text[j];
            }
        };
    }

    /** Column lookup as SQL does it: exact name first, then ignoring case (engines fold unquoted names). */
    static int indexOf(List<String> names, String name) {
        int k = names.indexOf(name);
        if (k >= 0) {
            return k;
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    /** SQL types read with {@code getDouble}. */
    static boolean isNumericType(int type) {
        switch (type) {
            case Types.TINYINT:
            case Types.SMALLINT:
            case Types.INTEGER:
            case Types.BIGINT:
            case Types.REAL:
            case Types.FLOAT:
            case Types.DOUBLE:
            case Types.DECIMAL:
            case Types.NUMERIC:
                return true;
            default:
                return false;
        }
    }
}
