package io.survkit.parametric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The TSD 14 table: every distribution fitted to the same data, each row equal to its own fit
 * (survreg's rows to the R oracle-tested procedure), AIC = -2 loglik + 2k, nested fits ordered.
 */
class ModelComparisonTest {
    static SurvivalData lung() {
        return SurvivalData.csv(Oracle.data("lung")).time("time").event("status", "2").read();
    }

    @Test
    void tableHoldsEveryDistribution() {
        ModelComparisonResult r = ModelComparison.withDefaults().withHorizon(3000).fit(lung(), "1");
        List<String> names = r.rows().stream().map(ModelComparisonRow::distribution).toList();
        assertEquals(List.of("exponential", "weibull", "gompertz", "loglogistic", "lognormal", "gengamma"), names);
        assertTrue(r.failures().isEmpty(), r.failures().toString());
        for (ModelComparisonRow row : r.rows()) {
            assertEquals(-2 * row.logLikelihood() + 2 * row.parameters(), row.aic(), 1e-9, row.distribution());
            assertTrue(row.restrictedMean() > 0 && row.restrictedMean() < 3000, row.distribution());
            assertTrue(row.converged(), row.distribution());
        }
        ParametricResult w = ParametricRegression.withDefaults().fit(lung(), "1");
        ModelComparisonRow wr = r.rows().get(1);
        assertEquals(w.logLikelihood(), wr.logLikelihood(), 0);
        assertEquals(w.predict(java.util.Map.of()).quantile(0.5).time(), wr.median().getAsDouble(), 0);
        // nested: Weibull within the generalized gamma; exponential within the Weibull
        assertTrue(r.rows().get(5).logLikelihood() >= wr.logLikelihood() - 1e-8);
        assertTrue(wr.logLikelihood() >= r.rows().get(0).logLikelihood());
        assertTrue(r.toString().contains("RMST(3000)"), r.toString());
        assertTrue(r.toJson().contains("\"bestByAic\""), r.toJson());
    }
}
