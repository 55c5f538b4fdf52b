package io.survkit.regression;

import io.survkit.internal.Probabilities;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Survival curve(s) a fitted Cox model predicts for one covariate vector (R
 * {@code survfit(fit, newdata)} with {@code stype = 2}): the cumulative hazard
 * {@code Lambda(t | z) = Lambda0(t) exp(beta'z)} at every distinct follow-up time of the data, one
 * curve per stratum, with Efron-corrected increments when the fit used Efron ties;
 * {@code S = exp(-Lambda)}; the standard error of {@code Lambda} (Tsiatis 1981, including the
 * uncertainty of beta through the fit's variance) and a log-scale confidence interval for S.
 * Rows are ordered by stratum (level order), then time. Immutable.
 *
 * <pre>{@code
 * CoxPrediction pr = fit.prediction();
 * PredictedSurvival curve = pr.survivalCurve(pr.modelRow(Map.of("age", "60", "sex", "2")));
 * double s = curve.survivalAt(365);
 * }</pre>
 */
public final class PredictedSurvival {
    private final String[] strata;
    private final double[] time;
    private final double[] cumhaz;
    private final double[] stdErr;
    private final double confLevel;
    private final double z;

    PredictedSurvival(String[] strata, double[] time, double[] cumhaz, double[] stdErr, double confLevel) {
        this.strata = strata;
        this.time = time;
        this.cumhaz = cumhaz;
        this.stdErr = stdErr;
        this.confLevel = confLevel;
        this.z = Probabilities.normalQuantile((1 + confLevel) / 2);
    }

    /** {@return number of rows (times over all strata)} */
    public int size() {
        return time.length;
    }

    /**
     * Time of row i.
     *
     * @param i the 0-based index
     * @return the time of row i
     */
    public double time(int i) {
        return time[i];
    }

    /** {@return copy of the times} */
    public double[] times() {
        return time.clone();
    }

    /**
     * Stratum label (the strata column's level) of row i.
     *
     * @param i the 0-based index
     * @return stratum label (the strata column's level) of row i, empty without strata
     */
    public Optional<String> stratum(int i) {
        return strata == null ? Optional.empty() : Optional.of(strata[i]);
    }

    /** {@return stratum label per row, empty without strata} */
    public Optional<List<String>> strata() {
        if (strata == null) {
            return Optional.empty();
        }
        List<String> l = new ArrayList<>(strata.length);
        Collections.addAll(l, strata);
        return Optional.of(Collections.unmodifiableList(l));
    }

    /**
     * Cumulative hazard at row i.
     *
     * @param i the 0-based index
     * @return cumulative hazard at row i
     */
    public double cumulativeHazard(int i) {
        return cumhaz[i];
    }

    /** {@return copy of the cumulative hazards} */
    public double[] cumulativeHazards() {
        return cumhaz.clone();
    }

    /**
     * Survival {@code exp(-Lambda)} at row i.
     *
     * @param i the 0-based index
     * @return survival {@code exp(-Lambda)} at row i
     */
    public double survival(int i) {
        return Math.exp(-cumhaz[i]);
    }

    /** {@return survival at every row} */
    public double[] survivals() {
        double[] s = new double[cumhaz.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.exp(-cumhaz[i]);
        }
        return s;
    }

    /**
     * Standard error of the cumulative hazard at row i (R {@code std.err} of {@code survfit.coxph}).
     *
     * @param i the 0-based index
     * @return the standard error of the cumulative hazard at row i (R {@code std.err} of {@code survfit.coxph})
     */
    public double standardError(int i) {
        return stdErr[i];
    }

    /** {@return copy of the standard errors of the cumulative hazard} */
    public double[] standardErrors() {
        return stdErr.clone();
    }

    /**
     * Lower confidence limit of S at row i: {@code S exp(-z se)} (R {@code conf.type = "log"}).
     *
     * @param i the 0-based index
     * @return the lower confidence limit of S at row i: {@code S exp(-z se)} (R {@code conf.type = "log"})
     */
    public double lower(int i) {
        return survival(i) * Math.exp(-z * stdErr[i]);
    }

    /**
     * Upper confidence limit of S at row i: {@code min(1, S exp(z se))}.
     *
     * @param i the 0-based index
     * @return the upper confidence limit of S at row i: {@code min(1, S exp(z se))}
     */
    public double upper(int i) {
        return Math.min(1.0, survival(i) * Math.exp(z * stdErr[i]));
    }

    /** {@return confidence level of {@link #lower}/{@link #upper}} */
    public double confidenceLevel() {
        return confLevel;
    }

    /**
     * Survival at time t in stratum {@code stratum} (null without strata): the value at the last
     * row time at or before t, 1 before the first.
     *
     * @param stratum the stratum
     * @param t the time
     * @return survival at time t in stratum {@code stratum} (null without strata): the value at the last row time at or before t, 1 before the first
     */
    public double survivalAt(String stratum, double t) {
        double s = 1;
        boolean found = strata == null;
        for (int i = 0; i < time.length; i++) {
            if (strata != null && !strata[i].equals(stratum)) {
                continue;
            }
            found = true;
            if (time[i] <= t) {
                s = Math.exp(-cumhaz[i]);
            }
        }
        if (!found) {
            throw io.survkit.internal.Check.fail("unknown stratum '%s'", stratum);
        }
        return s;
    }

    /**
     * Survival at time t for unstratified models.
     *
     * @param t the time
     * @return survival at time t for unstratified models
     */
    public double survivalAt(double t) {
        return survivalAt(null, t);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s%10s %12s %10s %10s %10s %10s%n", strata == null ? "" : "stratum    ",
                "time", "cumhaz", "surv", "std.err", "lower", "upper"));
        for (int i = 0; i < time.length; i++) {
            if (strata != null) {
                sb.append(String.format(Locale.ROOT, "%-11s", strata[i]));
            }
            sb.append(String.format(Locale.ROOT, "%10.6g %12.6g %10.6g %10.6g %10.6g %10.6g%n", time[i], cumhaz[i],
                    survival(i), stdErr[i], lower(i), upper(i)));
        }
        return sb.toString();
    }
}
