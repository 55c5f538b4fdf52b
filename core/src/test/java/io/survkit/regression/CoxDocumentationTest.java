package io.survkit.regression;

import io.survkit.data.ModelFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The javadoc examples of the regression package, run. */
class CoxDocumentationTest {
    @Test
    void packageExample() {
        ModelFrame vet = ModelFrame.of(SurvivalData.csv(Oracle.data("veteran"))
                .time("time").event("status", "1")
                
                .read(), "trt + karno + factor(celltype, ref = squamous)");
        CoxResult fit = CoxRegression.withDefaults().fit(vet);
        assertTrue(fit.toString().contains("celltypesmallcell"));
        ProportionalHazardsResult zph = ProportionalHazardsTest.withDefaults().test(fit);
        assertEquals(List.of("trt", "karno", "celltype"), zph.terms());
        assertTrue(zph.toString().contains("GLOBAL"));
    }

    @Test
    void coxRegressionExample() {
        ModelFrame lung = ModelFrame.of(SurvivalData.csv(Oracle.data("lung"))
                .time("time").event("status", "2").read(), "age + sex");
        CoxResult fit = CoxRegression.withDefaults().fit(lung);
        double hrSex = fit.hazardRatios()[1];
        assertEquals(0.5985659804067914, hrSex, 1e-9);
        CoxPrediction pr = fit.prediction();
        PredictedSurvival curve = pr.survivalCurve(pr.modelRow(Map.of("age", "60", "sex", "2")));
        double s = curve.survivalAt(365);
        assertTrue(s > 0.3 && s < 0.6, "S(365) = " + s);
        assertTrue(curve.toString().contains("cumhaz"));
        BaselineHazard h0 = fit.prediction().baselineHazard();
        assertEquals(h0.size(), curve.size());
        assertTrue(fit.likelihoodRatioTest().toString().startsWith("chisq = "));
    }
}
