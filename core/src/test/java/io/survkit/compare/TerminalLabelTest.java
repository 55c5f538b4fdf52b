package io.survkit.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.estimate.KaplanMeier;
import io.survkit.regression.CoxRegression;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Text tables print a hostile label on one line without terminal control (issue 12: escape
 * sequences passed through and a newline split the row).
 */
class TerminalLabelTest {
    private static final String HOSTILE = "red\u001b[31m\nsecond line\u202e";

    private static SurvivalData data() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 60;
        double[] t = new double[n];
        boolean[] e = new boolean[n];
        String[] g = new String[n];
        for (int i = 0; i < n; i++) {
            t[i] = 1 + r.nextInt(40);
            e[i] = r.nextDouble() < 0.7;
            g[i] = i % 2 == 0 ? HOSTILE : "plain";
        }
        return SurvivalData.builder().time("t", t).event("e", e).text("g", g).build();
    }

    private static void assertClean(String text) {
        assertFalse(text.contains("\u001b"), text);
        assertFalse(text.contains("\u202e"), text);
        assertFalse(text.contains("\nsecond line"), text);
        assertTrue(text.contains("\\nsecond line"), text);
    }

    @Test
    void logRankKaplanMeierAndCoxTablesKeepALabelOnOneLine() {
        SurvivalData d = data();
        assertClean(LogRankTest.withDefaults().test(ModelFrame.of(d, "g")).toString());
        assertClean(KaplanMeier.withDefaults().fit(ModelFrame.of(d, "g")).toString());
        String cox = CoxRegression.withDefaults().fit(ModelFrame.of(d, "factor(g, ref = plain)")).toString();
        assertFalse(cox.contains("\u001b"), cox);
        assertFalse(cox.contains("\nsecond line"), cox);
        // the data keep the label as it is
        assertEquals(HOSTILE, d.labels("g")[0]);
    }
}
