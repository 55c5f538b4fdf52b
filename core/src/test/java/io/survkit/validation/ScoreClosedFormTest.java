package io.survkit.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.data.SurvivalData;
import org.junit.jupiter.api.Test;

/**
 * Closed forms of {@link Score} without censoring (G = 1): AUC is the Mann-Whitney proportion of
 * (case, control) pairs with the case at higher risk (ties 1/2), the Brier score the mean of
 * (1{T &lt;= t} - r)^2, the null model's risk the empirical proportion of events by t.
 */
class ScoreClosedFormTest {
    private static final double[] TIME = {1, 2, 3, 4, 5, 6};
    private static final boolean[] EVENT = {true, true, true, true, true, true};
    private static final double[] RISK = {0.9, 0.4, 0.6, 0.4, 0.2, 0.1};

    private static SurvivalData data() {
        return SurvivalData.builder().time("t", TIME).event("e", EVENT).build();
    }

    @Test
    void uncensored() {
        ScoreResult r = Score.withDefaults().estimate(data(), new double[] {3.5}, RISK);
        // cases rows 1-3 (risk .9 .4 .6), controls rows 4-6 (.4 .2 .1): 3 + (2 + 1/2) + 3 = 8.5 of 9
        assertEquals(8.5 / 9, r.at(0).auc().value(), 1e-15);
        double brier = (0.01 + 0.36 + 0.16 + 0.16 + 0.04 + 0.01) / 6;
        assertEquals(brier, r.at(0).brier().value(), 1e-15);
        // null model: r = 1/2 for every row, (1/2)^2 each
        assertEquals(0.25, r.at(0).brierNull().value(), 1e-15);
        assertTrue(r.at(0).auc().standardError() > 0);
    }

    @Test
    void integratedBrierIsTheStepIntegral() {
        ScoreResult r = Score.withDefaults().estimate(data(), new double[] {2, 4}, RISK, RISK);
        // riskRegression: (1/4) * (0 * 2 + Brier(2) * (4 - 2))
        assertEquals(r.at(0).brier().value() * 2 / 4, r.integratedBrier(1), 1e-15);
        assertEquals(0, r.integratedBrier(0), 0);
    }

    @Test
    void badInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Score.withDefaults().estimate(data(), new double[] {3}, new double[] {0.1, 0.2, 1.5, 0, 0, 0}));
        assertTrue(e.getMessage().contains("row 3") && e.getMessage().contains("1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Score.withDefaults().estimate(data(), new double[] {10}, RISK));
        assertTrue(e.getMessage().contains("event-free"), e.getMessage());
    }
}
