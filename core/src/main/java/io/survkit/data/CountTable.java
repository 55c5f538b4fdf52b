package io.survkit.data;

import io.survkit.internal.Check;
import io.survkit.internal.Sorting;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Pre-aggregated survival data: for each (stratum, group, distinct time) the (weighted) number of
 * events, censorings and entries, and the unweighted number of rows leaving. This is what every
 * estimator and test of survkit needs, so an aggregation done elsewhere (SQL, a cluster) feeds them
 * directly and gives exactly the curves of the subject rows it summarises.
 *
 * <p>Semantics of a cell at time t: {@code events} and {@code censored} subjects leave the risk set
 * at t (they are at risk at t); {@code entered} subjects enter at t, i.e. are at risk only for times
 * after t (counting-process entry {@code (t, stop]}). Cells are sorted by stratum, group, time.
 *
 * <pre>{@code
 * CountTable counts = CountTable.builder("arm")
 *         .add("chemo", 12, 30, 4)    // group, month, deaths, censored
 *         .add("chemo", 24, 21, 6)
 *         .add("surgery", 12, 9, 3)
 *         .build();
 * }</pre>
 */
public final class CountTable {
    private final String groupName;
    private final List<String> groupLevels;
    private final String strataName;
    private final List<String> strataLevels;
    private final int[] stratum;
    private final int[] group;
    private final double[] time;
    private final double[] events;
    private final double[] censored;
    private final double[] entered;
    private final double[] rows;
    private final int[] blockStart;
    private final boolean hasEntries;
    private final boolean weighted;
    private final int omitted;
    private final List<String> warnings;
    private List<String> groupLabels;
    private List<String> strataLabels;

    CountTable(String groupName, List<String> groupLevels, String strataName, List<String> strataLevels,
            int[] stratum, int[] group, double[] time, double[] events, double[] censored, double[] entered,
            double[] rows, boolean weighted, int omitted, List<String> warnings) {
        this.groupName = groupName;
        this.groupLevels = List.copyOf(groupLevels);
        this.strataName = strataName;
        this.strataLevels = List.copyOf(strataLevels);
        this.stratum = stratum;
        this.group = group;
        this.time = time;
        this.events = events;
        this.censored = censored;
        this.entered = entered;
        this.rows = rows;
        this.weighted = weighted;
        this.omitted = omitted;
        this.warnings = List.copyOf(warnings);
        int blocks = strataLevels.size() * groupLevels.size();
        this.blockStart = new int[blocks + 1];
        int c = 0;
        for (int b = 0; b < blocks; b++) {
            blockStart[b] = c;
            while (c < time.length && block(c) == b) {
                c++;
            }
        }
        blockStart[blocks] = c;
        boolean e = false;
        for (double x : entered) {
            e |= x != 0;
        }
        this.hasEntries = e;
    }

    /**
     * A builder of pre-aggregated counts by group (null = one group).
     *
     * @param groupColumn the group column
     * @return A builder of pre-aggregated counts by group (null = one group)
     */
    public static CountTableBuilder builder(String groupColumn) {
        return new CountTableBuilder(groupColumn, null);
    }

    /**
     * A builder of pre-aggregated counts by group within strata.
     *
     * @param groupColumn the group column
     * @param strataColumn the strata column
     * @return A builder of pre-aggregated counts by group within strata
     */
    public static CountTableBuilder builder(String groupColumn, String strataColumn) {
        return new CountTableBuilder(groupColumn, Check.notNull("strata column", strataColumn));
    }

    /**
     * Counts aggregated inside a database by one {@code GROUP BY} query over a table or a query
     * ({@code java.sql} only): only the distinct (stratum, group, time) cells leave the database.
     *
     * <pre>{@code
     * CountTable counts = CountTable.jdbc(connection, "registry")
     *         .time("months").event("dead", "1").group("arm").read();
     * }</pre>
     *
     * @param connection the connection
     * @param tableOrSql the table or sql
     * @return the jdbc count query
     */
    public static JdbcCountQuery jdbc(java.sql.Connection connection, String tableOrSql) {
        return new JdbcCountQuery(connection, tableOrSql);
    }

    /**
     * Counts aggregated inside a database, all roles at once ({@code strata}, {@code weights} may be
     * null; {@code group} null = one group). The event is {@code event = 1} (R's 0/1 status); use
     * {@link #jdbc(java.sql.Connection, String)} for other event codes.
     *
     * @param connection the connection
     * @param tableOrSql the table or sql
     * @param time the time
     * @param event the event indicators
     * @param group the group label
     * @param strata the strata
     * @param weights the weights
     * @return the count table
     */
    public static CountTable jdbc(java.sql.Connection connection, String tableOrSql, String time, String event,
            String group, String strata, String weights) {
        JdbcCountQuery q = jdbc(connection, tableOrSql).time(time).event(event, "1");
        if (group != null) {
            q.group(group);
        }
        if (strata != null) {
            q.strata(strata);
        }
        if (weights != null) {
            q.weights(weights);
        }
        return q.read();
    }

    /**
     * Aggregates subject rows: one sort of the exit (and entry) times, then one pass. Weighted counts
     * with case weights. Ignores covariates and cause labels (any cause counts as an event).
     *
     * @param d the model frame
     * @return aggregates subject rows: one sort of the exit (and entry) times, then one pass
     */
    public static CountTable of(ModelFrame d) {
        CountTable t = aggregate(d);
        Factor g = d.groups().orElse(null);
        t.groupLabels = g == null ? null : g.labels();
        t.strataLabels = d.strata().map(Factor::labels).orElse(null);
        return t;
    }

    /** {@return R's labels of the groups: {@code group=level}, or as the model frame labelled them} */
    public List<String> groupLabels() {
        if (groupLabels != null) {
            return groupLabels;
        }
        List<String> l = new java.util.ArrayList<>();
        for (String v : groupLevels) {
            l.add(groupName + "=" + v);
        }
        return List.copyOf(l);
    }

    /** {@return R's labels of the strata: {@code strata=level}, or as the model frame labelled them ({@code strata()})} */
    public List<String> strataLabels() {
        if (strataLabels != null) {
            return strataLabels;
        }
        List<String> l = new java.util.ArrayList<>();
        for (String v : strataLevels) {
            l.add(strataName + "=" + v);
        }
        return List.copyOf(l);
    }

    private static CountTable aggregate(ModelFrame d) {
        int n = d.rowCount();
        Factor g = d.groups().orElse(null);
        Factor s = d.strata().orElse(null);
        int groups = g == null ? 1 : g.levelCount();
        int strata = s == null ? 1 : s.levelCount();
        int[] block = new int[n];
        for (int i = 0; i < n; i++) {
            block[i] = (s == null ? 0 : s.code(i)) * groups + (g == null ? 0 : g.code(i));
        }
        double[] t = d.times();
        int[] exitOrder = sortedWithin(t, block, strata * groups);
        double[] st = d.starts().orElse(null);
        int[] entryOrder = st == null ? new int[0] : sortedWithin(st, block, strata * groups);
        Cells cells = new Cells(n + entryOrder.length);
        int ex = 0;
        int en = 0;
        for (int b = 0; b < strata * groups; b++) {
            while ((ex < n && block[exitOrder[ex]] == b) || (en < entryOrder.length && block[entryOrder[en]] == b)) {
                double tx = ex < n && block[exitOrder[ex]] == b ? t[exitOrder[ex]] : Double.POSITIVE_INFINITY;
                double te = en < entryOrder.length && block[entryOrder[en]] == b ? st[entryOrder[en]]
                        : Double.POSITIVE_INFINITY;
                double now = Math.min(tx, te);
                cells.open(b / groups, b % groups, now);
                while (ex < n && block[exitOrder[ex]] == b && t[exitOrder[ex]] == now) {
                    int i = exitOrder[ex++];
                    cells.exit(d.isEvent(i), d.weight(i));
                }
                while (en < entryOrder.length && block[entryOrder[en]] == b && st[entryOrder[en]] == now) {
                    cells.enter(d.weight(entryOrder[en++]));
                }
            }
        }
        return cells.table(g == null ? null : g.name(), g == null ? List.of("all") : g.levels(),
                s == null ? null : s.name(), s == null ? List.of("all") : s.levels(), d.hasWeights(),
                d.omittedRows(), d.warnings());
    }

    private static int[] sortedWithin(double[] keys, int[] block, int blocks) {
        int[] order = Sorting.order(keys);
        if (blocks > 1) {
            Sorting.groupStable(order, block, blocks);
        }
        return order;
    }

    /** {@return number of cells} */
    public int size() {
        return time.length;
    }

    /**
     * Group column name.
     *
     * @return the name, or empty for one group
     */
    public Optional<String> groupName() {
        return Optional.ofNullable(groupName);
    }

    /** {@return group levels in order ({@code ["all"]} without a group)} */
    public List<String> groupLevels() {
        return groupLevels;
    }

    /**
     * Strata column name.
     *
     * @return the name, or empty without strata
     */
    public Optional<String> strataName() {
        return Optional.ofNullable(strataName);
    }

    /** {@return strata levels ({@code ["all"]} without strata)} */
    public List<String> strataLevels() {
        return strataLevels;
    }

    /**
     * Stratum code of cell {@code c}.
     *
     * @param c the 0-based cell index
     * @return stratum code of cell {@code c}
     */
    public int stratum(int c) {
        return stratum[c];
    }

    /**
     * Group code of cell {@code c}.
     *
     * @param c the 0-based cell index
     * @return group code of cell {@code c}
     */
    public int group(int c) {
        return group[c];
    }

    /**
     * Time of cell {@code c}.
     *
     * @param c the 0-based cell index
     * @return the time of cell {@code c}
     */
    public double time(int c) {
        return time[c];
    }

    /**
     * Events at cell {@code c} (weighted).
     *
     * @param c the 0-based cell index
     * @return events at cell {@code c} (weighted)
     */
    public double events(int c) {
        return events[c];
    }

    /**
     * Censorings at cell {@code c} (weighted).
     *
     * @param c the 0-based cell index
     * @return censorings at cell {@code c} (weighted)
     */
    public double censored(int c) {
        return censored[c];
    }

    /**
     * Entries at cell {@code c} (weighted): at risk only after this time.
     *
     * @param c the 0-based cell index
     * @return entries at cell {@code c} (weighted): at risk only after this time
     */
    public double entered(int c) {
        return entered[c];
    }

    /**
     * Unweighted number of rows leaving at cell {@code c} (R's {@code n} counts rows).
     *
     * @param c the 0-based cell index
     * @return unweighted number of rows leaving at cell {@code c} (R's {@code n} counts rows)
     */
    public double rows(int c) {
        return rows[c];
    }

    /** {@return true when some cell has entries (left-truncated data)} */
    public boolean hasEntries() {
        return hasEntries;
    }

    /** {@return true when the counts are weighted sums (case weights)} */
    public boolean weighted() {
        return weighted;
    }

    /** {@return rows left out of the source for missing values} */
    public int omittedRows() {
        return omitted;
    }

    /** {@return warnings from the source data} */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Block index of cell {@code c}: {@code stratum * groups + group}.
     *
     * @param c the 0-based cell index
     * @return block index of cell {@code c}: {@code stratum * groups + group}
     */
    public int block(int c) {
        return stratum[c] * groupLevels.size() + group[c];
    }

    /**
     * First cell of block {@code b} ({@code stratum * groups + group}); cells of b are [blockStart(b), blockStart(b+1)).
     *
     * @param b the 0-based block index
     * @return first cell of block {@code b} ({@code stratum * groups + group}); cells of b are [blockStart(b), blockStart(b+1))
     */
    public int blockStart(int b) {
        return blockStart[b];
    }

    /**
     * Copies of the columns: time.
     *
     * @return the values
     */
    public double[] times() {
        return time.clone();
    }

    @Override
    public String toString() {
        return "CountTable[cells=" + size() + ", groups=" + groupLevels + ", strata=" + strataLevels
                + (weighted ? ", weighted" : "") + (hasEntries ? ", with entries" : "") + "]";
    }

    /** Growable columns used while aggregating. */
    static final class Cells {
        int[] stratum;
        int[] group;
        double[] time;
        double[] events;
        double[] censored;
        double[] entered;
        double[] rows;
        int n = 0;

        /**
         * Sums the rows {@code {time, events, censored, entered, rows}} that share a block
         * ({@code stratum * groups + group}) and a time, into cells ordered by block, then time.
         */
        static Cells sum(List<double[]> values, int[] block, int blocks, int groups) {
            int m = values.size();
            double[] t = new double[m];
            for (int r = 0; r < m; r++) {
                t[r] = values.get(r)[0];
            }
            int[] order = Sorting.order(t);
            Sorting.groupStable(order, block, blocks);
            Cells cells = new Cells(m);
            int prevBlock = -1;
            double prevTime = Double.NaN;
            for (int r : order) {
                double[] v = values.get(r);
                if (block[r] != prevBlock || v[0] != prevTime) {
                    cells.open(block[r] / groups, block[r] % groups, v[0]);
                    prevBlock = block[r];
                    prevTime = v[0];
                }
                int c = cells.n - 1;
                cells.events[c] += v[1];
                cells.censored[c] += v[2];
                cells.entered[c] += v[3];
                cells.rows[c] += v[4];
            }
            return cells;
        }

        Cells(int capacity) {
            int c = Math.max(capacity, 4);
            stratum = new int[c];
            group = new int[c];
            time = new double[c];
            events = new double[c];
            censored = new double[c];
            entered = new double[c];
            rows = new double[c];
        }

        void open(int s, int g, double t) {
            if (n == time.length) {
                grow();
            }
            stratum[n] = s;
            group[n] = g;
            time[n] = t;
            n++;
        }

        void exit(boolean event, double w) {
            if (event) {
                events[n - 1] += w;
            } else {
                censored[n - 1] += w;
            }
            rows[n - 1] += 1;
        }

        void enter(double w) {
            entered[n - 1] += w;
        }

        private void grow() {
            int c = 2 * time.length;
            stratum = Arrays.copyOf(stratum, c);
            group = Arrays.copyOf(group, c);
            time = Arrays.copyOf(time, c);
            events = Arrays.copyOf(events, c);
            censored = Arrays.copyOf(censored, c);
            entered = Arrays.copyOf(entered, c);
            rows = Arrays.copyOf(rows, c);
        }

        CountTable table(String gName, List<String> gLevels, String sName, List<String> sLevels, boolean weighted,
                int omitted, List<String> warnings) {
            return new CountTable(gName, gLevels, sName, sLevels, Arrays.copyOf(stratum, n), Arrays.copyOf(group, n),
                    Arrays.copyOf(time, n), Arrays.copyOf(events, n), Arrays.copyOf(censored, n),
                    Arrays.copyOf(entered, n), Arrays.copyOf(rows, n), weighted, omitted, warnings);
        }
    }
}
