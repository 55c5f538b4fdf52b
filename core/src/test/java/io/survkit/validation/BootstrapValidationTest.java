package io.survkit.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import io.survkit.regression.CoxRegression;
import io.survkit.regression.CoxResult;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link BootstrapValidation} (issue 17): the same seed gives bit-identical results
 * whatever the thread count; B = 1 is the identity corrected = apparent - (training - test) of that
 * one replicate; the apparent indices are the plain fit's (C = Cox's concordance, which equals R
 * coxph's, slope 1); Dxy = 2C - 1 throughout.
 */
class BootstrapValidationTest {
    private static final String F = "age + sex + factor(ph.ecog, ref = 0)";

    static SurvivalData lung() {
        return SurvivalData.csv(Oracle.data("lung")).time("time").event("status", "2").read();
    }

    @Test
    void sameSeedSameResultWhateverTheThreads() {
        SurvivalData d = lung();
        BootstrapValidation v = BootstrapValidation.withDefaults().withReplicates(24).withSeed(2026);
        ValidationResult one = v.withThreads(1).validate(d, F);
        ValidationResult two = v.withThreads(2).validate(d, F);
        ValidationResult four = v.withThreads(4).validate(d, F);
        assertEquals(one.indices(), two.indices()); // records: exact double equality
        assertEquals(one.indices(), four.indices());
        assertEquals(one.toJson(), two.toJson());
        ValidationResult other = v.withSeed(2027).withThreads(2).validate(d, F);
        assertNotEquals(one.index("C").test(), other.index("C").test());
    }

    @Test
    void oneReplicateIsTheIdentity() {
        SurvivalData d = lung();
        ValidationResult r = BootstrapValidation.withDefaults().withReplicates(1).withSeed(7).validate(d, F);
        for (ValidationIndex v : r.indices()) {
            assertEquals(v.training() - v.test(), v.optimism(), 0, v.name());
            assertEquals(v.apparent() - v.optimism(), v.corrected(), 0, v.name());
            assertEquals(1, v.replicates() + r.replicatesFailed());
        }
        // the replicate by hand: its rows, a refit, the refit's C in the resample
        SurvivalData complete = d.rows(io.survkit.data.ModelFrame.of(d, F).dataRows());
        CoxResult boot = CoxRegression.withDefaults().fit(complete.rows(Resampling.indices(complete.rowCount(), 7, 0)), F);
        assertEquals(boot.concordance(), r.index("C").training(), 0);
        assertEquals(1, r.index("Slope").training(), 0);
    }

    @Test
    void apparentIsThePlainFit() {
        SurvivalData d = lung();
        ValidationResult r = BootstrapValidation.withDefaults().withReplicates(8).validate(d, F);
        CoxResult fit = CoxRegression.withDefaults().fit(d, F);
        assertEquals(fit.concordance(), r.index("C").apparent(), 0);
        assertEquals(2 * fit.concordance() - 1, r.index("Dxy").apparent(), 1e-15);
        assertEquals(1, r.index("Slope").apparent(), 0);
        ValidationIndex c = r.index("C");
        assertEquals(2 * c.test() - 1, r.index("Dxy").test(), 1e-15);
        // optimism is positive on average for a fitted model (overfitting); test slope below 1
        assertTrue(c.optimism() > 0, "optimism " + c.optimism());
        assertTrue(r.index("Slope").test() < 1, "test slope " + r.index("Slope").test());
    }

    @Test
    void badOptions() {
        assertThrows(IllegalArgumentException.class, () -> BootstrapValidation.withDefaults().withReplicates(0));
        assertThrows(IllegalArgumentException.class, () -> BootstrapValidation.withDefaults().withThreads(0));
    }
}
