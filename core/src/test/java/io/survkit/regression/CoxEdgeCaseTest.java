package io.survkit.regression;

import io.survkit.data.ModelFrame;
import static io.survkit.regression.CoxClosedFormTest.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import org.junit.jupiter.api.Test;

/**
 * The oracle's edge data sets through {@code coxph(Surv(time, status == 1) ~ group)} (R 4.2.2,
 * survival 3.5-3; values printed with {@code sprintf("%.17g")}).
 */
class CoxEdgeCaseTest {
    private static ModelFrame edge(String name) {
        return ModelFrame.of(SurvivalData.csv(Oracle.data(name)).time("time").event("status", "1").read(), "factor(group, ref = A)");
    }

    /** Events at time 0: coef -0.18701464196275891, iter 3, loglik -32.61161861641321, -32.559562798730617, se 0.57918132572251602. */
    @Test
    void eventsAtTimeZero() {
        CoxResult f = CoxRegression.withDefaults().fit(edge("edge_time0"));
        close(-0.18701464196275891, f.coefficients()[0], 1e-9, "coef");
        assertEquals(3, f.iterations());
        close(-32.61161861641321, f.logLikelihoodNull(), 1e-12, "loglik null");
        close(-32.559562798730617, f.logLikelihood(), 1e-12, "loglik");
        close(0.57918132572251602, f.standardErrors()[0], 1e-9, "se");
    }

    /** All of group A's events tied at 6: coef -1.5006412286564952, iter 4, loglik -36.183809263570325, -33.252578629129793, se 0.64661384068446393. */
    @Test
    void manyEventsAtOneTime() {
        CoxResult f = CoxRegression.withDefaults().fit(edge("edge_sametime"));
        close(-1.5006412286564952, f.coefficients()[0], 1e-9, "coef");
        assertEquals(4, f.iterations());
        close(-36.183809263570325, f.logLikelihoodNull(), 1e-12, "loglik null");
        close(-33.252578629129793, f.logLikelihood(), 1e-12, "loglik");
        close(0.64661384068446393, f.standardErrors()[0], 1e-9, "se");
    }

    /**
     * A single event: the likelihood is monotone. R: "Ran out of iterations and did not converge",
     * coef -21.202894770746781, iter 21, loglik -1.3862943611198906, -0.69314718117895835,
     * se 40192.970092432013.
     */
    @Test
    void singleEventIsMonotone() {
        CoxResult f = CoxRegression.withDefaults().fit(edge("edge_oneevent"));
        assertFalse(f.converged());
        assertTrue(f.warnings().get(0).startsWith("Ran out of iterations"), f.warnings().toString());
        close(-21.202894770746781, f.coefficients()[0], 1e-8, "coef");
        assertEquals(21, f.iterations());
        close(-1.3862943611198906, f.logLikelihoodNull(), 1e-12, "loglik null");
        close(-0.69314718117895835, f.logLikelihood(), 1e-9, "loglik");
        close(40192.970092432013, f.standardErrors()[0], 1e-6, "se");
    }

    @Test
    void dataTheModelCannotUse() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CoxRegression.withDefaults().fit(edge("edge_allcens")));
        assertTrue(e.getMessage().contains("no events"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CoxRegression.withDefaults().fit(edge("edge_single")));
        assertTrue(e.getMessage().contains("single level"), e.getMessage());
    }
}
