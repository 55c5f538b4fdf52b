package io.survkit.arms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Hand-computed balance and weight cases. */
class BalanceAndWeightsTest {
    @Test
    void smdByHand() {
        // treated x = 1, 2, 3 (mean 2, var 1); controls x = 2, 4 (mean 3, var 2): SMD = -1 / sqrt(1.5)
        boolean[] t = {true, true, true, false, false};
        double[][] x = {{1, 2, 3, 2, 4}};
        BalanceResult b = Balance.withDefaults().estimate(t, x, new String[] {"x"}, null, BalanceResult.Adjustment.NONE);
        assertEquals(-1 / Math.sqrt(1.5), b.smdBefore()[0], 1e-15);
        assertTrue(b.smdAfter().isEmpty());
        // weights 1 on a subset = the plain formula on that subset: treated 1, 3 (mean 2, var 2), controls 2, 4
        double[] w = {1, 0, 1, 1, 1};
        BalanceResult a = Balance.withDefaults().estimate(t, x, new String[] {"x"}, w, BalanceResult.Adjustment.MATCHED);
        assertEquals(-1 / Math.sqrt(2), a.smdAfter().orElseThrow()[0], 1e-15);
        // weight 2 equals a duplicated row in the means
        double[] w2 = {2, 1, 1, 1, 1};
        BalanceResult d = Balance.withDefaults().estimate(t, x, new String[] {"x"}, w2, BalanceResult.Adjustment.WEIGHTED);
        assertEquals(1.75, d.meanTreatedAfter().orElseThrow()[0], 1e-15);
        assertTrue(d.toString().contains("SMD weighted"), d.toString());
    }

    @Test
    void ateWeightsStabilisedAndTruncated() {
        boolean[] t = {true, true, false, false};
        double[] e = {0.5, 0.25, 0.5, 0.8};
        InverseProbabilityWeightsResult w = InverseProbabilityWeights.withDefaults().estimate(t, e);
        assertArrayEquals(new double[] {2, 4, 2, 5}, w.weights(), 1e-15);
        InverseProbabilityWeightsResult s = InverseProbabilityWeights.withDefaults().withStabilization(Stabilization.STABILIZED)
                .estimate(t, e);
        assertArrayEquals(new double[] {1, 2, 1, 2.5}, s.weights(), 1e-15);
        InverseProbabilityWeightsResult m = InverseProbabilityWeights.withDefaults().withMaximumWeight(3).estimate(t, e);
        assertArrayEquals(new double[] {2, 3, 2, 3}, m.weights(), 1e-15);
        assertEquals(2, m.truncatedCount());
        // percentiles (type 7) of {2, 2, 4, 5}: 10 % = 2, 90 % = 4.7
        InverseProbabilityWeightsResult p = InverseProbabilityWeights.withDefaults().withTruncation(10, 90).estimate(t, e);
        assertArrayEquals(new double[] {2, 4, 2, 4.7}, p.weights(), 1e-12);
        assertEquals(6, p.sum(true), 1e-12);
        assertEquals(36.0 / 20, p.effectiveSampleSize(true), 1e-12);
        assertTrue(p.toString().contains("effective n"), p.toString());
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> InverseProbabilityWeights.withDefaults().estimate(t, new double[] {0.5, 1.0, 0.5, 0.5}));
        assertTrue(ex.getMessage().contains("row 2"), ex.getMessage());
    }

    @Test
    void separationIsReportedWithAdvice() {
        boolean[] t = {false, false, false, true, true, true};
        double[][] x = {{1, 2, 3, 4, 5, 6}};
        var fit = io.survkit.regression.LogisticRegression.withDefaults().fit(t, x, new String[] {"x"});
        assertTrue(fit.warnings().stream().anyMatch(s -> s.contains("numerically 0 or 1")), fit.warnings().toString());
        assertTrue(fit.toString().contains("Warning"), fit.toString());
    }
}
