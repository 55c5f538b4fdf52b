package io.survkit.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the data splitting and the time-transform expansion (closed forms): splitting
 * rows into (start, stop] pieces at any cut points leaves the Cox partial likelihood, hence the
 * fit, unchanged (each piece is at risk exactly where its row was); a tt() term whose function is
 * f(x, t) = x is the ordinary covariate; 1e-9 relative.
 */
class CoxSplitPropertiesTest {
    private static final SurvivalData VETERAN = SurvivalData.csv(Oracle.data("veteran")).time("time")
            .event("status", "1").read();
    private static final CoxResult WHOLE = CoxRegression.withDefaults().fit(VETERAN, "trt + karno + prior");

    @Property(seed = "13", tries = 25)
    void splittingAtAnyCutsKeepsTheFit(@ForAll @Size(min = 1, max = 4) double[] cuts) {
        double[] c = new double[cuts.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = Math.abs(cuts[i]) % 1000;
        }
        SurvivalData split = VETERAN.splitAt(c, "episode");
        assertTrue(split.rowCount() >= VETERAN.rowCount());
        CoxResult f = CoxRegression.withDefaults().fit(split, "trt + karno + prior");
        close(WHOLE.coefficients(), f.coefficients());
        close(new double[] {WHOLE.logLikelihood(), WHOLE.logLikelihoodNull()},
                new double[] {f.logLikelihood(), f.logLikelihoodNull()});
        close(WHOLE.standardErrors(), f.standardErrors());
        assertEquals(WHOLE.events(), f.events());
    }

    @Test
    void theIdentityTransformIsTheCovariate() {
        CoxResult tt = CoxRegression.withDefaults().withTimeTransform(TimeTransformFunction.of("x", (x, t) -> x))
                .fit(VETERAN, "trt + tt(karno) + prior");
        close(WHOLE.coefficients(), tt.coefficients());
        close(new double[] {WHOLE.logLikelihood()}, new double[] {tt.logLikelihood()});
        assertEquals(WHOLE.size(), tt.size());
    }

    private static void close(double[] e, double[] a) {
        assertEquals(e.length, a.length);
        for (int i = 0; i < e.length; i++) {
            assertTrue(Math.abs(e[i] - a[i]) <= 1e-9 * Math.max(1, Math.abs(e[i])), e[i] + " vs " + a[i]);
        }
    }
}
