package io.survkit.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import org.junit.jupiter.api.Test;

/**
 * {@code print(pairwise.htest)} as R 4.2.2 writes it for survdiff p-values of every pair adjusted by
 * BH (the script {@code compare/pairwise/print.R} builds survminer's {@code pairwise_survdiff} object
 * by hand, since survminer is not installed): the p-values go through {@code format.pval(digits = 2,
 * na.form = "-")} together (0.478 shares 0.061's three decimals) and print left-aligned. The row
 * and column names are survkit's group labels ({@code g=a}), set as the matrix's dimnames in R.
 */
class PairwisePrintTest {
    @Test
    void printsAsPairwiseHtest() {
        SurvivalData d = SurvivalData.builder()
                .time("t", new double[] {5, 8, 12, 3, 9, 15, 22, 7, 11, 18, 25, 30, 2, 4, 6, 14, 16, 21})
                .event("e", new boolean[] {true, true, false, true, true, true, false, true, false, true, true, false,
                    true, true, true, false, true, true})
                .text("g", new String[] {"a", "a", "a", "a", "a", "a", "b", "b", "b", "b", "b", "b", "c", "c", "c",
                    "c", "c", "c"})
                .build();
        PairwiseLogRankResult r = PairwiseLogRank.withDefaults().test(ModelFrame.of(d, "g"));
        // R: p[b, a] = p[c, b] = 0.061358468385974238, p[c, a] = 0.477824041874167327
        assertEquals(0.061358468385974238, r.pValues()[0][0], 1e-9 * 0.0614);
        assertEquals("Pairwise comparisons using Log-Rank test\n\n"
                + "    g=a   g=b  \n"
                + "g=b 0.061 -    \n"
                + "g=c 0.478 0.061\n"
                + "\nP value adjustment method: BH \n", r.toString());
    }
}
