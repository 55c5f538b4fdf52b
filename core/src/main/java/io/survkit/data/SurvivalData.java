package io.survkit.data;

import io.survkit.internal.Check;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Survival data in columns of primitive arrays, immutable: follow-up time (or counting-process
 * intervals {@code (start, time]}), event status, and optional group, strata, case weights, cluster
 * and covariates. Rows with a missing value in any column given to the builder are left out and
 * counted ({@link #omittedRows()}), as R's {@code na.omit} does.
 *
 * <p>Status codes: 0 = censored, {@code k >= 1} = an event of cause {@code k}
 * ({@link #causes()} holds their labels). Ordinary survival data have one cause.
 *
 * <p>Times that differ only by floating-point noise are made equal on construction, exactly as R's
 * {@code aeqSurv} ({@code timefix = TRUE}) does; see {@link TimeFix}.
 *
 * <pre>{@code
 * SurvivalData lung = SurvivalData.csv(Path.of("lung.csv"))
 *         .time("time").event("status", "2").group("sex")
 *         .read();
 * KaplanMeierResult km = KaplanMeier.withDefaults().fit(lung);
 * }</pre>
 */
public final class SurvivalData {
    private final double[] start;
    private final double[] time;
    private final int[] status;
    private final List<String> causes;
    private final String timeName;
    private final String startName;
    private final String eventName;
    private final double[] weights;
    private final String weightsName;
    private final Factor group;
    private final Factor strata;
    private final Factor cluster;
    private final Map<String, Covariate> covariates;
    private final int[] fileRows;
    private final int omitted;
    private final List<String> warnings;

    SurvivalData(Builder.Parts p) {
        this.start = p.start;
        this.time = p.time;
        this.status = p.status;
        this.causes = List.copyOf(p.causes);
        this.timeName = p.timeName;
        this.startName = p.startName;
        this.eventName = p.eventName;
        this.weights = p.weights;
        this.weightsName = p.weightsName;
        this.group = p.group;
        this.strata = p.strata;
        this.cluster = p.cluster;
        this.covariates = Collections.unmodifiableMap(new LinkedHashMap<>(p.covariates));
        this.fileRows = p.fileRows;
        this.omitted = p.omitted;
        this.warnings = List.copyOf(p.warnings);
    }

    /** A builder from arrays. */
    public static Builder builder() {
        return new Builder();
    }

    /** A reader of a CSV file (header line, comma separated; empty or {@code NA} = missing). */
    public static CsvSurvivalReader csv(Path file) {
        return new CsvSurvivalReader(file);
    }

    /**
     * A reader of the result of a JDBC query: numeric SQL types as numbers, SQL NULL = missing.
     *
     * <pre>{@code
     * SurvivalData d = SurvivalData.jdbc(connection, "SELECT months, dead, arm FROM registry")
     *         .time("months").event("dead", "1").group("arm").read();
     * }</pre>
     */
    public static JdbcSurvivalReader jdbc(java.sql.Connection connection, String sql) {
        return new JdbcSurvivalReader(connection, sql);
    }

    /** Number of rows used (after leaving out rows with missing values). */
    public int size() {
        return time.length;
    }

    /** Rows left out because a used column was missing. */
    public int omittedRows() {
        return omitted;
    }

    /** Follow-up (exit) time of row {@code i}. */
    public double time(int i) {
        return time[i];
    }

    /** Copy of the follow-up (exit) times. */
    public double[] times() {
        return time.clone();
    }

    /** True for counting-process data {@code (start, time]} (delayed entry). */
    public boolean hasStart() {
        return start != null;
    }

    /** Entry time of row {@code i}, or {@code -Infinity} (at risk from the beginning) without a start column. */
    public double start(int i) {
        return start != null ? start[i] : Double.NEGATIVE_INFINITY;
    }

    /** Copy of the entry times, or null without a start column. */
    public double[] starts() {
        return start != null ? start.clone() : null;
    }

    /** True when row {@code i} ended in an event (of any cause). */
    public boolean isEvent(int i) {
        return status[i] != 0;
    }

    /** Status code of row {@code i}: 0 = censored, k = cause k (1-based index into {@link #causes()}). */
    public int status(int i) {
        return status[i];
    }

    /** Copy of the status codes. */
    public int[] statuses() {
        return status.clone();
    }

    /** Labels of the event causes; one entry for ordinary survival data. */
    public List<String> causes() {
        return causes;
    }

    /** Column names: time, start (or null), event. */
    public String timeColumn() {
        return timeName;
    }

    /** Name of the start column, or null. */
    public String startColumn() {
        return startName;
    }

    /** Name of the event column. */
    public String eventColumn() {
        return eventName;
    }

    /** True when case weights were given. */
    public boolean hasWeights() {
        return weights != null;
    }

    /** Case weight of row {@code i} (1 without weights). */
    public double weight(int i) {
        return weights != null ? weights[i] : 1.0;
    }

    /** Copy of the case weights, or null without weights. */
    public double[] weights() {
        return weights != null ? weights.clone() : null;
    }

    /** Name of the weights column, or null. */
    public String weightsColumn() {
        return weightsName;
    }

    /** True when some weight is not a whole number (R then uses the robust variance by default). */
    public boolean hasFractionalWeights() {
        if (weights == null) {
            return false;
        }
        for (double w : weights) {
            if (w != Math.rint(w)) {
                return true;
            }
        }
        return false;
    }

    /** The group factor (one curve or test group per level), or null. */
    public Factor group() {
        return group;
    }

    /** The strata factor, or null. */
    public Factor strata() {
        return strata;
    }

    /** The cluster factor (robust variance, clustered), or null. */
    public Factor cluster() {
        return cluster;
    }

    /** Covariates by name, in the order given. */
    public Map<String, Covariate> covariates() {
        return covariates;
    }

    /** The covariate {@code name}; throws if there is none. */
    public Covariate covariate(String name) {
        Covariate c = covariates.get(name);
        if (c == null) {
            throw Check.fail("unknown covariate '%s'; the data have %s", name, covariates.keySet());
        }
        return c;
    }

    /** 1-based data row of the source (file line = row + 1) of row {@code i}. */
    public int fileRow(int i) {
        return fileRows[i];
    }

    /** Copy of the 1-based source rows of the rows used. */
    public int[] fileRows() {
        return fileRows.clone();
    }

    /** Warnings found while building (e.g. an event value that never occurs). */
    public List<String> warnings() {
        return warnings;
    }

    /** Total event count (unweighted). */
    public int eventCount() {
        int n = 0;
        for (int s : status) {
            if (s != 0) {
                n++;
            }
        }
        return n;
    }

    /**
     * The rows {@code indices} (0-based, into this data set) as a new data set, in that order,
     * keeping levels, names and source rows. Omitted-row counts carry over.
     */
    public SurvivalData rows(int[] indices) {
        for (int k = 0; k < indices.length; k++) {
            if (indices[k] < 0 || indices[k] >= size()) {
                throw Check.fail("row index %d at position %d is outside 0..%d", indices[k], k, size() - 1);
            }
        }
        Builder.Parts p = new Builder.Parts();
        p.start = start == null ? null : pick(start, indices);
        p.time = pick(time, indices);
        p.status = pick(status, indices);
        p.causes = new ArrayList<>(causes);
        p.timeName = timeName;
        p.startName = startName;
        p.eventName = eventName;
        p.weights = weights == null ? null : pick(weights, indices);
        p.weightsName = weightsName;
        p.group = group == null ? null : group.select(indices);
        p.strata = strata == null ? null : strata.select(indices);
        p.cluster = cluster == null ? null : cluster.select(indices);
        for (Map.Entry<String, Covariate> e : covariates.entrySet()) {
            p.covariates.put(e.getKey(), e.getValue().select(indices));
        }
        p.fileRows = pick(fileRows, indices);
        p.omitted = omitted;
        p.warnings = new ArrayList<>(warnings);
        return new SurvivalData(p);
    }

    private static double[] pick(double[] a, int[] idx) {
        double[] r = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            r[i] = a[idx[i]];
        }
        return r;
    }

    private static int[] pick(int[] a, int[] idx) {
        int[] r = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            r[i] = a[idx[i]];
        }
        return r;
    }

    // ------------------------------------------------------------ derived data sets (general)

    private Builder.Parts parts() {
        Builder.Parts p = new Builder.Parts();
        p.start = start;
        p.time = time;
        p.status = status;
        p.causes = new ArrayList<>(causes);
        p.timeName = timeName;
        p.startName = startName;
        p.eventName = eventName;
        p.weights = weights;
        p.weightsName = weightsName;
        p.group = group;
        p.strata = strata;
        p.cluster = cluster;
        p.covariates.putAll(covariates);
        p.fileRows = fileRows;
        p.omitted = omitted;
        p.warnings = new ArrayList<>(warnings);
        return p;
    }

    private void checkLength(String what, int length) {
        if (length != size()) {
            throw Check.fail("%s has %d values but the data have %d rows", what, length, size());
        }
    }

    /**
     * The same rows with {@code factor} as the group (null: no group), e.g. the arms relevelled so
     * that the control arm is the reference.
     *
     * <pre>{@code
     * SurvivalData twoArms = data.withGroup(Factor.of("arm", List.of("control", "treated"), codes));
     * }</pre>
     */
    public SurvivalData withGroup(Factor factor) {
        if (factor != null) {
            checkLength("group '" + factor.name() + "'", factor.size());
        }
        Builder.Parts p = parts();
        p.group = factor;
        return new SurvivalData(p);
    }

    /** The same rows with {@code factor} as the cluster column (null: none), e.g. matched sets. */
    public SurvivalData withCluster(Factor factor) {
        if (factor != null) {
            checkLength("cluster '" + factor.name() + "'", factor.size());
        }
        Builder.Parts p = parts();
        p.cluster = factor;
        return new SurvivalData(p);
    }

    /**
     * The same rows with case weights {@code values} (finite, >= 0) in column {@code name}; null
     * values remove the weights.
     */
    public SurvivalData withWeights(String name, double[] values) {
        Builder.Parts p = parts();
        if (values == null) {
            p.weights = null;
            p.weightsName = null;
            return new SurvivalData(p);
        }
        checkLength("weights '" + name + "'", values.length);
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0 && values[i] < Double.POSITIVE_INFINITY)) {
                throw Check.fail("%s: weight %s is invalid; expected a finite case weight >= 0", Check.at(name,
                        fileRows[i]), values[i]);
            }
        }
        p.weights = values.clone();
        p.weightsName = Check.notNull("weights column name", name);
        return new SurvivalData(p);
    }

    /**
     * The same rows with only the covariates {@code names}, in that order (a model's terms, as an R
     * formula picks columns). Throws for a name that is not a covariate.
     */
    public SurvivalData withCovariates(String... names) {
        Check.notNull("covariate names", names);
        Builder.Parts p = parts();
        p.covariates.clear();
        for (String n : names) {
            p.covariates.put(n, covariate(n));
        }
        return new SurvivalData(p);
    }

    /** The same rows with a numeric covariate {@code name} (finite values) added after the others, or replaced. */
    public SurvivalData withNumeric(String name, double[] values) {
        Check.notNull("covariate name", name);
        Check.notNull("covariate values", values);
        checkLength("covariate '" + name + "'", values.length);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw Check.fail("%s: value %s is not finite; expected a finite number", Check.at(name, fileRows[i]),
                        values[i]);
            }
        }
        Builder.Parts p = parts();
        p.covariates.remove(name);
        p.covariates.put(name, Covariate.numeric(name, values.clone()));
        return new SurvivalData(p);
    }

    /** The same rows with the factor covariate {@code factor} (named {@code factor.name()}) added after the others, or replaced. */
    public SurvivalData withFactor(Factor factor) {
        Check.notNull("factor", factor);
        checkLength("covariate '" + factor.name() + "'", factor.size());
        Builder.Parts p = parts();
        p.covariates.remove(factor.name());
        p.covariates.put(factor.name(), Covariate.factor(factor));
        return new SurvivalData(p);
    }

    /**
     * A landmark data set (Anderson, Cain and Gelber 1983): the rows still under follow-up after
     * {@code t} (time > t: alive and not censored by t) with time reset to {@code time - t}. The
     * Kaplan-Meier curve of these rows is the original curve conditional on surviving t:
     * S(t + u) / S(t). Right-censored data only.
     *
     * @throws IllegalArgumentException for counting-process data, a t that is not finite and >= 0,
     *     or when no row is followed beyond t
     */
    public SurvivalData landmark(double t) {
        Check.nonNegativeFinite("landmark time", t);
        if (start != null) {
            throw Check.fail("a landmark data set needs right-censored data; these have entry times (column '%s')",
                    startName);
        }
        int m = 0;
        for (double v : time) {
            if (v > t) {
                m++;
            }
        }
        if (m == 0) {
            throw Check.fail("no row of column '%s' is followed beyond the landmark %s (longest follow-up %s)",
                    timeName, t, maxTime());
        }
        int[] keep = new int[m];
        int k = 0;
        for (int i = 0; i < time.length; i++) {
            if (time[i] > t) {
                keep[k++] = i;
            }
        }
        SurvivalData sub = rows(keep);
        double[] reset = sub.time;
        for (int i = 0; i < reset.length; i++) {
            reset[i] -= t;
        }
        TimeFix.apply(null, reset, sub.fileRows, null, timeName); // as R's Surv(time - t, status)
        return sub;
    }

    private double maxTime() {
        double mx = Double.NEGATIVE_INFINITY;
        for (double v : time) {
            mx = Math.max(mx, v);
        }
        return mx;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SurvivalData[n=").append(size())
                .append(", events=").append(eventCount())
                .append(", omitted=").append(omitted)
                .append(", time=").append(startName != null ? "(" + startName + ", " + timeName + "]" : timeName)
                .append(", event=").append(eventName);
        if (group != null) {
            sb.append(", group=").append(group.name()).append(group.levels());
        }
        if (strata != null) {
            sb.append(", strata=").append(strata.name()).append(strata.levels());
        }
        if (weights != null) {
            sb.append(", weights=").append(weightsName);
        }
        if (!covariates.isEmpty()) {
            sb.append(", covariates=").append(covariates.keySet());
        }
        return sb.append(']').toString();
    }
}
