package io.survkit.spark;

import io.survkit.compare.CumulativeIncidenceComparison;
import io.survkit.compare.GrayTest;
import io.survkit.compare.GrayTestResult;
import io.survkit.compare.LogRankResult;
import io.survkit.compare.LogRankTest;
import io.survkit.compare.PairwiseLogRank;
import io.survkit.compare.PairwiseLogRankResult;
import io.survkit.compare.TrendResult;
import io.survkit.compare.TrendTest;
import io.survkit.data.CountTable;
import io.survkit.estimate.CumulativeIncidence;
import io.survkit.estimate.CumulativeIncidenceResult;
import io.survkit.estimate.KaplanMeier;
import io.survkit.estimate.KaplanMeierResult;
import io.survkit.internal.Check;
import io.survkit.regression.CoxRegression;
import io.survkit.regression.CoxVariance;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Survival analysis of a Spark {@code Dataset<Row>}, exact: the cluster aggregates the rows into
 * counts per (stratum, group, distinct time), or into a Cox model's per-time sums, and survkit-core
 * computes every estimate and test from them. Rows never travel to the driver; the driver holds
 * O(strata x groups x distinct times) numbers. Immutable; each call returns a new instance.
 *
 * <p>The data are read as core's {@code SurvivalData} builder reads them: rows with a missing value
 * (null, NaN, empty or {@code NA} text) in a used column are left out and counted; a time below 0,
 * an entry time not before its exit time, or a negative weight is an error naming the column, the
 * 1-based row and the value. Times that differ only by floating-point noise are merged as R's
 * {@code aeqSurv} does (on the aggregated distinct times, which gives the same times). Group and
 * strata levels are ordered as core orders them (numerically when every label is a number).
 *
 * <pre>{@code
 * SparkSurvival s = SparkSurvival.of(df).time("months").event("status", "1").group("arm").strata("stage");
 * CountTable counts = s.counts();                                   // one distributed aggregation
 * KaplanMeierResult km = s.kaplanMeier(KaplanMeier.withDefaults());
 * LogRankResult lr = s.logRank(LogRankTest.withDefaults());         // stratified by stage
 * }</pre>
 */
public final class SparkSurvival {
    private final Dataset<Row> df;
    private final String time;
    private final String start;
    private final String event;
    private final List<String> eventValues;
    private final String group;
    private final String strata;
    private final String weights;
    private final double resolution;
    private final String cluster;
    /** Competing risks: the event column's value meaning censored (every other value is a cause); or null. */
    private final String censorValue;

    private SparkSurvival(Dataset<Row> df, String time, String start, String event, List<String> eventValues,
            String group, String strata, String weights, double resolution, String cluster, String censorValue) {
        this.censorValue = censorValue;
        this.df = df;
        this.time = time;
        this.start = start;
        this.event = event;
        this.eventValues = eventValues;
        this.group = group;
        this.strata = strata;
        this.weights = weights;
        this.resolution = resolution;
        this.cluster = cluster;
    }

    /** Survival data over {@code df}; name the time and event columns next. */
    public static SparkSurvival of(Dataset<Row> df) {
        return new SparkSurvival(Check.notNull("data set", df), null, null, null, List.of(), null, null, null, 0, null, null);
    }

    /** The follow-up (exit) time column: numbers >= 0 (text is parsed). */
    public SparkSurvival time(String column) {
        return new SparkSurvival(df, Check.notNull("time column", column), start, event, eventValues, group, strata,
                weights, resolution, cluster, censorValue);
    }

    /** Entry time column: counting-process rows {@code (start, time]} (delayed entry). */
    public SparkSurvival start(String column) {
        return new SparkSurvival(df, time, Check.notNull("start column", column), event, eventValues, group, strata,
                weights, resolution, cluster, censorValue);
    }

    /** Event column and the value(s) that mean "event" (R: {@code status == value}); all others are censored. */
    public SparkSurvival event(String column, String... values) {
        Check.notNull("event column", column);
        if (values == null || values.length == 0) {
            throw Check.fail("column '%s': give at least one value that means an event", column);
        }
        List<String> v = new ArrayList<>();
        for (String s : values) {
            v.add(Check.notNull("event value", s).strip());
        }
        return new SparkSurvival(df, time, start, column, List.copyOf(v), group, strata, weights, resolution, cluster,
                null);
    }

    /**
     * Competing risks: the event column holds causes; {@code censorValue} means censored and every
     * other value is a cause, numbered 1.. in ascending order of the causes present in the complete
     * rows (as core's {@code SurvivalData.csv(..).causes(column, censorValue)}). Kaplan-Meier, the
     * log-rank tests and Cox then take an event of any cause as the event.
     */
    public SparkSurvival causes(String column, String censorValue) {
        Check.notNull("event column", column);
        String c = Check.notNull("censor value", censorValue).strip();
        Double d = RowChecks.parse(c);
        return new SparkSurvival(df, time, start, column, List.of(), group, strata, weights, resolution, cluster,
                d == null ? c : RowChecks.label(d));
    }

    /** {@return the event column's value meaning censored with {@link #causes}, empty without causes} */
    public Optional<String> censorValue() {
        return Optional.ofNullable(censorValue);
    }

    /** The same as {@link #censorValue()}, null when absent: for this package's internal checks. */
    String censorValueOrNull() {
        return censorValue;
    }

    /** Group column: one curve, or one test group, per level. */
    public SparkSurvival group(String column) {
        return new SparkSurvival(df, time, start, event, eventValues, Check.notNull("group column", column), strata,
                weights, resolution, cluster, censorValue);
    }

    /** Strata column: curves per group within stratum; stratified tests and Cox baselines. */
    public SparkSurvival strata(String column) {
        return new SparkSurvival(df, time, start, event, eventValues, group, Check.notNull("strata column", column),
                weights, resolution, cluster, censorValue);
    }

    /** Case weights column (finite, >= 0). */
    public SparkSurvival weights(String column) {
        return new SparkSurvival(df, time, start, event, eventValues, group, strata,
                Check.notNull("weights column", column), resolution, cluster, censorValue);
    }

    /**
     * Rounds every time (entry and exit) to the nearest multiple of {@code step} (halves up) before
     * aggregating; 0 (the default) keeps times exact. For data whose times are nearly all distinct
     * (e.g. timestamps in seconds analysed in days): the counts, and so the driver's memory and the
     * shuffle, shrink from one cell per row to one per step. What it changes: the results are those
     * of the rounded data (R on {@code round(time / step) * step}), ties appear and are handled as
     * ties (Efron/Breslow for Cox), and an entry time rounded onto its exit time is an error.
     */
    public SparkSurvival timeResolution(double step) {
        return new SparkSurvival(df, time, start, event, eventValues, group, strata, weights,
                Check.nonNegativeFinite("time resolution", step), cluster, censorValue);
    }

    /**
     * Cluster (subject) column: rows missing it are left out, as R's {@code cluster(id)} term does,
     * and a Cox fit's robust variance sums the score residuals within clusters (see {@link #cox}).
     */
    public SparkSurvival cluster(String column) {
        return new SparkSurvival(df, time, start, event, eventValues, group, strata, weights, resolution,
                Check.notNull("cluster column", column), censorValue);
    }

    /** {@return name of the cluster column, empty without one} */
    public Optional<String> clusterColumn() {
        return Optional.ofNullable(cluster);
    }

    /** The same as {@link #clusterColumn()}, null when absent: for this package's internal checks. */
    String clusterColumnOrNull() {
        return cluster;
    }

    /** The rounding step of {@link #timeResolution}, 0 when times are exact. */
    public double resolution() {
        return resolution;
    }

    /** The data set. */
    public Dataset<Row> dataset() {
        return df;
    }

    /** {@return name of the time column, empty before {@link #time}} */
    public Optional<String> timeColumn() {
        return Optional.ofNullable(time);
    }

    /** The same as {@link #timeColumn()}, null when absent: for this package's internal checks. */
    String timeColumnOrNull() {
        return time;
    }

    /** {@return name of the start column, empty without one} */
    public Optional<String> startColumn() {
        return Optional.ofNullable(start);
    }

    /** The same as {@link #startColumn()}, null when absent: for this package's internal checks. */
    String startColumnOrNull() {
        return start;
    }

    /** {@return name of the event column, empty before {@link #event}} */
    public Optional<String> eventColumn() {
        return Optional.ofNullable(event);
    }

    /** The same as {@link #eventColumn()}, null when absent: for this package's internal checks. */
    String eventColumnOrNull() {
        return event;
    }

    /** The values that mean "event". */
    public List<String> eventValues() {
        return eventValues;
    }

    /** {@return name of the group column, empty without one} */
    public Optional<String> groupColumn() {
        return Optional.ofNullable(group);
    }

    /** The same as {@link #groupColumn()}, null when absent: for this package's internal checks. */
    String groupColumnOrNull() {
        return group;
    }

    /** {@return name of the strata column, empty without one} */
    public Optional<String> strataColumn() {
        return Optional.ofNullable(strata);
    }

    /** The same as {@link #strataColumn()}, null when absent: for this package's internal checks. */
    String strataColumnOrNull() {
        return strata;
    }

    /** {@return name of the weights column, empty without one} */
    public Optional<String> weightsColumn() {
        return Optional.ofNullable(weights);
    }

    /** The same as {@link #weightsColumn()}, null when absent: for this package's internal checks. */
    String weightsColumnOrNull() {
        return weights;
    }

    /** The columns the analysis reads (time, start, event, weights, group, strata). */
    List<String> usedColumns() {
        if (time == null || event == null) {
            throw Check.fail("name the time and event columns first: SparkSurvival.of(df).time(...).event(...)");
        }
        LinkedHashSet<String> s = new LinkedHashSet<>();
        s.add(time);
        if (start != null) {
            s.add(start);
        }
        s.add(event);
        for (String c : new String[] {weights, group, strata, cluster}) {
            if (c != null) {
                s.add(c);
            }
        }
        return List.copyOf(s);
    }

    /**
     * The counts per (stratum, group, distinct time): weighted events, censorings and entries, and
     * rows leaving; with {@link #causes} also the events of each cause. One distributed aggregation
     * (a scan and a shuffle of partial sums).
     *
     * @throws IllegalArgumentException for an unknown column, an invalid value (naming the column,
     *         row and value), or no complete row
     */
    public CountTable counts() {
        return CountAggregation.counts(this);
    }

    /** Kaplan-Meier curves per group (x stratum), from {@link #counts()}; Greenwood variance. */
    public KaplanMeierResult kaplanMeier(KaplanMeier estimator) {
        return Check.notNull("estimator", estimator).fit(counts());
    }

    /**
     * Cumulative incidence curves of every cause (cmprsk {@code cuminc}'s, or survfit's Aalen-Johansen
     * states, by the estimator's method) per group: core's estimator on {@link #counts()}, whose
     * cells hold the events of each cause; the same numbers as core on the same rows. Needs
     * {@link #causes}.
     *
     * @param estimator the estimator
     * @return the curves
     * @throws IllegalArgumentException without {@link #causes}, with weights or entry times, or as
     *         core's estimator does
     */
    public CumulativeIncidenceResult cumulativeIncidence(CumulativeIncidence estimator) {
        Check.notNull("estimator", estimator);
        return estimator.fit(causeCounts("cumulative incidence"));
    }

    /**
     * R's {@code cuminc} as one call: the curves and, with two or more groups, Gray's test per cause
     * (stratified by the strata column) from one distributed aggregation ({@link #counts()}); the
     * same numbers as core's comparison on the same rows. Needs {@link #causes}.
     *
     * @param comparison the curves' method and Gray's rho
     * @return the curves with the test attached
     * @throws IllegalArgumentException as {@link #cumulativeIncidence(CumulativeIncidence)} and core's
     *         Gray's test
     */
    public CumulativeIncidenceResult cumulativeIncidence(CumulativeIncidenceComparison comparison) {
        Check.notNull("comparison", comparison);
        return comparison.fit(causeCounts("cumulative incidence"));
    }

    /** {@link #counts()} with per-cause events; an error without {@link #causes} or without events. */
    private CountTable causeCounts(String what) {
        requireCauses(what);
        CountTable counts = counts();
        if (!counts.hasCauses()) {
            throw Check.fail("%s: column '%s' has no events of any cause (all rows have the censoring value '%s')",
                    what, event, censorValue);
        }
        return counts;
    }

    /**
     * Gray's test per cause between the groups, stratified by the strata column, from
     * {@link #counts()}; the same numbers as core on the same rows. Needs {@link #causes} and a group.
     *
     * @param test the test (rho)
     * @return the test per cause
     */
    public GrayTestResult grayTest(GrayTest test) {
        Check.notNull("test", test);
        return test.test(causeCounts("Gray's test"));
    }

    private void requireCauses(String what) {
        if (censorValue == null) {
            throw Check.fail("%s needs competing-risks causes: name them with causes(column, censorValue) instead of "
                    + "event(...)", what);
        }
    }

    /** The log-rank family test between the groups (stratified with a strata column), from {@link #counts()}. */
    public LogRankResult logRank(LogRankTest test) {
        return Check.notNull("test", test).test(counts());
    }

    /** The test for trend across ordered groups, from {@link #counts()}. */
    public TrendResult trend(TrendTest test) {
        return Check.notNull("test", test).test(counts());
    }

    /** Every pair of groups, with adjusted p-values, from {@link #counts()}. */
    public PairwiseLogRankResult pairwise(PairwiseLogRank test) {
        return Check.notNull("test", test).test(counts());
    }

    /**
     * Cox regression on the covariates {@code covariates} (column names, or
     * {@code factor(column[, ref = level])}; terms may also be joined by {@code +}), stratified by
     * the strata column, with the case weights and (start, stop] rows; by distributed
     * Newton-Raphson (see {@link SparkCoxResult} for what is and is not offered). The variance is
     * R's choice ({@link CoxVariance#AUTO}): the robust (sandwich) one with a cluster column or
     * non-integer weights, else the model-based one; {@link CoxVariance#ROBUST} and
     * {@link CoxVariance#MODEL} force it. The robust variance takes one more distributed pass: each
     * row's weighted score residual from the broadcast per-time risk-set sums of the last pass,
     * summed by cluster.
     *
     * @throws IllegalArgumentException for an unknown or invalid column, value or term, no events,
     *         interactions, or {@link CoxVariance#ROBUST} on (start, stop] rows without a cluster
     */
    public SparkCoxResult cox(CoxRegression procedure, String... covariates) {
        Check.notNull("procedure", procedure);
        return SparkCox.fit(this, procedure, List.of(Check.notNull("covariates", covariates)));
    }

    @Override
    public String toString() {
        return "SparkSurvival[time=" + time + ", start=" + start + ", event=" + event + " "
                + (censorValue == null ? eventValues : "causes, censored = " + censorValue) + ", group="
                + group + ", strata=" + strata + ", weights=" + weights + ", resolution=" + resolution + "]";
    }
}
