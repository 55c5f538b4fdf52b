package io.survkit.compare;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.estimate.CumulativeIncidenceResult;
import io.survkit.regression.CoxRegression;
import org.junit.jupiter.api.Test;

/**
 * A K-sample test of so many groups that its K x K matrices cannot fit any heap fails at once with a
 * message saying what it needs (issue 12: OutOfMemoryError after minutes); the curves, which need
 * O(n) memory, are still computed. 200,000 groups: a 200,000^2 matrix is 320 GB.
 */
class ManyGroupsTest {
    private static final int GROUPS = 200_000;

    private static ModelFrame data(boolean causes) {
        return ModelFrame.of(rows(causes), "g");
    }

    private static SurvivalData rows(boolean causes) {
        int n = 2 * GROUPS;
        double[] t = new double[n];
        double[] status = new double[n];
        String[] g = new String[n];
        for (int i = 0; i < n; i++) {
            t[i] = 1 + (i * 7919L) % 1000;
            status[i] = i % 3;
            g[i] = Integer.toString(i % GROUPS);
        }
        SurvivalData.Builder b = SurvivalData.builder().time("t", t).text("g", g);
        return causes ? b.causes("s", status, 0).build() : b.event("s", status, 1, 2).build();
    }

    @Test
    void logRankSaysWhatItNeeds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogRankTest.withDefaults().test(data(false)));
        assertTrue(e.getMessage().contains("200000 groups") && e.getMessage().contains("needs")
                && e.getMessage().contains("heap"), e.getMessage());
    }

    @Test
    void coxFactorSaysWhatItNeeds() {
        SurvivalData d = rows(false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CoxRegression.withDefaults()
                .fit(ModelFrame.of(d, "factor(g)")));
        assertTrue(e.getMessage().contains("coefficients") && e.getMessage().contains("needs"), e.getMessage());
    }

    @Test
    void cumulativeIncidenceKeepsTheCurvesAndLeavesOutGraysTestWithAReason() {
        CumulativeIncidenceResult r = CumulativeIncidenceComparison.withDefaults().fit(data(true));
        assertFalse(r.test().isPresent());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("Gray's test of 200000 groups was not computed")),
                r.warnings().toString());
        assertThrows(IllegalArgumentException.class, () -> GrayTest.withDefaults().test(data(true)));
    }
}
