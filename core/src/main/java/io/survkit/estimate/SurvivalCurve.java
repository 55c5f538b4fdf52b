package io.survkit.estimate;

import io.survkit.internal.Check;
import io.survkit.internal.RFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * One Kaplan-Meier curve with its Nelson-Aalen cumulative hazard, immutable: one entry per distinct
 * time of the curve (events and censorings), as R's {@code survfit} object for one stratum.
 *
 * <p>S(t) = product over event times t_i &lt;= t of (1 - d_i / n_i) (Kaplan and Meier 1958);
 * H(t) = sum of d_i / n_i (Nelson 1969, Aalen 1978) with variance sum d_i / n_i^2. Counts are
 * weighted sums with case weights. Standard errors are on the {@link #standardErrorScale()}: the
 * log scale with Greenwood, the survival scale with the infinitesimal jackknife. Confidence limits
 * follow {@link #confidenceIntervalType()}; where R gives NA or NaN the value is NaN.
 *
 * <pre>{@code
 * SurvivalCurve c = KaplanMeier.withDefaults().fit(data).curve(0);
 * double s1y = c.survivalAt(365);
 * OptionalDouble median = c.median();
 * RestrictedMean rm = c.restrictedMean(730);
 * }</pre>
 */
public final class SurvivalCurve {
    private static final double[] DEFAULT_PROBABILITIES = {0.25, 0.5, 0.75};

    private final String name;
    private final int rows;
    private final double[] time;
    private final Counts counts;
    private final double[] survival;
    private final double[] standardError;
    private final double[] cumulativeHazard;
    private final double[] cumulativeHazardError;
    private final StandardErrorScale scale;
    private final ConfidenceIntervalType type;
    private final double level;
    private final double z;
    /** R's time origin of {@code survfit0} and {@code survmean}: start.time, else min(0, times). */
    private final double origin;
    /** R's origin of {@code quantile.survfit}: start.time, else 0. */
    private final double quantileOrigin;

    SurvivalCurve(String name, int rows, double[] time, Counts counts, double[] survival, double[] standardError,
            double[] cumulativeHazard, double[] cumulativeHazardError, StandardErrorScale scale,
            ConfidenceIntervalType type, double level, double z) {
        this(name, rows, time, counts, survival, standardError, cumulativeHazard, cumulativeHazardError, scale, type,
                level, z, 0, 0);
    }

    private SurvivalCurve(String name, int rows, double[] time, Counts counts, double[] survival,
            double[] standardError, double[] cumulativeHazard, double[] cumulativeHazardError,
            StandardErrorScale scale, ConfidenceIntervalType type, double level, double z, double origin,
            double quantileOrigin) {
        this.origin = origin;
        this.quantileOrigin = quantileOrigin;
        this.name = name;
        this.rows = rows;
        this.time = time;
        this.counts = counts;
        this.survival = survival;
        this.standardError = standardError;
        this.cumulativeHazard = cumulativeHazard;
        this.cumulativeHazardError = cumulativeHazardError;
        this.scale = scale;
        this.type = type;
        this.level = level;
        this.z = z;
    }

    /** The same curve read from another time origin (R's {@code start.time}, or negative times). */
    SurvivalCurve withOrigin(double newOrigin, double newQuantileOrigin) {
        return new SurvivalCurve(name, rows, time, counts, survival, standardError, cumulativeHazard,
                cumulativeHazardError, scale, type, level, z, newOrigin, newQuantileOrigin);
    }

    /**
     * The time origin from which the restricted mean is integrated and before which landmarks read
     * S = 1: R's {@code start.time} when the fit was given one, else min(0, the fit's earliest time).
     *
     * @return the time origin from which the restricted mean is integrated and before which landmarks read S = 1: R's {@code start.time} when the fit was given one, else min(0, the fit's earliest time)
     */
    public double origin() {
        return origin;
    }

    /** {@return R's stratum label: {@code "<group>=<level>"}, or {@code "all"} without a group} */
    public String name() {
        return name;
    }

    /** {@return rows (subjects, or counting-process intervals) in the curve, unweighted (R's {@code fit$n})} */
    public int rowCount() {
        return rows;
    }

    /** {@return total events (weighted sum with case weights; R's table column {@code events})} */
    public double events() {
        double s = 0;
        for (int i = 0; i < time.length; i++) {
            s += counts.events(i);
        }
        return s;
    }

    /** {@return number of distinct times in the curve} */
    public int size() {
        return time.length;
    }

    /**
     * Distinct time {@code i} (ascending).
     *
     * @param i the 0-based time index
     * @return distinct time {@code i} (ascending)
     */
    public double time(int i) {
        return time[i];
    }

    /** {@return copy of the distinct times (R's {@code fit$time})} */
    public double[] times() {
        return time.clone();
    }

    /**
     * Number at risk at time {@code i} (R's {@code n.risk}).
     *
     * @param i the 0-based time index
     * @return the number at risk at time {@code i} (R's {@code n.risk})
     */
    public double numberAtRisk(int i) {
        return counts.atRisk(i);
    }

    /** {@return copy of the numbers at risk} */
    public double[] numberAtRisk() {
        double[] r = new double[time.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = counts.atRisk(i);
        }
        return r;
    }

    /**
     * Events at time {@code i} (R's {@code n.event}).
     *
     * @param i the 0-based time index
     * @return events at time {@code i} (R's {@code n.event})
     */
    public double numberOfEvents(int i) {
        return counts.events(i);
    }

    /** {@return copy of the events per time} */
    public double[] numberOfEvents() {
        double[] r = new double[time.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = counts.events(i);
        }
        return r;
    }

    /**
     * Censorings at time {@code i} (R's {@code n.censor}).
     *
     * @param i the 0-based time index
     * @return censorings at time {@code i} (R's {@code n.censor})
     */
    public double numberCensored(int i) {
        return counts.censored(i);
    }

    /** {@return copy of the censorings per time} */
    public double[] numberCensored() {
        double[] r = new double[time.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = counts.censored(i);
        }
        return r;
    }

    /**
     * Kaplan-Meier S at time {@code i} (right-continuous).
     *
     * @param i the 0-based time index
     * @return Kaplan-Meier S at time {@code i} (right-continuous)
     */
    public double survival(int i) {
        return survival[i];
    }

    /** {@return copy of S (R's {@code fit$surv})} */
    public double[] survival() {
        return survival.clone();
    }

    /**
     * Standard error at time {@code i} (R's {@code fit$std.err}) on {@link #standardErrorScale()}:
     * Greenwood's of -log S (infinite once S = 0), or the jackknife's of S.
     *
     * @param i the 0-based time index
     * @return the standard error at time {@code i} (R's {@code fit$std.err}) on {@link #standardErrorScale()}: Greenwood's of -log S (infinite once S = 0), or the jackknife's of S
     */
    public double standardError(int i) {
        return standardError[i];
    }

    /** {@return copy of the standard errors} */
    public double[] standardError() {
        return standardError.clone();
    }

    /** {@return scale of {@link #standardError(int)}} */
    public StandardErrorScale standardErrorScale() {
        return scale;
    }

    /**
     * Lower confidence limit of S at time {@code i} (NaN where R gives NA/NaN).
     *
     * @param i the 0-based time index
     * @return the lower confidence limit of S at time {@code i} (NaN where R gives NA/NaN)
     */
    public double lower(int i) {
        return type.limit(survival[i], standardError[i], scale == StandardErrorScale.LOG, z, false);
    }

    /** {@return copy of the lower limits (R's {@code fit$lower})} */
    public double[] lower() {
        double[] r = new double[time.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = lower(i);
        }
        return r;
    }

    /**
     * Upper confidence limit of S at time {@code i} (NaN where R gives NA/NaN).
     *
     * @param i the 0-based time index
     * @return the upper confidence limit of S at time {@code i} (NaN where R gives NA/NaN)
     */
    public double upper(int i) {
        return type.limit(survival[i], standardError[i], scale == StandardErrorScale.LOG, z, true);
    }

    /** {@return copy of the upper limits (R's {@code fit$upper})} */
    public double[] upper() {
        double[] r = new double[time.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = upper(i);
        }
        return r;
    }

    /**
     * Nelson-Aalen cumulative hazard at time {@code i}.
     *
     * @param i the 0-based time index
     * @return Nelson-Aalen cumulative hazard at time {@code i}
     */
    public double cumulativeHazard(int i) {
        return cumulativeHazard[i];
    }

    /** {@return copy of the cumulative hazards (R's {@code fit$cumhaz})} */
    public double[] cumulativeHazard() {
        return cumulativeHazard.clone();
    }

    /**
     * Standard error of the cumulative hazard at time {@code i} (R's {@code std.chaz}).
     *
     * @param i the 0-based time index
     * @return the standard error of the cumulative hazard at time {@code i} (R's {@code std.chaz})
     */
    public double cumulativeHazardStandardError(int i) {
        return cumulativeHazardError[i];
    }

    /** {@return copy of the standard errors of the cumulative hazard} */
    public double[] cumulativeHazardStandardError() {
        return cumulativeHazardError.clone();
    }

    /** {@return confidence interval type of {@link #lower(int)} and {@link #upper(int)}} */
    public ConfidenceIntervalType confidenceIntervalType() {
        return type;
    }

    /** {@return confidence level of the limits} */
    public double confidenceLevel() {
        return level;
    }

    /** {@return largest number at risk (R's table column {@code n.max})} */
    public double maximumAtRisk() {
        double m = 0;
        for (int i = 0; i < time.length; i++) {
            m = Math.max(m, counts.atRisk(i));
        }
        return m;
    }

    /** {@return number at risk at the first time (R's table column {@code n.start})} */
    public double initialAtRisk() {
        return counts.atRisk(0);
    }

    /** Number of curve times <= t (R's {@code findInterval(t, time)}). */
    private int countAtOrBefore(double t) {
        int lo = 0;
        int hi = time.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Number of curve times < t. */
    private int countBefore(double t) {
        int lo = 0;
        int hi = time.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * S(t): the value at the last curve time &lt;= t, 1 before the first time.
     *
     * @param t the time
     * @return S(t): the value at the last curve time &lt;= t, 1 before the first time
     */
    public double survivalAt(double t) {
        checkTime("t", t);
        int k = countAtOrBefore(t);
        return k == 0 ? 1 : survival[k - 1];
    }

    /**
     * H(t): the Nelson-Aalen cumulative hazard at the last curve time &lt;= t, 0 before the first.
     *
     * @param t the time
     * @return H(t): the Nelson-Aalen cumulative hazard at the last curve time &lt;= t, 0 before the first
     */
    public double cumulativeHazardAt(double t) {
        checkTime("t", t);
        int k = countAtOrBefore(t);
        return k == 0 ? 0 : cumulativeHazard[k - 1];
    }

    /**
     * Number at risk at time t: at the first curve time >= t, 0 after the last time.
     *
     * @param t the time
     * @return the number at risk at time t: at the first curve time >= t, 0 after the last time
     */
    public double numberAtRiskAt(double t) {
        checkTime("t", t);
        int k = countBefore(t);
        return k < time.length ? counts.atRisk(k) : 0;
    }

    private static void checkTime(String what, double t) {
        if (Double.isNaN(t)) {
            throw Check.fail("%s must be a number, got NaN", what);
        }
    }

    /**
     * Median survival time (R's {@code print(fit)} / {@code summary(fit)$table} column
     * {@code median}): the first time at which S &lt; 0.5 + 1.49e-8; if S equals 0.5 there (within that
     * tolerance) and later drops below, the mean of that time and the time of the drop. Absent when
     * not reached.
     *
     * @return median survival time (R's {@code print(fit)} / {@code summary(fit)$table} column {@code median}): the first time at which S &lt; 0.5 + 1.49e-8; if S equals 0.5 there (within that tolerance) and later drops below, the mean of that time and the time of the drop
     */
    public OptionalDouble median() {
        return Quantile.optional(CurveReading.median(time, survival));
    }

    /** {@return lower confidence limit of the median: the median rule applied to the lower curve} */
    public OptionalDouble medianLower() {
        return Quantile.optional(CurveReading.median(time, lower()));
    }

    /** {@return upper confidence limit of the median: the median rule applied to the upper curve} */
    public OptionalDouble medianUpper() {
        return Quantile.optional(CurveReading.median(time, upper()));
    }

    /**
     * The p-quantile as R's {@code quantile(fit, probs = p, conf.int = TRUE)}: the first time with
     * 1 - S >= p (tolerance 1.49e-8); where 1 - S equals p on a flat stretch, the midpoint of the
     * stretch (its start, and the next drop or the curve's last time). The limits apply the same
     * rule to the lower and upper curves. Note: with p = 0.5 this can differ from {@link #median()}
     * on a final flat stretch at exactly 0.5 (R's two functions differ there).
     *
     * @param p probability in [0, 1]
     * @return the p-quantile as R's {@code quantile(fit, probs = p, conf.int = TRUE)}: the first time with 1 - S >= p (tolerance 1.49e-8); where 1 - S equals p on a flat stretch, the midpoint of the stretch (its start, and the next drop or the curve's last time)
     */
    public Quantile quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw Check.fail("quantile probability must be in [0, 1], got %s", p);
        }
        int m = time.length;
        double[] x = new double[m + 1];
        double[] y = new double[m + 1];
        byte[] kind = new byte[m + 1];
        System.arraycopy(time, 0, x, 1, m);
        x[0] = quantileOrigin;
        for (int i = 0; i < m; i++) {
            y[i + 1] = 1 - survival[i];
        }
        double q = CurveReading.findq(x, y, kind, p);
        fillBand(y, kind, false);
        double lo = CurveReading.findq(x, y, kind, p);
        fillBand(y, kind, true);
        double hi = CurveReading.findq(x, y, kind, p);
        return new Quantile(p, q, lo, hi);
    }

    /** y = (0, 1 - limit), with R's NA / NaN told apart (they are distinct values to R's {@code duplicated}). */
    private void fillBand(double[] y, byte[] kind, boolean upper) {
        for (int i = 0; i < time.length; i++) {
            double v = upper ? upper(i) : lower(i);
            y[i + 1] = 1 - v;
            kind[i + 1] = type.isNotAvailable(survival[i]) ? CurveReading.NA
                    : Double.isNaN(v) ? CurveReading.NAN : CurveReading.NUMBER;
        }
    }

    /** {@return the 25 %, 50 % and 75 % quantiles (R's {@code quantile(fit)} default)} */
    public List<Quantile> quantiles() {
        Quantile[] q = new Quantile[DEFAULT_PROBABILITIES.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = quantile(DEFAULT_PROBABILITIES[i]);
        }
        return List.of(q);
    }

    /** True when R's {@code survfit0} would insert a row at the origin (the curve starts after it). */
    private boolean startsAfterZero() {
        return time[0] != origin;
    }

    /**
     * Restricted mean survival time up to {@code tau} and its standard error, as R's
     * {@code summary(fit, rmean = tau)$table} (see {@link RestrictedMean}). The curve is extended
     * flat from its last time to tau.
     *
     * @param tau horizon, finite and at least the curve's first time (R stops with {@code "Truncation
     *     point for the mean is < smallest survival"} when {@code rmean < min(fit$time)})
     * @return restricted mean survival time up to {@code tau} and its standard error, as R's {@code summary(fit, rmean = tau)$table} (see {@link RestrictedMean})
     */
    public RestrictedMean restrictedMean(double tau) {
        checkHorizon(tau, time[0]);
        return restrictedMeanFrom(tau);
    }

    /**
     * R's {@code survmean} check: a horizon before the smallest time of the fit is an error. For a
     * fit of several curves R compares with the smallest time over all of them.
     */
    static void checkHorizon(double tau, double smallestTime) {
        Check.nonNegativeFinite("restricted mean horizon tau", tau);
        if (tau < smallestTime) {
            throw Check.fail("restricted mean horizon tau = %s is before the first time %s; expected tau >= %s "
                    + "(R: \"Truncation point for the mean is < smallest survival\")", RFormat.signif(tau, 7),
                    RFormat.signif(smallestTime, 7), RFormat.signif(smallestTime, 7));
        }
    }

    /** The curve's first time (event or censoring). */
    double firstTime() {
        return time[0];
    }

    /** {@link #restrictedMean} without the horizon check (the caller checked it against the whole fit). */
    RestrictedMean restrictedMeanFrom(double tau) {
        // R's survmean on survfit0(fit): a row (0, S = 1, n.event = 0) first when the curve starts after 0
        int pre = startsAfterZero() ? 1 : 0;
        int m0 = time.length + pre;
        int kept = 0;
        while (kept < m0 && time0(kept, pre) <= tau) {
            kept++;
        }
        if (kept == 0) {
            return new RestrictedMean(tau, tau, 0);
        }
        int n = kept + 1;
        double[] rect = new double[n];
        double prevTime = origin;
        double prevSurv = 1;
        double mean = 0;
        for (int j = 0; j < n; j++) {
            double t = j < kept ? time0(j, pre) : tau;
            rect[j] = (t - prevTime) * (j == 0 ? 1 : prevSurv);
            mean += rect[j];
            prevTime = t;
            prevSurv = j < kept ? surv0(j, pre) : prevSurv;
        }
        // varmean = sum(cumsum(rev(rectangles[-1]))^2 * rev(hh)[-1]), hh = d / (n (n - d)), 0 where n = d
        double var = 0;
        double tail = 0;
        for (int r = 1; r <= n - 1; r++) {
            tail += rect[n - r];
            int k = n - 1 - r; // hh index; hh[kept] = 0 is never used
            var += tail * tail * hh0(k, pre);
        }
        // R's survmean: mean <- sum(rectangles) + start.time
        return new RestrictedMean(tau, mean + origin + 0.0, Math.sqrt(var));
    }

    private double time0(int r, int pre) {
        return pre == 1 && r == 0 ? origin : time[r - pre];
    }

    private double surv0(int r, int pre) {
        return pre == 1 && r == 0 ? 1 : survival[r - pre];
    }

    private double hh0(int r, int pre) {
        if (pre == 1 && r == 0) {
            return 0;
        }
        double n = counts.atRisk(r - pre);
        double d = counts.events(r - pre);
        return n - d == 0 ? 0 : d / n / (n - d);
    }

    /**
     * The curve at landmark times, as R's {@code summary(fit, times = times, extend = TRUE)} (see
     * {@link LandmarkSummary}). Landmarks are sorted ascending.
     *
     * @param times landmark times (not NaN)
     * @return the curve at landmark times, as R's {@code summary(fit, times = times, extend = TRUE)} (see {@link LandmarkSummary})
     */
    public LandmarkSummary at(double... times) {
        Check.notNull("landmark times", times);
        double[] t = times.clone();
        for (int i = 0; i < t.length; i++) {
            if (Double.isNaN(t[i])) {
                throw Check.fail("landmark time %d is NaN; expected a number", i + 1);
            }
        }
        Arrays.sort(t);
        int k = t.length;
        double[] s = new double[k];
        double[] se = new double[k];
        double[] lo = new double[k];
        double[] hi = new double[k];
        double[] risk = new double[k];
        double[] ev = new double[k];
        double[] cens = new double[k];
        double[] ch = new double[k];
        int pre = startsAfterZero() ? 1 : 0;
        double cumEvents = 0;
        double cumCensored = 0;
        double prevEvents = 0;
        double prevCensored = 0;
        int scanned = 0;
        for (int j = 0; j < k; j++) {
            int count = countAtOrBefore(t[j]); // original rows <= t
            int index1 = count + (t[j] >= origin ? pre : 0); // findInterval(t, survfit0 times)
            int row = Math.max(1, index1) - 1; // survfit0 row (0-based)
            if (pre == 1 && row == 0) {
                s[j] = 1;
                se[j] = 0;
                lo[j] = 1;
                hi[j] = 1;
                ch[j] = 0;
            } else {
                int i = row - pre;
                s[j] = survival[i];
                se[j] = scale == StandardErrorScale.LOG ? standardError[i] * survival[i] : standardError[i];
                lo[j] = lower(i);
                hi[j] = upper(i);
                ch[j] = cumulativeHazard[i];
            }
            int before = countBefore(t[j]);
            risk[j] = before < time.length ? counts.atRisk(before) : 0;
            while (scanned < count) {
                cumEvents += counts.events(scanned);
                cumCensored += counts.censored(scanned);
                scanned++;
            }
            ev[j] = cumEvents - prevEvents;
            cens[j] = cumCensored - prevCensored;
            prevEvents = cumEvents;
            prevCensored = cumCensored;
        }
        return new LandmarkSummary(name, t, s, se, lo, hi, risk, ev, cens, ch);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SurvivalCurve[%s: n=%d, events=%s, times=%d, median=%s]", name, rows,
                RFormat.signif(events(), 7), time.length, RFormat.signif(CurveReading.median(time, survival), 7));
    }
}
