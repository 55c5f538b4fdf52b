package io.survkit.regression;

import io.survkit.data.ModelFrame;
import io.survkit.internal.Check;
import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;

/**
 * The function {@code f(x, t)} of a {@code tt(x)} term (R {@code coxph(..., tt = function(x, t, ...))}):
 * the covariate's value in the risk set of event time t. The Cox fit expands the data at each event
 * time ({@link ModelFrame#atEventTimes}) and applies f there, as R does.
 *
 * <pre>{@code
 * CoxResult fit = CoxRegression.withDefaults()
 *         .withTimeTransform(TimeTransformFunction.X_TIMES_LOG_T)
 *         .fit(lung, "tt(age) + sex");     // R: tt = function(x, t, ...) x * log(t)
 * TimeTransformFunction own = TimeTransformFunction.of("x * (t > 365)", (x, t) -> t > 365 ? x : 0);
 * }</pre>
 */
public final class TimeTransformFunction implements ModelFrame.RiskSetTransform {
    /** {@code x * t}. */
    public static final TimeTransformFunction X_TIMES_T = of("x * t", (x, t) -> x * t);
    /** {@code x * log(t)} (R's example in {@code ?coxph}). */
    public static final TimeTransformFunction X_TIMES_LOG_T = of("x * log(t)", (x, t) -> x * Math.log(t));
    /** {@code x * log(t + 20)} (the survival vignette's example for the veteran data). */
    public static final TimeTransformFunction X_TIMES_LOG_T_PLUS_20 =
            of("x * log(t + 20)", (x, t) -> x * Math.log(t + 20));
    /**
     * R's default when {@code tt} is not given: O'Brien's (1978) logit rank within each risk set,
     * {@code (r - 0.5) / (n + 0.5 - r)} with r the rank of x among the n rows at risk (ties get the
     * mean rank, R's {@code rank}).
     */
    public static final TimeTransformFunction OBRIEN_LOGIT_RANK = new TimeTransformFunction("O'Brien logit rank", null);

    private final String description;
    private final DoubleBinaryOperator f;

    private TimeTransformFunction(String description, DoubleBinaryOperator f) {
        this.description = description;
        this.f = f;
    }

    /**
     * A user function of (x, t).
     *
     * @param description how it is written, e.g. {@code "x * (t > 365)"} (for messages and printing)
     * @param f the function; it must give a finite number at every (x, event time) of the data
     * @return the transform
     */
    public static TimeTransformFunction of(String description, DoubleBinaryOperator f) {
        return new TimeTransformFunction(Check.notNull("description", description), Check.notNull("function", f));
    }

    /** @return the function as written, e.g. {@code x * log(t)} */
    public String description() {
        return description;
    }

    @Override
    public void apply(double[] x, int from, int to, double time) {
        if (f == null) {
            obrien(x, from, to);
            return;
        }
        for (int i = from; i < to; i++) {
            x[i] = f.applyAsDouble(x[i], time);
        }
    }

    /** R: {@code r <- rank(x); (r - .5) / (.5 + length(r) - r)}, ties averaged. */
    private static void obrien(double[] x, int from, int to) {
        int n = to - from;
        double[] v = Arrays.copyOfRange(x, from, to);
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < n; i++) {
            double r = averageRank(sorted, v[i]);
            x[from + i] = (r - 0.5) / (0.5 + n - r);
        }
    }

    /** Mean 1-based rank of value {@code v} in ascending {@code sorted}. */
    private static double averageRank(double[] sorted, double v) {
        int lo = lowerBound(sorted, v);
        int hi = lowerBound(sorted, Math.nextUp(v));
        return (lo + 1 + hi) / 2.0;
    }

    private static int lowerBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public String toString() {
        return description;
    }
}
