package io.survkit.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.data.SurvivalData;
import org.junit.jupiter.api.Test;

/** Bad new data for {@link CoxPrediction#predict}: messages name the column, row and value; missing rows are counted. */
class CoxPredictionInputTest {
    private static final SurvivalData DATA = SurvivalData.builder().time("t", new double[] {1, 2, 3, 4, 5, 6, 7, 8})
            .event("s", new double[] {1, 1, 0, 1, 1, 0, 1, 1}, 1)
            .numeric("x", new double[] {0.5, 1.5, 0.2, 2.0, 1.1, 0.3, 0.9, 1.7})
            .text("g", new String[] {"a", "b", "c", "a", "b", "c", "a", "b"})
            .text("st", new String[] {"u", "u", "u", "u", "v", "v", "v", "v"}).build();
    private static final CoxResult FIT = CoxRegression.withDefaults().fit(DATA, "x + factor(g) + strata(st)");

    private static SurvivalData newRows(double[] x, String[] g, String[] st) {
        return SurvivalData.builder().time("t", new double[x.length]).event("s", new double[x.length], 1)
                .numeric("x", x).text("g", g).text("st", st).build();
    }

    @Test
    void anUnknownLevelNamesColumnRowAndLevels() {
        SurvivalData nd = newRows(new double[] {1, 2}, new String[] {"a", "z"}, new String[] {"u", "v"});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FIT.prediction().predict(nd, CoxPredictionType.LINEAR_PREDICTOR));
        assertTrue(e.getMessage().contains("column 'g', row 2") && e.getMessage().contains("'z'")
                && e.getMessage().contains("[a, b, c]"), e.getMessage());
    }

    @Test
    void textInANumericCovariateNamesRowFileLineAndValue(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path f = dir.resolve("new.csv");
        java.nio.file.Files.writeString(f, "t,s,x,g,st\n1,0,0.5,a,u\n\n2,0,abc,b,v\n");
        SurvivalData nd = SurvivalData.csv(f).time("t").event("s", "1").read();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FIT.prediction().predict(nd, CoxPredictionType.LINEAR_PREDICTOR));
        assertTrue(e.getMessage().contains("column 'x', row 2 (file line 4)") && e.getMessage().contains("'abc'"),
                e.getMessage());
    }

    @Test
    void anUnknownStratumIsRefused() {
        SurvivalData nd = newRows(new double[] {1}, new String[] {"a"}, new String[] {"w"});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FIT.prediction().predict(nd, CoxPredictionType.RISK));
        assertTrue(e.getMessage().contains("stratum 'w'") && e.getMessage().contains("column 'st', row 1"),
                e.getMessage());
    }

    @Test
    void rowsMissingACovariateAreLeftOutAndCounted() {
        SurvivalData nd = newRows(new double[] {1, Double.NaN, 0.5}, new String[] {"a", "b", "c"},
                new String[] {"u", "v", "v"});
        CoxPredictedValues v = FIT.prediction().predict(nd, CoxPredictionType.LINEAR_PREDICTOR);
        assertEquals(2, v.rowCount());
        assertEquals(1, v.omittedRows());
        assertArrayEquals(new int[] {1, 3}, v.sourceRows());
    }

    @Test
    void termsHaveNoSingleColumn() {
        CoxPredictedValues v = FIT.prediction().predict(CoxPredictionType.TERMS);
        assertThrows(IllegalStateException.class, v::fit);
        assertEquals(java.util.List.of("x", "g"), v.terms());
        assertThrows(IllegalStateException.class, () -> v.withoutStandardErrors().termStandardErrors());
    }
}
