package io.survkit.estimate;

import io.survkit.internal.RFormat;

/**
 * A survival curve read at landmark times, as R's {@code summary(fit, times = t, extend = TRUE)}.
 * Landmarks are sorted ascending (R sorts them). At a landmark t:
 * <ul>
 * <li>survival, lower, upper, cumulative hazard: the curve's values at its last time &lt;= t; before
 * the first time 1, 1, 1 and 0; after the last time the last values;</li>
 * <li>standard error: of S itself (R's summary multiplies Greenwood's log-scale error by S);</li>
 * <li>number at risk: at the first curve time >= t, or 0 after the last time;</li>
 * <li>events and censorings: those at curve times in (previous landmark, t], or &lt;= t for the
 * first landmark (weighted sums with case weights).</li>
 * </ul>
 *
 * <pre>{@code
 * LandmarkSummary one = curve.at(365, 730);
 * double s1 = one.survival(0), lo = one.lower(0), hi = one.upper(0);
 * }</pre>
 */
public final class LandmarkSummary {
    private final String curveName;
    private final double[] time;
    private final double[] survival;
    private final double[] standardError;
    private final double[] lower;
    private final double[] upper;
    private final double[] atRisk;
    private final double[] events;
    private final double[] censored;
    private final double[] cumulativeHazard;

    LandmarkSummary(String curveName, double[] time, double[] survival, double[] standardError, double[] lower,
            double[] upper, double[] atRisk, double[] events, double[] censored, double[] cumulativeHazard) {
        this.curveName = curveName;
        this.time = time;
        this.survival = survival;
        this.standardError = standardError;
        this.lower = lower;
        this.upper = upper;
        this.atRisk = atRisk;
        this.events = events;
        this.censored = censored;
        this.cumulativeHazard = cumulativeHazard;
    }

    /** {@return name of the curve read ({@code "group=level"} or {@code "all"})} */
    public String curveName() {
        return curveName;
    }

    /** {@return number of landmarks} */
    public int size() {
        return time.length;
    }

    /**
     * Landmark {@code i} (sorted ascending).
     *
     * @param i the 0-based landmark index
     * @return landmark {@code i} (sorted ascending)
     */
    public double time(int i) {
        return time[i];
    }

    /** {@return copy of the landmarks} */
    public double[] times() {
        return time.clone();
    }

    /**
     * S at landmark {@code i}.
     *
     * @param i the 0-based landmark index
     * @return S at landmark {@code i}
     */
    public double survival(int i) {
        return survival[i];
    }

    /** {@return copy of S at the landmarks} */
    public double[] survival() {
        return survival.clone();
    }

    /**
     * Standard error of S (survival scale) at landmark {@code i}; NaN where R gives NaN (S = 0 with Greenwood).
     *
     * @param i the 0-based landmark index
     * @return the standard error of S (survival scale) at landmark {@code i}; NaN where R gives NaN (S = 0 with Greenwood)
     */
    public double standardError(int i) {
        return standardError[i];
    }

    /** {@return copy of the standard errors of S} */
    public double[] standardError() {
        return standardError.clone();
    }

    /**
     * Lower confidence limit at landmark {@code i} (NaN where R gives NA).
     *
     * @param i the 0-based landmark index
     * @return the lower confidence limit at landmark {@code i} (NaN where R gives NA)
     */
    public double lower(int i) {
        return lower[i];
    }

    /** {@return copy of the lower limits} */
    public double[] lower() {
        return lower.clone();
    }

    /**
     * Upper confidence limit at landmark {@code i} (NaN where R gives NA).
     *
     * @param i the 0-based landmark index
     * @return the upper confidence limit at landmark {@code i} (NaN where R gives NA)
     */
    public double upper(int i) {
        return upper[i];
    }

    /** {@return copy of the upper limits} */
    public double[] upper() {
        return upper.clone();
    }

    /**
     * Number at risk at landmark {@code i} (weighted with case weights).
     *
     * @param i the 0-based landmark index
     * @return the number at risk at landmark {@code i} (weighted with case weights)
     */
    public double numberAtRisk(int i) {
        return atRisk[i];
    }

    /** {@return copy of the numbers at risk} */
    public double[] numberAtRisk() {
        return atRisk.clone();
    }

    /**
     * Events since the previous landmark, at landmark {@code i}.
     *
     * @param i the 0-based landmark index
     * @return events since the previous landmark, at landmark {@code i}
     */
    public double numberOfEvents(int i) {
        return events[i];
    }

    /** {@return copy of the events between landmarks} */
    public double[] numberOfEvents() {
        return events.clone();
    }

    /**
     * Censorings since the previous landmark, at landmark {@code i}.
     *
     * @param i the 0-based landmark index
     * @return censorings since the previous landmark, at landmark {@code i}
     */
    public double numberCensored(int i) {
        return censored[i];
    }

    /** {@return copy of the censorings between landmarks} */
    public double[] numberCensored() {
        return censored.clone();
    }

    /**
     * Nelson-Aalen cumulative hazard at landmark {@code i}.
     *
     * @param i the 0-based landmark index
     * @return Nelson-Aalen cumulative hazard at landmark {@code i}
     */
    public double cumulativeHazard(int i) {
        return cumulativeHazard[i];
    }

    /** {@return copy of the cumulative hazards} */
    public double[] cumulativeHazard() {
        return cumulativeHazard.clone();
    }

    /** A table like R's {@code print(summary(fit, times = ))} for this curve. */
    @Override
    public String toString() {
        String[] names = new String[time.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = "";
        }
        String[] header = {"time", "n.risk", "n.event", "n.censor", "survival", "std.err", "lower", "upper",
            "cumhaz"};
        double[][] cols = {time, atRisk, events, censored, survival, standardError, lower, upper, cumulativeHazard};
        return curveName + "\n" + RFormat.table(header, names, cols, 4, RFormat.NotANumber.NA);
    }
}
