package io.survkit.regression;

import java.util.List;

/**
 * The residuals part of R's {@code cox.zph(fit)} object, what {@code plot.cox.zph} draws: for each
 * event (ordered by stratum, time, data row) its time ({@code $time}) and transformed time
 * ({@code $x}: g(t) uncentred, e.g. 1 - S(t-) for the Kaplan-Meier transform), and per model term the
 * scaled Schoenfeld residual ({@code $y}), with {@code $var} their variance. With r the Schoenfeld
 * residuals, I the information and d the number of events, the scaling is R 3.x's: V = I / d,
 * for a one-column term y = r V^-1 + beta; a term of several columns (a factor) is collapsed to its
 * linear predictor, r_T = r[, T] beta_T, V_T = beta_T' V beta_T, y = r_T V_T^-1 + 1 (Grambsch and
 * Therneau 1994; R {@code cox.zph}). With strata, V is the information over the events of the strata
 * where each column varies, and a term constant within a stratum has no residual there: NaN, R's
 * structural-zero {@code NA} (see R/cox.zph.R). Immutable.
 *
 * <pre>{@code
 * ScaledSchoenfeldResiduals r = ProportionalHazardsTest.withDefaults().test(fit).residuals();
 * double[] beta = r.residuals(0);   // Beta(t) for the first term at r.transformedTimes()
 * }</pre>
 */
public final class ScaledSchoenfeldResiduals {
    private final List<String> terms;
    private final double[] time;
    private final double[] x;
    private final double[][] y;
    private final double[][] variance;
    private final TimeTransform transform;

    ScaledSchoenfeldResiduals(List<String> terms, double[] time, double[] x, double[][] y, double[][] variance,
            TimeTransform transform) {
        this.terms = List.copyOf(terms);
        this.time = time;
        this.x = x;
        this.y = y;
        this.variance = variance;
        this.transform = transform;
    }

    /** @return the model terms, one residual column each (R {@code colnames(zph$y)}) */
    public List<String> terms() {
        return terms;
    }

    /** @return the number of events (rows) */
    public int size() {
        return time.length;
    }

    /** @return the event times (R {@code zph$time}) */
    public double[] times() {
        return time.clone();
    }

    /** @return the transformed event times g(t), uncentred (R {@code zph$x}) */
    public double[] transformedTimes() {
        return x.clone();
    }

    /**
     * @param term index into {@link #terms()}
     * @return the scaled Schoenfeld residuals of the term, one per event (R {@code zph$y[, term]}); NaN
     *         in a stratum where the term is constant (R {@code NA})
     */
    public double[] residuals(int term) {
        return y[term].clone();
    }

    /** @return the variance matrix of the residual columns (R {@code zph$var}), terms x terms */
    public double[][] variance() {
        double[][] v = new double[variance.length][];
        for (int i = 0; i < v.length; i++) {
            v[i] = variance[i].clone();
        }
        return v;
    }

    /** @return the transform of time */
    public TimeTransform transform() {
        return transform;
    }
}
