package io.survkit.regression;

import io.survkit.data.Covariate;
import io.survkit.data.SurvivalData;
import io.survkit.internal.Check;
import io.survkit.internal.Cholesky;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cox proportional hazards regression, equal to R {@code survival::coxph}. The partial likelihood
 * is maximised by R's Newton-Raphson: covariates centred and scaled, a Cholesky decomposition with
 * tolerance {@code eps^0.75} (redundant columns get no coefficient), step halving when the
 * log-likelihood gets worse, convergence when the relative change of the log-likelihood is at most
 * {@link #withTolerance tolerance}. Non-convergence and coefficients that run to infinity (monotone
 * likelihood) are reported in the result ({@link CoxResult#converged()},
 * {@link CoxResult#warnings()}), never thrown.
 *
 * <p>The model uses everything in the {@link SurvivalData}: its covariates (numeric, and factors as
 * dummies against the reference level named {@code <column><level>}), strata (separate baseline
 * hazards), case weights, cluster (robust variance summed within clusters) and counting-process
 * intervals {@code (start, stop]} (delayed entry, time-varying covariates).
 *
 * <p>Defaults ({@link #withDefaults()}): Efron ties, {@link Variance#AUTO} (robust with a cluster
 * column or non-integer weights, as R), confidence level 0.95, at most 20 iterations, tolerance
 * 1e-9, no interactions.
 *
 * <pre>{@code
 * SurvivalData lung = SurvivalData.csv(Path.of("lung.csv"))
 *         .time("time").event("status", "2").numeric("age").numeric("sex").read();
 * CoxResult fit = CoxRegression.withDefaults().fit(lung);
 * double hrSex = fit.hazardRatios()[1];
 * System.out.println(fit);   // like R's print(summary(coxph(...)))
 * }</pre>
 */
public final class CoxRegression {
    /** R's {@code coxph.control()$toler.chol}: {@code .Machine$double.eps^0.75}. */
    static final double TOLER_CHOL = Math.pow(Math.ulp(1.0), 0.75);
    private static final CoxRegression DEFAULTS =
            new CoxRegression(TieMethod.EFRON, Variance.AUTO, 0.95, 20, 1e-9, List.of());

    private final TieMethod ties;
    private final Variance variance;
    private final double confLevel;
    private final int maxIterations;
    private final double tolerance;
    private final List<String[]> interactions;

    private CoxRegression(TieMethod ties, Variance variance, double confLevel, int maxIterations, double tolerance,
            List<String[]> interactions) {
        this.ties = ties;
        this.variance = variance;
        this.confLevel = confLevel;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.interactions = interactions;
    }

    /**
     * The default procedure: Efron ties, {@link Variance#AUTO}, confidence level 0.95, at most 20
     * Newton-Raphson iterations, convergence tolerance 1e-9 (R {@code coxph.control()}).
     */
    public static CoxRegression withDefaults() {
        return DEFAULTS;
    }

    /** Tie handling: {@link TieMethod#EFRON} (default) or {@link TieMethod#BRESLOW}. */
    public CoxRegression withTies(TieMethod method) {
        return new CoxRegression(Check.notNull("tie method", method), variance, confLevel, maxIterations, tolerance,
                interactions);
    }

    /** Which variance the result reports (standard errors, confidence intervals, z, p, Wald test). */
    public CoxRegression withVariance(Variance v) {
        return new CoxRegression(ties, Check.notNull("variance", v), confLevel, maxIterations, tolerance, interactions);
    }

    /** Confidence level of the hazard-ratio intervals (R {@code summary(fit, conf.int =)}), in (0, 1). */
    public CoxRegression withConfLevel(double level) {
        return new CoxRegression(ties, variance, Check.openUnit("confidence level", level), maxIterations, tolerance,
                interactions);
    }

    /** Largest number of Newton-Raphson iterations (R {@code iter.max}, default 20); 0 evaluates at beta = 0. */
    public CoxRegression withMaxIterations(int n) {
        if (n < 0) {
            throw Check.fail("maximum iterations must be >= 0, got %d", n);
        }
        return new CoxRegression(ties, variance, confLevel, n, tolerance, interactions);
    }

    /**
     * Convergence tolerance on the relative change of the log partial likelihood (R {@code eps},
     * default 1e-9); must exceed the Cholesky tolerance 2.2e-16^0.75 = 1.8e-12.
     */
    public CoxRegression withTolerance(double eps) {
        if (!(eps > TOLER_CHOL && eps < 1)) {
            throw Check.fail("tolerance must be between %s and 1, got %s", TOLER_CHOL, eps);
        }
        return new CoxRegression(ties, variance, confLevel, maxIterations, eps, interactions);
    }

    /**
     * Adds the interaction of covariates {@code a} and {@code b} (R {@code a:b}): the products of
     * their model columns, named {@code <colA>:<colB>} (for factors, the first factor's dummies vary
     * fastest), placed after all main effects. Both must be covariates of the data.
     */
    public CoxRegression withInteraction(String a, String b) {
        Check.notNull("interaction covariate", a);
        Check.notNull("interaction covariate", b);
        if (a.equals(b)) {
            throw Check.fail("an interaction needs two different covariates, got '%s' twice", a);
        }
        List<String[]> l = new ArrayList<>(interactions);
        l.add(new String[] {a, b});
        return new CoxRegression(ties, variance, confLevel, maxIterations, tolerance, Collections.unmodifiableList(l));
    }

    /** Tie handling in use. */
    public TieMethod ties() {
        return ties;
    }

    /** Variance choice in use. */
    public Variance variance() {
        return variance;
    }

    /** Confidence level in use. */
    public double confLevel() {
        return confLevel;
    }

    /** Iteration limit in use. */
    public int maxIterations() {
        return maxIterations;
    }

    /** Convergence tolerance in use. */
    public double tolerance() {
        return tolerance;
    }

    /** Interactions as {@code "a:b"} strings. */
    public List<String> interactions() {
        List<String> l = new ArrayList<>();
        for (String[] pair : interactions) {
            l.add(pair[0] + ":" + pair[1]);
        }
        return Collections.unmodifiableList(l);
    }

    /**
     * Fits the model to {@code data} (its covariates, strata, weights, cluster and entry times).
     *
     * @throws IllegalArgumentException when the data have no covariates, no events, weights that
     *     are not positive, or an interaction names a covariate the data do not have
     */
    public CoxResult fit(SurvivalData data) {
        Check.notNull("data", data);
        for (String[] pair : interactions) {
            for (String c : pair) {
                if (!data.covariates().containsKey(c)) {
                    throw Check.fail("interaction %s:%s: '%s' is not a covariate of the data; covariates are %s",
                            pair[0], pair[1], c, data.covariates().keySet());
                }
            }
        }
        if (variance == Variance.ROBUST && data.hasStart() && data.cluster() == null) {
            // R coxph: robust = TRUE with (start, stop] data stops with "one of cluster or id is needed"
            throw Check.fail("the robust variance for (start, stop] data needs a cluster column (the subject"
                    + " identifier, so that a subject's intervals are summed): set .cluster(column) on the data");
        }
        CoxDesign d = CoxDesign.of(data, interactions);
        CoxKernel kernel = new CoxKernel(d, ties);
        CoxKernel.Fit f = kernel.newtonRaphson(maxIterations, tolerance);
        boolean robust = variance == Variance.ROBUST
                || (variance == Variance.AUTO && (d.cluster != null || d.fractionalWeights));
        return new CoxResult(this, d, f, robust, levels(data));
    }

    /** Covariate name -> factor levels (reference first), or null for a numeric covariate. */
    private static Map<String, List<String>> levels(SurvivalData data) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (Map.Entry<String, Covariate> e : data.covariates().entrySet()) {
            m.put(e.getKey(), e.getValue().isFactor() ? e.getValue().factor().levels() : null);
        }
        return Collections.unmodifiableMap(m);
    }

    /** R's Wald test {@code coxph.wtest}: {@code b' V^-1 b} over the coefficients that are not NaN. */
    static double[] wald(double[] var, double[] b, int p) {
        int m = 0;
        for (double v : b) {
            if (!Double.isNaN(v)) {
                m++;
            }
        }
        double[] vv = new double[m * m];
        double[] bb = new double[m];
        int r = 0;
        for (int i = 0; i < p; i++) {
            if (Double.isNaN(b[i])) {
                continue;
            }
            bb[r] = b[i];
            int c = 0;
            for (int j = 0; j < p; j++) {
                if (Double.isNaN(b[j])) {
                    continue;
                }
                vv[r * m + c] = var[i * p + j];
                c++;
            }
            r++;
        }
        if (m == 0) {
            return new double[] {0, 0};
        }
        return Cholesky.quadraticForm(vv, m, bb, TOLER_CHOL);
    }

    @Override
    public String toString() {
        return "CoxRegression[ties=" + ties + ", variance=" + variance + ", confLevel=" + confLevel
                + ", maxIterations=" + maxIterations + ", tolerance=" + tolerance
                + (interactions.isEmpty() ? "" : ", interactions=" + interactions()) + "]";
    }
}
