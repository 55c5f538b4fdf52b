package io.survkit.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.DefectReference;
import io.survkit.oracle.Oracle;
import org.junit.jupiter.api.Test;

/**
 * Case weights of any scale: R's default variance with case weights (the infinitesimal jackknife)
 * does not change when every weight is multiplied by c. Reference: reference/defects_issue12.R,
 * cases km_weights and km_weights_1e_160 (issue 12: x 1e-160 gave null SEs and CIs).
 */
class KaplanMeierWeightScaleTest {

    private static ModelFrame lung(double scale) {
        SurvivalData base = SurvivalData.csv(Oracle.data("lung")).time("time").event("status", "2").read();
        int n = base.rowCount();
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = (0.5 + ((base.sourceRow(i)) % 7) / 4.0) * scale; // R: 0.5 + (seq_len(nrow(lung)) %% 7) / 4
        }
        return ModelFrame.of(base.withWeights("w", w), "1");
    }

    private static void check(String caseName, double scale) {
        JsonNode c = DefectReference.get(caseName);
        LandmarkSummary s = KaplanMeier.withDefaults().fit(lung(scale)).curve(0).at(100, 300, 500);
        for (int i = 0; i < 3; i++) {
            String where = caseName + " t=" + s.time(i);
            Oracle.assertNumber(c.get("nRisk").get(i), s.numberAtRisk(i), where + " nRisk");
            Oracle.assertNumber(c.get("surv").get(i), s.survival(i), where + " surv");
            Oracle.assertNumber(c.get("stdErr").get(i), s.standardError(i), where + " stdErr");
            Oracle.assertNumber(c.get("lower").get(i), s.lower(i), where + " lower");
            Oracle.assertNumber(c.get("upper").get(i), s.upper(i), where + " upper");
        }
    }

    @Test
    void weightsAsGivenMatchR() {
        check("km_weights", 1);
    }

    @Test
    void weightsTimes1eMinus160MatchR() {
        check("km_weights_1e_160", 1e-160);
    }

    @Test
    void wholeNumberWeightsTimes1e300AreFrequenciesWithoutOverflow() {
        // w * 1e300 are whole numbers, so R and survkit use Greenwood with the weights as frequencies; its
        // variance sum d / (n (n - d)) scales as 1 / c, so the standard error is R's km_weights_greenwood
        // one / 1e150. R itself prints 0 here (n (n - d) overflows); survkit computes (d / n) / (n - d).
        JsonNode c = DefectReference.get("km_weights_greenwood");
        LandmarkSummary s = KaplanMeier.withDefaults().fit(lung(1e300)).curve(0).at(100, 300, 500);
        for (int i = 0; i < 3; i++) {
            Oracle.assertNumber(c.get("surv").get(i), s.survival(i), "x1e300 surv");
            double expected = c.get("stdErr").get(i).asDouble() / 1e150;
            org.junit.jupiter.api.Assertions.assertEquals(expected, s.standardError(i), 1e-9 * expected,
                    "x1e300 stdErr");
        }
    }
}
