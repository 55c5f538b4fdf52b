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
 * <p>Competing risks: a table may also hold the events of each cause ({@link #causes()},
 * {@link #events(int, int)}; declared with {@link CountTableBuilder#causes(String...)}, or kept by
 * {@link #of(ModelFrame)}); then {@code events} is their sum, and cumulative incidence and Gray's
 * test run on the table ({@code CumulativeIncidence.fit(CountTable)},
 * {@code GrayTest.test(CountTable)}).
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
    /** Cause labels (cause k + 1 is {@code causes.get(k)}); empty when only events of any cause are held. */
    private final List<String> causes;
    /** Events of cause k + 1 at cell c: {@code causeEvents[c * causes + k]}; null without causes. */
    private final double[] causeEvents;
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
        this(groupName, groupLevels, strataName, strataLevels, stratum, group, time, events, censored, entered, rows,
                List.of(), null, weighted, omitted, warnings);
    }

    CountTable(String groupName, List<String> groupLevels, String strataName, List<String> strataLevels,
            int[] stratum, int[] group, double[] time, double[] events, double[] censored, double[] entered,
            double[] rows, List<String> causes, double[] causeEvents, boolean weighted, int omitted,
            List<String> warnings) {
        this.causes = List.copyOf(causes);
        this.causeEvents = causeEvents;
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
     * with case weights. Ignores covariates; keeps the events of each of the frame's causes
     * ({@link #causes()}; one cause for ordinary survival data).
     *
     * @param d the model frame
     * @return the counts per (stratum, group, time)
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
        Cells cells = new Cells(n + entryOrder.length, d.causes().size());
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
                    cells.exit(d.status(i), d.weight(i));
                }
                while (en < entryOrder.length && block[entryOrder[en]] == b && st[entryOrder[en]] == now) {
                    cells.enter(d.weight(entryOrder[en++]));
                }
            }
        }
        return cells.table(g == null ? null : g.name(), g == null ? List.of("all") : g.levels(),
                s == null ? null : s.name(), s == null ? List.of("all") : s.levels(), d.causes(), d.hasWeights(),
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
     * The cause labels of the per-cause event counts, in cause order (cause {@code k} is
     * {@code causes().get(k - 1)}); empty when the table holds events of any cause only.
     *
     * @return the cause labels
     */
    public List<String> causes() {
        return causes;
    }

    /**
     * True when the table holds the events of each cause ({@link #causes()} is not empty).
     *
     * @return whether per-cause counts are held
     */
    public boolean hasCauses() {
        return causeEvents != null;
    }

    /**
     * Events of cause {@code cause} (1-based, as status codes) at cell {@code c} (weighted).
     *
     * @param c the 0-based cell index
     * @param cause the cause, 1-based
     * @return the weighted events of that cause at the cell
     * @throws IllegalArgumentException when the table has no per-cause counts or no such cause
     */
    public double events(int c, int cause) {
        if (causeEvents == null) {
            throw Check.fail("the count table holds events of any cause only; declare the causes "
                    + "(CountTable.builder(..).causes(...)) to count them per cause");
        }
        if (cause < 1 || cause > causes.size()) {
            throw Check.fail("cause %d does not exist; the table has causes 1..%d %s", cause, causes.size(), causes);
        }
        return causeEvents[c * causes.size() + cause - 1];
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
                + (causes.isEmpty() ? "" : ", causes=" + causes) + (weighted ? ", weighted" : "")
                + (hasEntries ? ", with entries" : "") + "]";
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
        /** Number of causes counted apart (0: events of any cause only). */
        final int causeCount;
        double[] causeEvents;
        int n = 0;

        /**
         * Sums the rows {@code {time, events, censored, entered, rows}} that share a block
         * ({@code stratum * groups + group}) and a time, into cells ordered by block, then time.
         */
        static Cells sum(List<double[]> values, int[] block, int blocks, int groups) {
            return sum(values, block, blocks, groups, 0);
        }

        /**
         * As {@link #sum(List, int[], int, int)}, with the events of each of {@code causeCount}
         * causes after the five columns: {@code {time, events, censored, entered, rows, cause 1, ..}}.
         */
        static Cells sum(List<double[]> values, int[] block, int blocks, int groups, int causeCount) {
            int m = values.size();
            double[] t = new double[m];
            for (int r = 0; r < m; r++) {
                t[r] = values.get(r)[0];
            }
            int[] order = Sorting.order(t);
            Sorting.groupStable(order, block, blocks);
            Cells cells = new Cells(m, causeCount);
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
                for (int k = 0; k < causeCount; k++) {
                    cells.causeEvents[c * causeCount + k] += v[5 + k];
                }
            }
            return cells;
        }

        Cells(int capacity) {
            this(capacity, 0);
        }

        Cells(int capacity, int causeCount) {
            int c = Math.max(capacity, 4);
            this.causeCount = causeCount;
            causeEvents = new double[c * causeCount];
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

        /** A row leaving with status 0 (censored) or k (an event of cause k). */
        void exit(int status, double w) {
            exit(status != 0, w);
            if (status != 0 && causeCount > 0) {
                causeEvents[(n - 1) * causeCount + status - 1] += w;
            }
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
            causeEvents = Arrays.copyOf(causeEvents, c * causeCount);
        }

        CountTable table(String gName, List<String> gLevels, String sName, List<String> sLevels, boolean weighted,
                int omitted, List<String> warnings) {
            return table(gName, gLevels, sName, sLevels, List.of(), weighted, omitted, warnings);
        }

        /** The table; {@code causes} labels the {@link #causeCount} per-cause columns (empty: none). */
        CountTable table(String gName, List<String> gLevels, String sName, List<String> sLevels, List<String> causes,
                boolean weighted, int omitted, List<String> warnings) {
            if (causes.size() != causeCount) {
                throw new IllegalStateException(causes.size() + " cause labels for " + causeCount + " causes");
            }
            return new CountTable(gName, gLevels, sName, sLevels, Arrays.copyOf(stratum, n), Arrays.copyOf(group, n),
                    Arrays.copyOf(time, n), Arrays.copyOf(events, n), Arrays.copyOf(censored, n),
                    Arrays.copyOf(entered, n), Arrays.copyOf(rows, n), causes,
                    causeCount == 0 ? null : Arrays.copyOf(causeEvents, n * causeCount), weighted, omitted, warnings);
        }
    }
}
