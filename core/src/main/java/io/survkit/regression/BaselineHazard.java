package io.survkit.regression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Baseline cumulative hazard of a Cox model at covariates 0 (numeric covariates 0, factors at
 * their reference level), R {@code basehaz(fit, centered = FALSE)}: one row per distinct follow-up
 * time of each stratum, with Breslow increments {@code d / sum_{risk set} w exp(beta'x)} or, for
 * Efron ties, Efron's {@code sum_k (d/m) / (sum_risk - (k/m) sum_events)} over the m tied events
 * (as {@code survfit.coxph}). Immutable.
 *
 * <pre>{@code
 * BaselineHazard h0 = fit.prediction().baselineHazard();
 * for (int i = 0; i < h0.size(); i++) System.out.println(h0.time(i) + " " + h0.cumulativeHazard(i));
 * }</pre>
 */
public final class BaselineHazard {
    private final String[] strata;
    private final double[] time;
    private final double[] cumhaz;

    BaselineHazard(String[] strata, double[] time, double[] cumhaz) {
        this.strata = strata;
        this.time = time;
        this.cumhaz = cumhaz;
    }

    /** {@return number of rows} */
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
     * Baseline cumulative hazard at row i.
     *
     * @param i the 0-based index
     * @return baseline cumulative hazard at row i
     */
    public double cumulativeHazard(int i) {
        return cumhaz[i];
    }

    /** {@return copy of the baseline cumulative hazards} */
    public double[] cumulativeHazards() {
        return cumhaz.clone();
    }

    /**
     * Stratum label (level of the strata column) of row i.
     *
     * @param i the 0-based index
     * @return stratum label (level of the strata column) of row i, empty without strata
     */
    public Optional<String> stratum(int i) {
        return strata == null ? Optional.empty() : Optional.of(strata[i]);
    }

    /** {@return stratum label of each row, empty without strata} */
    public Optional<List<String>> strata() {
        if (strata == null) {
            return Optional.empty();
        }
        List<String> l = new ArrayList<>(strata.length);
        Collections.addAll(l, strata);
        return Optional.of(Collections.unmodifiableList(l));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%12s %14s%s%n", "time", "hazard", strata == null ? "" : "  strata"));
        for (int i = 0; i < time.length; i++) {
            sb.append(String.format(Locale.ROOT, "%12.6g %14.8g%s%n", time[i], cumhaz[i],
                    strata == null ? "" : "  " + strata[i]));
        }
        return sb.toString();
    }
}
