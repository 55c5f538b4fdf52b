package io.survkit.regression;

import io.survkit.data.ModelFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.data.SurvivalData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tiny data sets whose partial likelihood is written out by hand, plus the behaviour R shows on
 * separated (monotone-likelihood), non-converging and collinear data, and argument validation.
 */
class CoxClosedFormTest {
    private static final double TOL = 1e-12;

    static void close(double expected, double actual, double rel, String what) {
        assertTrue(Math.abs(actual - expected) <= rel * Math.max(1, Math.abs(expected)),
                () -> what + ": expected " + expected + " but was " + actual);
    }

    /**
     * Four events at times 1..4, x = (1, 0, 1, 0): loglik(b) = 2b - log(2e^b + 2) - log(e^b + 2)
     * - log(e^b + 1); the score 2 - 2u/(u+1) - u/(u+2) (u = e^b) vanishes at u^2 - u - 4 = 0, so
     * b = log((1 + sqrt 17)/2); information 2u/(u+1)^2 + 2u/(u+2)^2.
     */
    @Test
    void fourEventsNoTies() {
        ModelFrame d = ModelFrame.of(SurvivalData.builder().time("t", new double[] {1, 2, 3, 4})
                .event("e", new boolean[] {true, true, true, true}).numeric("x", new double[] {1, 0, 1, 0}).build(), "x");
        for (TieMethod ties : TieMethod.values()) {
            CoxResult f = CoxRegression.withDefaults().withTies(ties).fit(d);
            double u = (1 + Math.sqrt(17)) / 2;
            double b = Math.log(u);
            close(b, f.coefficients()[0], 1e-9, "coef");
            double ll = 2 * b - Math.log(2 * u + 2) - Math.log(u + 2) - Math.log(u + 1);
            close(ll, f.logLikelihood(), 1e-12, "loglik");
            close(-Math.log(24), f.logLikelihoodNull(), TOL, "loglik null");
            double info = 2 * u / ((u + 1) * (u + 1)) + 2 * u / ((u + 2) * (u + 2));
            close(1 / Math.sqrt(info), f.standardErrors()[0], 1e-9, "se");
            // score test at 0: U = 2 - 1/2 - 1/3 - 1/2 = 2/3; I = 2/4 + 2/9
            double i0 = 0.5 + 2.0 / 9;
            close((4.0 / 9) / i0, f.scoreTest().statistic(), TOL, "score test");
            close(2 * (ll + Math.log(24)), f.likelihoodRatioTest().statistic(), 1e-11, "lrt");
            close(f.coefficients()[0] * f.coefficients()[0] * info, f.waldTest().statistic(), 1e-9, "wald");
            assertTrue(f.converged());
            assertEquals(1, f.likelihoodRatioTest().degreesOfFreedom());
        }
    }

    /**
     * Two tied events at t = 1 (x = 1 and 0) and one censored at 2 (x = 0). With D = e^b + 2:
     * Breslow loglik = b - 2 log D; Efron loglik = b - log D - log(D - (e^b + 1)/2).
     */
    @Test
    void tiedPairEfronAndBreslow() {
        ModelFrame d = ModelFrame.of(SurvivalData.builder().time("t", new double[] {1, 1, 2})
                .event("e", new boolean[] {true, true, false}).numeric("x", new double[] {1, 0, 0}).build(), "x");
        CoxResult br = CoxRegression.withDefaults().withTies(TieMethod.BRESLOW).fit(d);
        CoxResult ef = CoxRegression.withDefaults().fit(d);
        close(-2 * Math.log(3), br.logLikelihoodNull(), TOL, "breslow null");
        close(-Math.log(3) - Math.log(2), ef.logLikelihoodNull(), TOL, "efron null");
        // Breslow: score 1 - 2u/(u+2) = 0 -> u = 2
        close(Math.log(2), br.coefficients()[0], 1e-9, "breslow coef");
        close(Math.log(2) - 2 * Math.log(4), br.logLikelihood(), 1e-12, "breslow loglik");
        // Efron: score 1 - u/(u+2) - (u/2)/(u/2 + 3/2) = 0 -> u^2 + u - 6 = 0 ... u = 2 as well
        double b = ef.coefficients()[0];
        double u = Math.exp(b);
        close(0, 1 - u / (u + 2) - u / (u + 3), 1e-9, "efron score at the estimate");
        close(b - Math.log(u + 2) - Math.log(u + 2 - (u + 1) / 2), ef.logLikelihood(), 1e-12, "efron loglik");
        // baseline hazard at x = 0, t = 1: Breslow 2/(u+2); Efron 1/(u+2) + 1/(u+2 - (u+1)/2)
        close(2 / (2.0 + 2), br.prediction().baselineHazard().cumulativeHazard(0), 1e-9, "breslow basehaz");
        close(1 / (u + 2) + 1 / (u + 2 - (u + 1) / 2), ef.prediction().baselineHazard().cumulativeHazard(0), 1e-9,
                "efron basehaz");
        // martingale residuals sum to zero
        double sum = 0;
        for (double m : ef.residuals().martingale()) {
            sum += m;
        }
        close(0, sum, 1e-12, "sum of martingale residuals");
    }

    /** Two identical strata: same coefficient, twice the log-likelihood. */
    @Test
    void strataDoubleTheLikelihood() {
        double[] t = {1, 2, 3, 4, 1, 2, 3, 4};
        boolean[] e = {true, true, true, true, true, true, true, true};
        double[] x = {1, 0, 1, 0, 1, 0, 1, 0};
        String[] s = {"a", "a", "a", "a", "b", "b", "b", "b"};
        ModelFrame d = ModelFrame.of(SurvivalData.builder().time("t", t).event("e", e).numeric("x", x).text("s", s).build(), "x + strata(s)");
        CoxResult f = CoxRegression.withDefaults().fit(d);
        double u = (1 + Math.sqrt(17)) / 2;
        close(Math.log(u), f.coefficients()[0], 1e-9, "coef");
        close(2 * (2 * Math.log(u) - Math.log(2 * u + 2) - Math.log(u + 2) - Math.log(u + 1)), f.logLikelihood(),
                1e-12, "loglik");
        assertEquals(List.of("a", "a", "a", "a", "b", "b", "b", "b"), f.prediction().baselineHazard().strata().orElseThrow());
    }

    /**
     * Events only among x = 1 first: the likelihood increases without bound. R 3.5-3 runs out of
     * iterations: {@code coxph(Surv(t, s) ~ x + z)} gives x = 22.0842256494820042,
     * z = 1.3300750168511377, iter 21, loglik -1.6921720600803773; with {@code iter.max = 3}:
     * 5.0084664810636905, 1.2915458525421575, iter 4, loglik -1.7424642551930267.
     */
    @Test
    void monotoneLikelihoodIsReportedNotThrown() {
        ModelFrame d = ModelFrame.of(SurvivalData.builder().time("t", new double[] {1, 2, 3, 4, 5, 6})
                .event("s", new boolean[] {true, true, true, false, true, false})
                .numeric("x", new double[] {1, 1, 1, 0, 0, 0}).numeric("z", new double[] {0.5, 1.2, -0.3, 0.8, 0.1, -1})
                .build(), "x + z");
        CoxResult f = CoxRegression.withDefaults().fit(d);
        assertFalse(f.converged());
        close(22.0842256494820042, f.coefficients()[0], 1e-8, "x");
        close(1.3300750168511377, f.coefficients()[1], 1e-8, "z");
        close(-1.6921720600803773, f.logLikelihood(), 1e-8, "loglik");
        assertEquals(21, f.iterations());
        assertTrue(f.warnings().get(0).contains("did not converge"), f.warnings().toString());
        assertTrue(f.toString().contains("Warning"));
        CoxResult g = CoxRegression.withDefaults().withMaxIterations(3).fit(d);
        close(5.0084664810636905, g.coefficients()[0], 1e-8, "x, 3 iterations");
        close(1.2915458525421575, g.coefficients()[1], 1e-8, "z, 3 iterations");
        close(-1.7424642551930267, g.logLikelihood(), 1e-8, "loglik, 3 iterations");
        assertEquals(4, g.iterations());
    }

    /** A covariate that separates all events converges in log-likelihood with a huge coefficient: flagged. */
    @Test
    void separatedCovariateIsFlaggedInfinite() {
        ModelFrame d = ModelFrame.of(SurvivalData.builder().time("t", new double[] {1, 2, 3, 4, 5, 6, 7, 8})
                .event("s", new boolean[] {true, true, true, true, false, false, false, false})
                .numeric("x", new double[] {1, 1, 1, 1, 0, 0, 0, 0}).build(), "x");
        CoxResult f = CoxRegression.withDefaults().withMaxIterations(30).fit(d);
        assertTrue(f.coefficients()[0] > 5, "coefficient runs away: " + f.coefficients()[0]);
        assertTrue(!f.converged() || f.possiblyInfinite().contains("x"), f.warnings().toString());
        assertFalse(f.warnings().isEmpty());
    }

    /** z and 2z: R gives z a coefficient and x2 NA; here NaN with a warning, and the rest still works. */
    @Test
    void collinearColumnGetsNoCoefficient() {
        double[] z = {0.5, 1.2, -0.3, 0.8, 0.1, -1};
        double[] z2 = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            z2[i] = 2 * z[i];
        }
        ModelFrame d = ModelFrame.of(SurvivalData.builder().time("t", new double[] {1, 2, 3, 4, 5, 6})
                .event("s", new boolean[] {true, true, true, false, true, false}).numeric("z", z).numeric("x2", z2)
                .build(), "z + x2");
        CoxResult f = CoxRegression.withDefaults().fit(d);
        // R: coef(z) 1.040381, var[1,1] 0.7976548
        close(1.040381, f.coefficients()[0], 1e-6, "z");
        close(Math.sqrt(0.7976548), f.standardErrors()[0], 1e-6, "se z");
        assertTrue(Double.isNaN(f.coefficients()[1]));
        assertEquals(0.0, f.standardErrors()[1], "R: summary(fit)$coef['x2', 'se(coef)'] is 0 (issue 12)");
        assertEquals(1, f.likelihoodRatioTest().degreesOfFreedom());
        assertTrue(f.warnings().get(0).contains("singular"), f.warnings().toString());
        assertEquals(2, ProportionalHazardsTest.withDefaults().test(f).global().degreesOfFreedom() + 1);
    }

    @Test
    void validation() {
        SurvivalData noCov = SurvivalData.builder().time("t", new double[] {1, 2}).event("e", new boolean[] {true, false})
                .build();
        // the null model ~ 1 is R's coxph(Surv(t, e) ~ 1): one event with two at risk, loglik = log(1/2)
        CoxResult nullModel = CoxRegression.withDefaults().fit(noCov, "1");
        assertEquals(0, nullModel.coefficientCount());
        assertEquals(Math.log(0.5), nullModel.logLikelihood(), 1e-15);
        IllegalArgumentException ex;

        ModelFrame noEvents = ModelFrame.of(SurvivalData.builder().time("t", new double[] {1, 2}).event("e", new boolean[] {false, false})
                .numeric("x", new double[] {1, 2}).build(), "x");
        ex = assertThrows(IllegalArgumentException.class, () -> CoxRegression.withDefaults().fit(noEvents));
        assertTrue(ex.getMessage().contains("no events"), ex.getMessage());

        ModelFrame zeroWeight = ModelFrame.of(SurvivalData.builder().time("t", new double[] {1, 2, 3})
                .event("e", new boolean[] {true, true, false}).numeric("x", new double[] {1, 2, 3})
                .weights("w", new double[] {1, 0, 1}).build(), "x");
        ex = assertThrows(IllegalArgumentException.class, () -> CoxRegression.withDefaults().fit(zeroWeight));
        assertTrue(ex.getMessage().contains("column 'w', row 2") && ex.getMessage().contains("> 0"), ex.getMessage());

        ModelFrame ok = ModelFrame.of(okData(), "x");
        ex = assertThrows(IllegalArgumentException.class,
                () -> CoxRegression.withDefaults().fit(okData(), "x + x:y"));
        assertTrue(ex.getMessage().contains("unknown column 'y'"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CoxRegression.withDefaults().withConfidenceLevel(1.5));
        assertThrows(IllegalArgumentException.class, () -> CoxRegression.withDefaults().withMaxIterations(-1));
        assertThrows(IllegalArgumentException.class, () -> CoxRegression.withDefaults().withTolerance(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> CoxRegression.withDefaults().withTies(null));

        ModelFrame counting = ModelFrame.of(SurvivalData.builder().start("t0", new double[] {0, 0, 1}).time("t", new double[] {1, 2, 3})
                .event("e", new boolean[] {true, true, false}).numeric("x", new double[] {1, 2, 3}).build(), "x");
        ex = assertThrows(IllegalArgumentException.class,
                () -> CoxRegression.withDefaults().withVariance(CoxVariance.ROBUST).fit(counting));
        assertTrue(ex.getMessage().contains("needs a cluster column"), ex.getMessage());

        CoxResult f = CoxRegression.withDefaults().fit(ok);
        ex = assertThrows(IllegalArgumentException.class, () -> f.prediction().survivalCurve(1, 2));
        assertTrue(ex.getMessage().contains("needs 1 values"), ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class, () -> f.prediction().modelRow(Map.of("x", "abc")));
        assertTrue(ex.getMessage().contains("not a number"), ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class, () -> f.prediction().modelRow(Map.of()));
        assertTrue(ex.getMessage().contains("no value given for covariate 'x'"), ex.getMessage());
    }

    @Test
    void defaultsAndToString() {
        CoxRegression c = CoxRegression.withDefaults();
        assertEquals(TieMethod.EFRON, c.ties());
        assertEquals(CoxVariance.AUTO, c.variance());
        assertEquals(0.95, c.confidenceLevel());
        assertEquals(20, c.maxIterations());
        assertEquals(1e-9, c.tolerance());
        ModelFrame d = ModelFrame.of(SurvivalData.builder().time("t", new double[] {1, 2, 3, 4})
                .event("e", new boolean[] {true, true, true, true}).numeric("x", new double[] {1, 0, 1, 0}).build(), "x");
        String s = c.fit(d).toString();
        assertTrue(s.contains("n= 4, number of events= 4"), s);
        assertTrue(s.contains("exp(coef)") && s.contains("lower .95") && s.contains("Concordance="), s);
        assertTrue(s.contains("Likelihood ratio test=") && s.contains("Score (logrank) test ="), s);
    }

    private static SurvivalData okData() {
        return SurvivalData.builder().time("t", new double[] {1, 2, 3})
                .event("e", new boolean[] {true, true, false}).numeric("x", new double[] {1, 2, 3}).build();
    }
}
