package io.survkit.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.data.SurvivalData;
import org.junit.jupiter.api.Test;

/** Bad input and missing values in {@link Concordance}: messages by fragment, omitted rows counted. */
class ConcordanceInputTest {
    private static SurvivalData data() {
        return SurvivalData.builder().time("t", new double[] {1, 2, 3, 4}).event("e", new boolean[] {true, true, false, true})
                .build();
    }

    @Test
    void lengthMustMatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Concordance.withDefaults().estimate(data(), new double[] {1, 2}));
        assertTrue(e.getMessage().contains("2 values") && e.getMessage().contains("4 rows"), e.getMessage());
    }

    @Test
    void missingPredictorIsOmittedAndCounted() {
        ConcordanceResult r = Concordance.withDefaults().estimate(data(), new double[] {1, Double.NaN, 3, 4});
        assertEquals(3, r.size());
        assertEquals(1, r.omittedRows());
        assertTrue(r.toString().startsWith("n=3 (1 observation deleted due to missingness)"), r.toString());
    }

    @Test
    void noComparablePair() {
        SurvivalData d = SurvivalData.builder().time("t", new double[] {1, 2}).event("e", new boolean[] {false, true})
                .build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Concordance.withDefaults().estimate(d, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("no comparable pairs"), e.getMessage());
    }

    @Test
    void censoringWeightsNeedRightCensoredData() {
        SurvivalData d = SurvivalData.builder().start("s", new double[] {0, 0, 1}).time("t", new double[] {1, 2, 3})
                .event("e", new boolean[] {true, true, true}).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Concordance.withDefaults().withTimeWeight(TimeWeight.UNO).estimate(d, new double[] {1, 2, 3}));
        assertTrue(e.getMessage().contains("n/G2") && e.getMessage().contains("(start, stop]"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Concordance.withDefaults().withTimeWeight(TimeWeight.SURVIVAL).estimate(d, new double[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> TimeWeight.fromR("G"));
    }
}
