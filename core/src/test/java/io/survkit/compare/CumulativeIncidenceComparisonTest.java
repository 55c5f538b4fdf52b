package io.survkit.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.estimate.CumulativeIncidence;
import org.junit.jupiter.api.Test;

/** The composite prints as cmprsk's {@code print(cuminc(...))}; the curves alone carry no test. */
class CumulativeIncidenceComparisonTest {
    private static ModelFrame data() {
        return ModelFrame.of(SurvivalData.builder().time("t", new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
                .causes("s", new double[] {1, 2, 1, 0, 2, 1, 1, 0, 2, 1, 0, 1}, 0)
                .text("g", new String[] {"a", "b", "a", "b", "a", "b", "a", "b", "a", "b", "a", "b"}).build(), "g");
    }

    /**
     * R 4.2.2, cmprsk 2.2-11: {@code t <- 1:12; s <- c(1,2,1,0,2,1,1,0,2,1,0,1); g <- rep(c("a","b"), 6);
     * print(cuminc(t, s, g))}; survkit then adds its warnings once (fewer than 5 events per group).
     */
    @Test
    void printsAsCuminc() {
        String printed = CumulativeIncidenceComparison.withDefaults().fit(data()).toString();
        int w = printed.indexOf("Warning: ");
        assertEquals("""
                Tests:
                        stat       pv df
                1 0.21874742 0.639996  1
                2 0.08078088 0.776242  1
                Estimates and Variances:
                $est
                            2         4         6         8        10
                a 1 0.1666667 0.3333333 0.3333333 0.5000000 0.5000000
                b 1 0.0000000 0.0000000 0.2083333 0.2083333 0.5208333
                a 2 0.0000000 0.0000000 0.1666667 0.1666667 0.3333333
                b 2 0.1666667 0.1666667 0.1666667 0.1666667 0.1666667

                $var
                             2          4          6          8         10
                a 1 0.02777778 0.04555556 0.04555556 0.05648920 0.05648920
                b 1 0.00000000 0.00000000 0.04513889 0.04513889 0.11935764
                a 2 0.00000000 0.00000000 0.03062500 0.03062500 0.05845679
                b 2 0.02777778 0.02777778 0.02777778 0.02777778 0.02777778

                """, printed.substring(0, w));
        assertEquals(2, printed.substring(w).lines().count(), printed);
        assertTrue(printed.substring(w).startsWith("Warning: Gray's test of cause 1 compares 2 groups with 6 events"));
        assertFalse(CumulativeIncidence.withDefaults().fit(data()).test().isPresent());
    }
}
