package io.survkit.estimate;

import io.survkit.internal.Check;
import io.survkit.internal.Probabilities;
import io.survkit.internal.RFormat;

/**
 * One cumulative incidence curve of R {@code cmprsk::cuminc}: the probability of failing from one
 * cause by time t in one group, as the element of cuminc's list, unchanged. The vectors trace the
 * step function from (0, 0): each event time of the cause appears twice, first with the estimate
 * before the jump, then after it; the last entry is the group's last follow-up time.
 *
 * <p>Estimate: Aalen-Johansen (Kalbfleisch-Prentice)
 * {@code F_k(t) = sum_{t_j <= t} S(t_j-) d_kj / n_j} with S the all-cause Kaplan-Meier. Variance:
 * Gray's delta-method estimator as cuminc computes it (Gray 1988, cmprsk {@code cinc}).
 *
 * <pre>{@code
 * IncidenceCurve c = CumulativeIncidence.withDefaults().fit(data).curve("A", "1");
 * double f5 = c.estimateAt(5.0);   // P(cause 1 by t = 5) in group A
 * }</pre>
 */
public final class IncidenceCurve {
    private final String group;
    private final String cause;
    private final int causeCode;
    private final double[] time;
    private final double[] estimate;
    private final double[] variance;

    IncidenceCurve(String group, String cause, int causeCode, double[] time, double[] estimate, double[] variance) {
        this.group = group;
        this.cause = cause;
        this.causeCode = causeCode;
        this.time = time;
        this.estimate = estimate;
        this.variance = variance;
    }

    /** {@return cuminc's list name {@code "<group> <cause>"} (group {@code "1"} without a group column)} */
    public String name() {
        return group + " " + cause;
    }

    /** {@return the group level ({@code "1"} without a group column, as cuminc labels it)} */
    public String group() {
        return group;
    }

    /** {@return the cause label} */
    public String cause() {
        return cause;
    }

    /** {@return the cause's status code (1-based index into {@code SurvivalData.causes()})} */
    public int causeCode() {
        return causeCode;
    }

    /** {@return length of the step vectors} */
    public int size() {
        return time.length;
    }

    /**
     * cuminc's {@code time[i]}.
     *
     * @param i the 0-based index
     * @return cuminc's {@code time[i]}
     */
    public double time(int i) {
        return time[i];
    }

    /**
     * cuminc's {@code est[i]}.
     *
     * @param i the 0-based index
     * @return cuminc's {@code est[i]}
     */
    public double estimate(int i) {
        return estimate[i];
    }

    /**
     * cuminc's {@code var[i]}.
     *
     * @param i the 0-based index
     * @return cuminc's {@code var[i]}
     */
    public double variance(int i) {
        return variance[i];
    }

    /** {@return copy of cuminc's {@code time} vector} */
    public double[] times() {
        return time.clone();
    }

    /** {@return copy of cuminc's {@code est} vector} */
    public double[] estimates() {
        return estimate.clone();
    }

    /** {@return copy of cuminc's {@code var} vector} */
    public double[] variances() {
        return variance.clone();
    }

    /** Index of the step in force at t (the last entry with time <= t), or -1. */
    private int at(double t) {
        Check.finite("time", t);
        if (t > time[time.length - 1]) {
            return -1;
        }
        int lo = 0;
        int hi = time.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (time[mid] <= t) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return time[lo] <= t ? lo : 0;
    }

    /**
     * The cumulative incidence at t, as {@code cmprsk::timepoints}: 0 before the first event, NaN
     * (R: NA) after the group's last follow-up time.
     *
     * @param t the time
     * @return the cumulative incidence at t, as {@code cmprsk::timepoints}: 0 before the first event, NaN (R: NA) after the group's last follow-up time
     */
    public double estimateAt(double t) {
        int i = at(t);
        return i < 0 ? Double.NaN : estimate[i];
    }

    /**
     * The variance at t, as {@code cmprsk::timepoints} (NaN after the last follow-up time).
     *
     * @param t the time
     * @return the variance at t, as {@code cmprsk::timepoints} (NaN after the last follow-up time)
     */
    public double varianceAt(double t) {
        int i = at(t);
        return i < 0 ? Double.NaN : variance[i];
    }

    /**
     * Lower limit of the pointwise confidence interval at t on the log(-log) scale (the usual
     * interval for a cumulative incidence, Choudhury 2002): {@code F^exp(-z sd / (F log F))} (upper: {@code +z}) with
     * {@code sd = sqrt(var)}. NaN where the estimate is 0 or 1, or after the last follow-up.
     *
     * @param t the time
     * @param level the confidence level, in (0, 1)
     * @return the lower limit of the pointwise confidence interval at t on the log(-log) scale (the usual interval for a cumulative incidence, Choudhury 2002): {@code F^exp(-z sd / (F log F))} (upper: {@code +z}) with {@code sd = sqrt(var)}
     */
    public double lowerAt(double t, double level) {
        return limit(t, level, -1);
    }

    /**
     * Upper limit of the log(-log) interval at t; see {@link #lowerAt(double, double)}.
     *
     * @param t the time
     * @param level the confidence level, in (0, 1)
     * @return the upper limit of the log(-log) interval at t; see {@link #lowerAt(double, double)}
     */
    public double upperAt(double t, double level) {
        return limit(t, level, 1);
    }

    private double limit(double t, double level, int sign) {
        Check.openUnit("confidence level", level);
        double f = estimateAt(t);
        double v = varianceAt(t);
        if (!(f > 0 && f < 1)) {
            return Double.NaN;
        }
        double z = Probabilities.normalQuantile(1 - (1 - level) / 2);
        return Math.pow(f, Math.exp(sign * z * Math.sqrt(v) / (f * Math.log(f))));
    }

    @Override
    public String toString() {
        return "IncidenceCurve[" + name() + ", " + time.length + " points, final estimate "
                + RFormat.signif(estimate[estimate.length - 1], 7) + "]";
    }
}
