package io.survkit.regression;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.data.Terms;
import io.survkit.internal.Check;
import io.survkit.internal.Cholesky;
import io.survkit.internal.Sorting;
import io.survkit.internal.Tolerances;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fine-Gray proportional subdistribution hazards regression (Fine and Gray 1999, JASA
 * 94:496-509), equal to R {@code cmprsk::crr(ftime, fstatus, cov1, failcode, cencode)}.
 * Immutable; each {@code with...} returns a new instance.
 *
 * <p>Model: the subdistribution hazard of the cause of interest is
 * {@code lambda_1(t | x) = lambda_10(t) exp(x'b)}. Subjects who failed from another cause stay in
 * the risk set after their failure with the inverse-probability-of-censoring weight
 * {@code G(t-) / G(t_i-)}, G the Kaplan-Meier estimate of the censoring distribution (censoring as
 * the event; R: {@code survfit(Surv(ftime, cenind) ~ 1)} evaluated just before each time). The
 * weighted partial likelihood is maximised by crr's Newton-Raphson with step halving (Armijo
 * condition {@code f(b + s) <= f(b) + 1e-4 s'g}, at most 20 halvings), from b = 0, converging when
 * {@code max |score_j| max(|b_j|, 1) < max(|loglik|, 1) gtol}. The variance is Fine and Gray's
 * sandwich {@code I^-1 (sum_i (eta_i + psi_i)(eta_i + psi_i)') I^-1}, where psi_i accounts for the
 * estimated censoring weights (cmprsk {@code crrvv}).
 *
 * <p>Defaults ({@link #withDefaults()}): the first cause (crr {@code failcode = 1}), {@code gtol =
 * 1e-6}, at most 10 iterations (crr's defaults). Because crr stops at {@code gtol = 1e-6} its
 * coefficients are accurate to about 1e-5 relative; survkit repeats the same iterations and so
 * gives the same numbers; {@link #withTolerance(double)} converges tighter.
 *
 * <p>Input: unweighted right-censored rows with competing-risks status codes and at least one
 * covariate ({@code .numeric(..)}, {@code .factor(..)}: all model-matrix columns are used, as crr's
 * {@code cov1}). Censoring groups ({@code cengroup}) by {@link #withCensoringGroups(String)};
 * time-varying covariates ({@code cov2} with {@code tf}) by
 * {@link #withTimeVaryingCovariate(String, FineGrayTimeFunction)} (then O(n p^2) per failure time).
 *
 * <p>Cost: one sort, then O(n p^2) per likelihood evaluation and for the variance, using prefix
 * and suffix sums over the time-ordered rows (cmprsk's loops are O(n^2) and O(n^3)).
 *
 * <pre>{@code
 * SurvivalData d = SurvivalData.csv(Path.of("cr_synth.csv"))
 *         .time("time").causes("status", "0").factor("group", "A").numeric("x").read();
 * FineGrayResult fg = FineGray.withDefaults().withCause("1").fit(d);
 * System.out.println(fg);                     // crr's summary table
 * double shr = fg.hazardRatios()[0];          // subdistribution hazard ratio of group B
 * }</pre>
 */
public final class FineGray {
    private static final FineGray DEFAULTS = new FineGray(null, Tolerances.CRR_GTOL, 10, null, List.of());

    private final String cause;
    private final double gtol;
    private final int maxIterations;
    /** crr's {@code cengroup}: the column whose values each have their own censoring distribution. */
    private final String censoringGroups;
    /** crr's {@code cov2} columns and their {@code tf}. */
    private final List<TimeVarying> timeVarying;

    /** One {@code cov2} column and the function of time multiplying it. */
    private record TimeVarying(String column, FineGrayTimeFunction function) {
    }

    private FineGray(String cause, double gtol, int maxIterations, String censoringGroups,
            List<TimeVarying> timeVarying) {
        this.timeVarying = List.copyOf(timeVarying);
        this.cause = cause;
        this.gtol = gtol;
        this.maxIterations = maxIterations;
        this.censoringGroups = censoringGroups;
    }

    /**
     * The first cause, {@code gtol = 1e-6}, 10 iterations.
     *
     * @return the shared default instance
     */
    public static FineGray withDefaults() {
        return DEFAULTS;
    }

    /**
     * The same model for the cause labelled {@code label} (crr {@code failcode}).
     *
     * @param label the label
     * @return a new instance with this setting (this one is unchanged)
     */
    public FineGray withCause(String label) {
        return new FineGray(Check.notNull("cause", label), gtol, maxIterations, censoringGroups, timeVarying);
    }

    /**
     * The same model with convergence tolerance {@code gtol} (crr {@code gtol}; finite, > 0).
     *
     * @param gtol the gtol
     * @return a new instance with this setting (this one is unchanged)
     */
    public FineGray withTolerance(double gtol) {
        return new FineGray(cause, Check.positiveFinite("gtol", gtol), maxIterations, censoringGroups, timeVarying);
    }

    /**
     * The same model with at most {@code n} Newton iterations (crr {@code maxiter}; >= 0).
     *
     * @param n the 0-based most index
     * @return a new instance with this setting (this one is unchanged)
     */
    public FineGray withMaxIterations(int n) {
        if (n < 0) {
            throw Check.fail("maximum iterations must be >= 0, got %d", n);
        }
        return new FineGray(cause, gtol, n, censoringGroups, timeVarying);
    }

    /**
     * The same model with one censoring distribution per value of {@code column} (crr
     * {@code cengroup}): an other-cause failure of group k stays in later risk sets with weight
     * {@code G_k(t-) / G_k(t_i-)}, G_k the Kaplan-Meier of the censoring within group k (0 after
     * the group's last time, as crr), and the variance's censoring term is summed per group.
     *
     * <pre>{@code
     * FineGrayResult fg = FineGray.withDefaults().withCensoringGroups("site").fit(data, "groupB + x");
     * }</pre>
     *
     * @param column the column of censoring groups
     * @return the model with censoring groups
     */
    public FineGray withCensoringGroups(String column) {
        return new FineGray(cause, gtol, maxIterations, Check.notNull("censoring group column", column), timeVarying);
    }

    /**
     * The same model with one more time-varying covariate (crr {@code cov2} with {@code tf}): the
     * numeric column {@code column} times {@code function(t)}, its coefficient named
     * {@code column*label} (e.g. {@code age*log(t)}), after the formula's covariates (crr's
     * {@code cov1}). Each call adds a column, in order.
     *
     * <pre>{@code
     * FineGrayResult fg = FineGray.withDefaults()
     *         .withTimeVaryingCovariate("x", FineGrayTimeFunction.LOG).fit(data, "groupB + x");
     * }</pre>
     *
     * @param column a numeric column
     * @param function the function of time multiplying it
     * @return the model with one more time-varying covariate
     */
    public FineGray withTimeVaryingCovariate(String column, FineGrayTimeFunction function) {
        List<TimeVarying> l = new ArrayList<>(timeVarying);
        l.add(new TimeVarying(Check.notNull("time-varying column", column),
                Check.notNull("time function", function)));
        return new FineGray(cause, gtol, maxIterations, censoringGroups, l);
    }

    /** {@return the censoring group column, empty for one censoring distribution} */
    public Optional<String> censoringGroups() {
        return Optional.ofNullable(censoringGroups);
    }

    /** {@return the cause label, empty for the first cause} */
    public Optional<String> cause() {
        return Optional.ofNullable(cause);
    }

    /** {@return convergence tolerance} */
    public double tolerance() {
        return gtol;
    }

    /** {@return maximum Newton iterations} */
    public int maxIterations() {
        return maxIterations;
    }

    /**
     * Fits {@code crr(time, status, covariates, failcode = cause)} with the formula's terms as covariates.
     *
     * @param data competing-risks data
     * @param formula the covariates, e.g. {@code "age + factor(stage)"}
     * @return the fit
     *
     * @throws IllegalArgumentException for null data, no covariates, an unknown cause, no events of
     *         the cause, case weights or counting-process rows
     */
    public FineGrayResult fit(SurvivalData data, String formula) {
        return fit(data, Terms.parse(Check.notNull("formula", formula)));
    }

    /**
     * Fits the model of typed {@code terms}.
     *
     * @param data competing-risks data
     * @param terms the covariates
     * @return the fit
     */
    public FineGrayResult fit(SurvivalData data, Terms terms) {
        Check.notNull("terms", terms);
        if (censoringGroups != null) {
            List<io.survkit.data.Term> t = new ArrayList<>(terms.terms());
            t.add(Terms.strata(censoringGroups));
            terms = Terms.of(t.toArray(new io.survkit.data.Term[0]));
        }
        Check.notNull("data", data);
        if (timeVarying.isEmpty()) {
            return fit(ModelFrame.of(data, terms));
        }
        // crr's d includes cov2: rows missing a cov2 value are left out and counted
        boolean[] drop = new boolean[data.rowCount()];
        for (TimeVarying tv : timeVarying) {
            if (!data.isNumeric(tv.column())) {
                throw Check.fail("time-varying covariate column '%s' holds text; expected numbers (crr cov2)",
                        tv.column());
            }
            double[] v = data.numbers(tv.column());
            for (int i = 0; i < v.length; i++) {
                drop[i] |= Double.isNaN(v[i]);
            }
        }
        int m = 0;
        int[] keep = new int[drop.length];
        for (int i = 0; i < drop.length; i++) {
            if (!drop[i]) {
                keep[m++] = i;
            }
        }
        SurvivalData d = m == drop.length ? data : data.rows(java.util.Arrays.copyOf(keep, m));
        ModelFrame frame = ModelFrame.of(d, terms);
        int[] rows = frame.dataRows();
        double[] x2 = new double[rows.length * timeVarying.size()];
        for (int j = 0; j < timeVarying.size(); j++) {
            double[] v = d.numbers(timeVarying.get(j).column());
            for (int r = 0; r < rows.length; r++) {
                x2[r * timeVarying.size() + j] = v[rows[r]];
            }
        }
        return fit(frame, x2, drop.length - m);
    }

    /**
     * Fits the model of a resolved model frame.
     *
     * @param data the frame
     * @return the fit
     */
    public FineGrayResult fit(ModelFrame data) {
        Check.notNull("data", data);
        if (!timeVarying.isEmpty()) {
            throw Check.fail("time-varying covariates %s are read from the data: fit(SurvivalData, formula)",
                    timeVarying);
        }
        return fit(data, new double[0], 0);
    }

    /** The fit with crr's {@code cov2} values {@code x2} ([frame row][cov2 column]). */
    private FineGrayResult fit(ModelFrame data, double[] x2Rows, int droppedRows) {
        if (data.hasWeights()) {
            throw Check.fail("Fine-Gray (cmprsk::crr) has no case weights; column '%s' cannot be used",
                    data.weightsColumn().orElse(null));
        }
        if (data.hasStart()) {
            throw Check.fail("Fine-Gray needs right-censored rows; start column '%s' (delayed entry) is not "
                    + "supported", data.startColumn().orElse(null));
        }
        io.survkit.data.Factor groups = data.strata().orElse(null);
        if (groups != null && censoringGroups == null) {
            throw Check.fail("Fine-Gray (cmprsk::crr) has no strata; strata column '%s' could be the censoring "
                    + "groups: use withCensoringGroups(\"%s\") (crr's cengroup)", groups.name(), groups.name());
        }
        List<String> causes = data.causes();
        int code = cause == null ? 1 : causes.indexOf(cause) + 1;
        if (code == 0) {
            throw Check.fail("cause '%s' is not among the causes %s of column '%s'", cause, causes,
                    data.eventColumn());
        }
        List<String> names = new ArrayList<>(data.columnNames());
        int p1 = names.size();
        int p2 = timeVarying.size();
        for (TimeVarying tv : timeVarying) {
            names.add(tv.column() + "*" + tv.function().label());
        }
        int p = p1 + p2;
        if (p == 0) {
            throw Check.fail("Fine-Gray regression needs at least one covariate; the data have none");
        }
        int n = data.rowCount();
        double[] t0 = data.times();
        int[] order = Sorting.order(t0);
        stabilise(t0, order);
        double[] t = new double[n];
        int[] ici = new int[n];
        int[] cg = new int[n];
        double[] x = new double[n * p1];
        double[] x2 = new double[n * p2];
        int failures = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            t[k] = t0[i];
            int s = data.status(i);
            ici[k] = s == 0 ? 0 : s == code ? 1 : 2;
            cg[k] = groups == null ? 0 : groups.code(i);
            failures += ici[k] == 1 ? 1 : 0;
            for (int j = 0; j < p1; j++) {
                double v = data.value(i, j);
                if (!Double.isFinite(v)) {
                    throw Check.fail("%s: covariate value %s is not finite",
                            data.rowLocation(names.get(j), i), v);
                }
                x[k * p1 + j] = v;
            }
            for (int j = 0; j < p2; j++) {
                double v = x2Rows[i * p2 + j];
                if (!Double.isFinite(v)) {
                    throw Check.fail("%s: time-varying covariate value %s is not finite",
                            data.rowLocation(timeVarying.get(j).column(), i), v);
                }
                x2[k * p2 + j] = v;
            }
        }
        if (failures == 0) {
            throw Check.fail("cause '%s' has no events; Fine-Gray regression needs some", causes.get(code - 1));
        }
        FineGrayKernel base = new FineGrayKernel(t, ici, x, p1, cg, groups == null ? 1 : groups.levelCount());
        double[] tfs = timeFunctions(base.failureTimes());
        FineGrayLikelihood kernel = p2 == 0 ? base : new FineGrayTimeVaryingKernel(base, x, p1, x2, p2, tfs);
        double[] b = new double[p];
        FineGrayKernel.Eval z = null;
        boolean converged = false;
        int iterations = 0;
        for (int ll = 0; ll <= maxIterations; ll++) {
            z = kernel.evaluate(b, true);
            double lhs = 0;
            for (int j = 0; j < p; j++) {
                lhs = Math.max(lhs, Math.abs(z.score[j]) * Math.max(Math.abs(b[j]), 1));
            }
            iterations = ll;
            if (lhs < Math.max(Math.abs(z.lik), 1) * gtol) {
                converged = true;
                break;
            }
            if (ll == maxIterations) {
                break;
            }
            double[] h = z.hessian.clone();
            double[] sc = z.score.clone();
            Cholesky.decompose(h, p, Tolerances.FINE_GRAY_CHOLESKY);
            Cholesky.solve(h, p, sc);
            double slope = 0;
            for (int j = 0; j < p; j++) {
                sc[j] = -sc[j];
                slope += sc[j] * z.score[j];
            }
            double[] bn = new double[p];
            for (int j = 0; j < p; j++) {
                bn[j] = b[j] + sc[j];
            }
            double fbn = kernel.evaluate(bn, false).lik;
            int halvings = 0;
            while (Double.isNaN(fbn) || fbn > z.lik + 1e-4 * slope) {
                halvings++;
                slope = 0;
                for (int j = 0; j < p; j++) {
                    sc[j] *= 0.5;
                    bn[j] = b[j] + sc[j];
                    slope += sc[j] * z.score[j];
                }
                fbn = kernel.evaluate(bn, false).lik;
                if (halvings > 20) {
                    break;
                }
            }
            if (halvings > 20) {
                break;
            }
            b = bn;
        }
        double[] info = z.hessian.clone();
        double[] inv = info.clone();
        Cholesky.decompose(inv, p, Tolerances.FINE_GRAY_CHOLESKY);
        Cholesky.invert(inv, p);
        double[] v2 = kernel.sandwichMiddle(b);
        double[] var = new double[p * p];
        double[] tmp = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double sum = 0;
                for (int k = 0; k < p; k++) {
                    sum += inv[i * p + k] * v2[k * p + j];
                }
                tmp[i * p + j] = sum;
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double sum = 0;
                for (int k = 0; k < p; k++) {
                    sum += tmp[i * p + k] * inv[j * p + k];
                }
                var[i * p + j] = sum;
            }
        }
        double likNull = kernel.evaluate(new double[p], false).lik;
        List<String> warnings = new ArrayList<>(data.warnings());
        if (!converged) {
            warnings.add(Check.format("Fine-Gray did not converge in %d iterations (gtol %s); raise "
                    + "withMaxIterations or check the covariates for separation", maxIterations, gtol));
        }
        double[] score = z.score.clone();
        for (int j = 0; j < p; j++) {
            score[j] = -score[j];
        }
        return new FineGrayResult(causes.get(code - 1), names, b, var, info, -z.lik, -likNull, score, converged,
                iterations, n, failures, data.omittedRows() + droppedRows, warnings, kernel.failureTimes(), kernel.baselineJumps(b),
                tfs, p2);
    }

    /** crr's {@code tfs = tf(uftime)}: one row per failure time, one column per time-varying covariate. */
    private double[] timeFunctions(double[] uftime) {
        int p2 = timeVarying.size();
        double[] tf = new double[uftime.length * p2];
        for (int f = 0; f < uftime.length; f++) {
            for (int j = 0; j < p2; j++) {
                double v = timeVarying.get(j).function().apply(uftime[f]);
                if (!Double.isFinite(v)) {
                    throw Check.fail("time function %s of column '%s' is %s at failure time %s; expected a finite"
                            + " number (log needs failure times > 0)", timeVarying.get(j).function().label(),
                            timeVarying.get(j).column(), v, uftime[f]);
                }
                tf[f * p2 + j] = v;
            }
        }
        return tf;
    }

    /** Makes the sort stable (R's {@code order}): tied times keep their row order. */
    private static void stabilise(double[] t, int[] order) {
        int n = order.length;
        int i = 0;
        while (i < n) {
            int j = i + 1;
            while (j < n && t[order[j]] == t[order[i]]) {
                j++;
            }
            if (j - i > 1) {
                java.util.Arrays.sort(order, i, j);
            }
            i = j;
        }
    }

    @Override
    public String toString() {
        return "FineGray[cause=" + (cause == null ? "first" : cause) + ", gtol=" + gtol + ", maxIterations="
                + maxIterations + (censoringGroups == null ? "" : ", cengroup=" + censoringGroups)
                + (timeVarying.isEmpty() ? "" : ", cov2=" + timeVarying) + "]";
    }
}
