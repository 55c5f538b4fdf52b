package io.survkit.parametric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.util.Map;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

/**
 * Closed forms: the exponential model's maximum likelihood with delayed entry (rate = events /
 * total time at risk), the Weibull, log-normal and log-logistic survival, hazard, cumulative
 * hazard, quantile and mean formulas at a fitted model, and the restricted mean against a
 * closed-form integral.
 */
class ParametricClosedFormTest {
    private static final double[] TIME = {2, 3, 5, 7, 8, 11, 13, 17, 19, 23};
    private static final double[] ENTRY = {0, 1, 0, 2, 4, 0, 6, 1, 9, 3};
    private static final boolean[] EVENT = {true, false, true, true, false, true, true, false, true, true};

    private static SurvivalData data(boolean withEntry) {
        SurvivalData.Builder b = SurvivalData.builder().time("t", TIME).event("d", EVENT);
        if (withEntry) {
            b.start("t0", ENTRY);
        }
        return b.build();
    }

    /**
     * Exponential, intercept only, left truncated: the likelihood is {@code lambda^d exp(-lambda
     * sum(t - t0))}, so {@code lambda = d / sum(t - t0)}, {@code b0 = -log lambda}, {@code se(b0) =
     * 1 / sqrt(d)}, {@code loglik = d log lambda - d}.
     */
    @Test
    void exponentialWithDelayedEntry() {
        ParametricResult fit = ParametricRegression.withDefaults().withDistribution(Distribution.EXPONENTIAL)
                .fit(data(true), "1");
        double exposure = 0;
        int d = 0;
        for (int i = 0; i < TIME.length; i++) {
            exposure += TIME[i] - ENTRY[i];
            d += EVENT[i] ? 1 : 0;
        }
        double lambda = d / exposure;
        assertClose(-Math.log(lambda), fit.coefficients()[0], 1e-10, "b0");
        assertClose(1 / Math.sqrt(d), fit.standardErrors()[0], 1e-8, "se");
        assertClose(d * Math.log(lambda) - d, fit.logLikelihood(), 1e-10, "loglik");
    }

    /** Entry at time 0 is no truncation for a log-time model: the same fit as without entry times. */
    @Test
    void entryAtZeroIsNoTruncation() {
        double[] zeros = new double[TIME.length];
        SurvivalData withZero = SurvivalData.builder().time("t", TIME).event("d", EVENT).start("t0", zeros).build();
        ParametricResult a = ParametricRegression.withDefaults().fit(withZero, "1");
        ParametricResult b = ParametricRegression.withDefaults().fit(data(false), "1");
        assertEquals(b.logLikelihood(), a.logLikelihood(), 0);
        assertEquals(b.coefficients()[0], a.coefficients()[0], 0);
    }

    /** Truncation shifts the Weibull fit (later entries mean longer survival is conditioned on). */
    @Test
    void weibullWithDelayedEntryHasZeroScore() {
        ParametricResult fit = ParametricRegression.withDefaults().fit(data(true), "1");
        assertTrue(fit.converged());
        double[] grad = Numerical.gradient(data(true), "1", Distribution.WEIBULL, fit);
        for (double g : grad) {
            assertEquals(0, g, 1e-6, "score at the estimate");
        }
    }

    /**
     * The information matrix (the inverse of the model variance) equals minus the numerical
     * Hessian of the log-likelihood at the estimate: delayed entry, covariates and two strata.
     */
    @Test
    void informationIsTheNumericalHessian() {
        double[] x = {1, 0, 2, 1, 3, 0, 1, 2, 0, 1};
        double[] st = {1, 1, 1, 1, 1, 2, 2, 2, 2, 2};
        SurvivalData d = SurvivalData.builder().time("t", TIME).event("d", EVENT).start("t0", ENTRY)
                .numeric("x", x).numeric("s", st).build();
        for (Distribution dist : new Distribution[] {Distribution.WEIBULL, Distribution.LOGNORMAL,
            Distribution.LOGLOGISTIC}) {
            ParametricResult fit = ParametricRegression.withDefaults().withDistribution(dist).fit(d, "x + strata(s)");
            double[][] h = Numerical.hessian(d, "x + strata(s)", dist, fit);
            double[][] v = fit.modelVarianceMatrix();
            int k = v.length;
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    double hv = 0; // (-H V) should be the identity
                    for (int c = 0; c < k; c++) {
                        hv -= h[a][c] * v[c][b];
                    }
                    assertEquals(a == b ? 1 : 0, hv, 1e-5, dist + " (-H V)[" + a + "][" + b + "]");
                }
            }
        }
    }

    /**
     * Weibull: S(t) = exp(-(t e^{-lp})^{1/sigma}); h(t) = (1/sigma) t^{1/sigma - 1} e^{-lp/sigma};
     * T_p = e^{lp} (-log(1-p))^sigma; mean e^{lp} Gamma(1 + sigma); RMST to tau = e^{lp} sigma
     * gamma_lower(sigma, (tau e^{-lp})^{1/sigma}) (substitution u = (t e^{-lp})^{1/sigma}).
     */
    @Test
    void weibullFormulas() {
        ParametricResult fit = lungWeibull();
        ParametricPrediction p = fit.predict(Map.of("age", 60, "sex", 1));
        double lp = p.linearPredictor();
        double s = fit.scales()[0];
        double t = 400;
        double u = Math.pow(t * Math.exp(-lp), 1 / s);
        assertClose(Math.exp(-u), p.survival(t).estimate(), 1e-12, "S");
        assertClose(u, p.cumulativeHazard(t).estimate(), 1e-12, "H");
        assertClose(Math.pow(t, 1 / s - 1) * Math.exp(-lp / s) / s, p.hazard(t).estimate(), 1e-12, "h");
        assertClose(Math.exp(lp) * Math.pow(-Math.log(0.5), s), p.quantile(0.5).time(), 1e-12, "median");
        assertClose(Math.exp(lp + Gamma.logGamma(1 + s)), p.mean().getAsDouble(), 1e-12, "mean");
        double tau = 1000;
        double x = Math.pow(tau * Math.exp(-lp), 1 / s);
        double rmst = Math.exp(lp) * s * Math.exp(Gamma.logGamma(s)) * Gamma.regularizedGammaP(s, x);
        assertClose(rmst, p.restrictedMean(tau).value(), 1e-9, "rmst");
        CurvePoint sp = p.survival(t);
        assertTrue(sp.lower() < sp.estimate() && sp.estimate() < sp.upper(), "CI brackets S");
        CurvePoint hp = p.hazard(t);
        assertTrue(hp.lower() < hp.estimate() && hp.estimate() < hp.upper(), "CI brackets h");
    }

    /** Log-logistic mean e^{lp} pi sigma / sin(pi sigma) for sigma < 1; log-normal e^{lp + sigma^2/2}. */
    @Test
    void meansOfLogLogisticAndLogNormal() {
        SurvivalData lung = SurvivalData.csv(Oracle.data("lung")).time("time").event("status", "2").read();
        ParametricResult ll = ParametricRegression.withDefaults().withDistribution(Distribution.LOGLOGISTIC).fit(lung, "age");
        ParametricPrediction p = ll.predict(Map.of("age", 60));
        double s = ll.scales()[0];
        assertClose(Math.exp(p.linearPredictor()) * Math.PI * s / Math.sin(Math.PI * s), p.mean().getAsDouble(),
                1e-12, "log-logistic mean");
        ParametricResult ln = ParametricRegression.withDefaults().withDistribution(Distribution.LOGNORMAL).fit(lung, "age");
        ParametricPrediction q = ln.predict(Map.of("age", 60));
        double sl = ln.scales()[0];
        assertClose(Math.exp(q.linearPredictor() + sl * sl / 2), q.mean().getAsDouble(), 1e-12, "log-normal mean");
    }

    @Test
    void badInputNamesTheProblem() {
        ParametricResult fit = lungWeibull();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fit.predict(Map.of("age", 60)));
        assertTrue(e.getMessage().contains("'sex'"), e.getMessage());
        SurvivalData zero = SurvivalData.builder().time("t", new double[] {0, 1, 2}).event("d",
                new boolean[] {true, true, false}).build();
        IllegalArgumentException z = assertThrows(IllegalArgumentException.class,
                () -> ParametricRegression.withDefaults().fit(zero, "1"));
        assertTrue(z.getMessage().contains("column 't', row 1") && z.getMessage().contains("> 0"), z.getMessage());
    }

    static ParametricResult lungWeibull() {
        return ParametricRegression.withDefaults().fit(SurvivalData.csv(Oracle.data("lung")).time("time")
                .event("status", "2").read(), "age + sex");
    }

    static void assertClose(double expected, double actual, double rel, String what) {
        assertTrue(Math.abs(actual - expected) <= rel * Math.abs(expected),
                what + ": expected " + expected + " but was " + actual);
    }
}
