package io.survkit.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Step-function time-varying coefficients through {@link SurvivalData#splitAt} against R survival
 * 3.5-3 (regression/tt/tt.R, {@code split}): veteran split at 90 and 180 days as R's
 * {@code survSplit(Surv(time, status) ~ ., cut = c(90, 180), episode = "tgroup")} (every row's
 * pieces, entry and exit times, status and episode), and the Cox model with one karno coefficient
 * per episode on the split data; 1e-9 relative.
 */
class CoxStepCoefficientTest {
    @Test
    void splitAndFitEqualR() throws IOException {
        JsonNode r = CoxTimeTransformTest.json().get("split");
        SurvivalData vet = SurvivalData.csv(Oracle.data("veteran")).time("time").event("status", "1").read();
        SurvivalData split = vet.splitAt(new double[] {180, 90, 90}, "tgroup");
        int m = split.rowCount();
        assertEquals(r.get("rows").asInt(), m);
        Oracle.assertNumbers(r.get("tstart"), split.numbers("tstart"), "tstart");
        Oracle.assertNumbers(r.get("tstop"), split.numbers("time"), "tstop");
        Oracle.assertNumbers(r.get("tgroup"), split.numbers("tgroup"), "tgroup");
        int[] st = split.statuses();
        for (int i = 0; i < m; i++) {
            assertEquals(r.get("status").get(i).asInt(), st[i], "status " + i);
            assertEquals(r.get("id").get(i).asInt(), split.sourceRow(i), "source row " + i);
        }
        double[] karno = split.numbers("karno");
        double[] g = split.numbers("tgroup");
        for (int e = 1; e <= 3; e++) {
            double[] v = new double[m];
            for (int i = 0; i < m; i++) {
                v[i] = g[i] == e ? karno[i] : 0;
            }
            split = split.withNumeric("karno" + e, v);
        }
        CoxResult fit = CoxRegression.withDefaults().fit(split, "trt + prior + karno1 + karno2 + karno3");
        CoxTimeTransformTest.assertFit(r, fit, r.get("rCall").asText());
    }

    @Test
    void badCutsAreNamed() {
        SurvivalData vet = SurvivalData.csv(Oracle.data("veteran")).time("time").event("status", "1").read();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> vet.splitAt(new double[] {Double.NaN}, "tgroup"));
        assertTrue(e.getMessage().contains("cut point 1 is NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> vet.splitAt(new double[] {10}, "karno"));
        assertTrue(e.getMessage().contains("column 'karno' exists"), e.getMessage());
    }
}
