package io.survkit.compare;

import io.survkit.data.ModelFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.data.CountTable;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import org.junit.jupiter.api.Test;

/**
 * Tiny data sets whose sums are derivable by hand. Data: group A events at 1 and 3, group B an
 * event at 2 and a censoring at 4. Event times: t = 1 (n 4, A 2 at risk), t = 2 (n 3, A 1),
 * t = 3 (n 2, A 1); pooled S(t-) = 1, 3/4, 1/2. Per time E_A = n_A / n = 1/2, 1/3, 1/2 and
 * V = (n - 1) / (n - 1) (n_A / n)(1 - n_A / n) = 1/4, 2/9, 1/4.
 */
class LogRankClosedFormTest {
    private static final double TOL = 1e-14;

    static ModelFrame four() {
        return ModelFrame.of(SurvivalData.builder().time("t", new double[] {1, 3, 2, 4})
                .event("e", new boolean[] {true, true, true, false})
                .text("arm", new String[] {"A", "A", "B", "B"}).build(), "arm");
    }

    private static void check(LogRankTest t, double observedA, double expectedA, double v) {
        for (LogRankResult r : new LogRankResult[] {t.test(four()), t.test(CountTable.of(four()))}) {
            assertEquals(observedA, r.observed()[0], TOL);
            assertEquals(expectedA, r.expected()[0], TOL);
            assertEquals(v, r.variance()[0][0], TOL);
            assertEquals(-v, r.variance()[0][1], TOL);
            assertEquals(0, r.observedMinusExpected()[0] + r.observedMinusExpected()[1], TOL);
            double u = observedA - expectedA;
            assertEquals(u * u / v, r.chiSquare(), TOL);
            assertEquals(1, r.degreesOfFreedom());
        }
        double u = observedA - expectedA;
        assertEquals(u * u / v, t.statistic(four()), TOL);
    }

    @Test
    void logRank() {
        // O_A = 2, E_A = 4/3, V = 13/18, chisq = 8/13
        check(LogRankTest.withDefaults(), 2, 4.0 / 3, 13.0 / 18);
        assertEquals(8.0 / 13, LogRankTest.withDefaults().statistic(four()), TOL);
    }

    @Test
    void gehanBreslow() {
        // w = n = 4, 3, 2: O_A = 6, E_A = 2 + 1 + 1, V = 16/4 + 9 * 2/9 + 4/4 = 7
        check(LogRankTest.withDefaults().withWeighting(Weighting.GEHAN_BRESLOW), 6, 4, 7);
    }

    @Test
    void taroneWare() {
        // w = sqrt(n) = 2, sqrt 3, sqrt 2: O_A = 2 + sqrt 2, E_A = 1 + sqrt3/3 + sqrt2/2, V = 1 + 2/3 + 1/2
        check(LogRankTest.withDefaults().withWeighting(Weighting.TARONE_WARE), 2 + Math.sqrt(2),
                1 + Math.sqrt(3) / 3 + Math.sqrt(2) / 2, 13.0 / 6);
    }

    @Test
    void petoPetoIsFlemingHarringtonRho1() {
        // w = S(t-) = 1, 3/4, 1/2: O_A = 3/2, E_A = 1/2 + 1/4 + 1/4, V = 1/4 + 1/8 + 1/16
        check(LogRankTest.withDefaults().withWeighting(Weighting.PETO_PETO), 1.5, 1, 0.4375);
        check(LogRankTest.withDefaults().withRho(1), 1.5, 1, 0.4375);
    }

    @Test
    void flemingHarringtonGamma1() {
        // w = 1 - S(t-) = 0, 1/4, 1/2: O_A = 1/2, E_A = 1/12 + 1/4, V = 1/72 + 1/16
        check(LogRankTest.withDefaults().withGamma(1), 0.5, 1.0 / 3, 1.0 / 72 + 1.0 / 16);
    }

    @Test
    void singleEventTwoAtRisk() {
        ModelFrame d = ModelFrame.of(SurvivalData.builder().time("t", new double[] {1, 2})
                .event("e", new boolean[] {true, false}).text("g", new String[] {"A", "B"}).build(), "g");
        LogRankResult r = LogRankTest.withDefaults().test(d);
        assertEquals(0.5, r.expected()[0], TOL);
        assertEquals(0.25, r.variance()[0][0], TOL);
        assertEquals(1, r.chiSquare(), TOL);
        assertEquals(0.31731050786291415, r.pValue(), 1e-15); // R: pchisq(1, 1, lower.tail = FALSE)
    }

    @Test
    void groupWithoutExpectedEventsGivesZeroDegreesOfFreedomAsR() {
        // R: survdiff(Surv(t, s) ~ g, data.frame(t = c(1, 2, 5, 6), s = c(0, 0, 1, 1), g = c("B", "B", "A", "A")))
        // Chisq = 0 on 0 degrees of freedom, p = 1
        ModelFrame d = ModelFrame.of(SurvivalData.builder().time("t", new double[] {1, 2, 5, 6})
                .event("s", new boolean[] {false, false, true, true}).text("g", new String[] {"B", "B", "A", "A"})
                .build(), "g");
        LogRankResult r = LogRankTest.withDefaults().test(d);
        assertEquals(0, r.chiSquare());
        assertEquals(0, r.degreesOfFreedom());
        assertEquals(1, r.pValue());
        assertEquals(2, r.expected()[0], TOL);
        assertEquals(0, r.expected()[1], TOL);
    }

    @Test
    void delayedEntryCountsOnlyAfterEntry() {
        // A: (0, 1] event, (0, 3] event; B: (2, 4] censored, (0, 2] event. At t = 1 B has one at risk
        // (the late entrant enters after 2): n = 3, E_A = 2/3, V = 2/2 (2/3)(1/3) = 2/9; t = 2: n = 2
        // (A 1, B 1; the entry at 2 is not yet at risk), E_A = 1/2, V = 1/4; t = 3: n = 2 (A 1, B 1), E_A = 1/2, V = 1/4
        ModelFrame d = ModelFrame.of(SurvivalData.builder().start("s", new double[] {0, 0, 2, 0})
                .time("t", new double[] {1, 3, 4, 2}).event("e", new boolean[] {true, true, false, true})
                .text("arm", new String[] {"A", "A", "B", "B"}).build(), "arm");
        LogRankResult r = LogRankTest.withDefaults().test(d);
        assertEquals(2, r.observed()[0], TOL);
        assertEquals(2.0 / 3 + 0.5 + 0.5, r.expected()[0], TOL);
        assertEquals(2.0 / 9 + 0.25 + 0.25, r.variance()[0][0], TOL);
        CountTable c = CountTable.builder("arm").add("A", 0, 0, 0, 2).add("A", 1, 1, 0).add("A", 3, 1, 0)
                .add("B", 0, 0, 0, 1).add("B", 2, 1, 0, 1).add("B", 4, 0, 1).build();
        LogRankResult rc = LogRankTest.withDefaults().test(c);
        assertEquals(r.chiSquare(), rc.chiSquare(), TOL);
        assertEquals(r.expected()[0], rc.expected()[0], TOL);
    }

    @Test
    void trendAndPairwiseWithTwoGroupsAreTheLogRankTest() {
        double chi = LogRankTest.withDefaults().statistic(four());
        assertEquals(chi, TrendTest.withDefaults().statistic(four()), TOL);
        assertEquals(chi, TrendTest.withDefaults().withScores(-3, 7).test(four()).chiSquare(), TOL);
        PairwiseLogRankResult p = PairwiseLogRank.withDefaults().test(four());
        assertEquals(LogRankTest.withDefaults().test(four()).pValue(), p.pValue(0, 1), TOL);
        assertEquals(chi, p.chiSquare(1, 0), TOL);
    }

    @Test
    void pairWithoutEventsHasPValueOneAsSurvminer() {
        ModelFrame d = ModelFrame.of(SurvivalData.builder().time("t", new double[] {1, 2, 3, 4, 5, 6})
                .event("e", new boolean[] {true, false, false, false, true, false})
                .text("g", new String[] {"A", "A", "B", "B", "C", "C"}).build(), "g");
        PairwiseLogRankResult r = PairwiseLogRank.withDefaults().withAdjustment(PValueAdjustment.NONE).test(d);
        assertEquals(0, r.chiSquare(1, 2));
        assertEquals(1, r.pValue(1, 2));
        assertTrue(Double.isNaN(r.pValues()[0][1]));
    }

    @Test
    void printsLikeR() {
        // R: print(survdiff(Surv(time, status == 2) ~ sex, data = lung))
        ModelFrame lung = ModelFrame.of(SurvivalData.csv(Oracle.data("lung")).time("time").event("status", "2")
                .read(), "sex");
        assertEquals("""
                        N Observed Expected (O-E)^2/E (O-E)^2/V
                sex=1 138      112     91.6      4.55      10.3
                sex=2  90       53     73.4      5.68      10.3

                 Chisq= 10.3  on 1 degrees of freedom, p= 0.001\s
                """, LogRankTest.withDefaults().test(lung).toString());
    }

    @Test
    void configurationErrors() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LogRankTest.withDefaults().withRho(1).withWeighting(Weighting.GEHAN_BRESLOW)).getMessage()
                .contains("FLEMING_HARRINGTON"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LogRankTest.withDefaults().withRho(-1))
                .getMessage().contains("rho"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LogRankTest.withDefaults().withGamma(Double.NaN))
                .getMessage().contains("gamma"));
        assertThrows(IllegalArgumentException.class, () -> LogRankTest.withDefaults().withWeighting(null));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> TrendTest.withDefaults().withScores(1, 2, 3).test(four())).getMessage().contains("3 scores"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> TrendTest.withDefaults().withScores(2, 2).test(four())).getMessage().contains("variance"));
        SurvivalData ungrouped = SurvivalData.builder().time("t", new double[] {1, 2})
                .event("e", new boolean[] {true, true}).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LogRankTest.withDefaults().test(ungrouped, "1"))
                .getMessage().contains("needs >= 2 groups with subjects"));
        ModelFrame oneLevelUsed = ModelFrame.of(SurvivalData.builder().time("t", new double[] {1, 2})
                .event("e", new boolean[] {true, true}).factor("g", new String[] {"A", "A"}, "A", "B").build(), "g");
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PairwiseLogRank.withDefaults().test(oneLevelUsed)).getMessage()
                .contains("needs >= 2 groups with subjects"));
    }

    @Test
    void emptyLevelIsLeftOutWithAWarning() {
        ModelFrame d = ModelFrame.of(SurvivalData.builder().time("t", new double[] {1, 3, 2, 4})
                .event("e", new boolean[] {true, true, true, false})
                .factor("arm", new String[] {"A", "A", "C", "C"}, "A", "B", "C").build(), "arm");
        LogRankResult r = LogRankTest.withDefaults().test(d);
        assertEquals(java.util.List.of("arm=A", "arm=C"), r.groups());
        assertTrue(r.warnings().get(0).contains("arm=B has no rows"), r.warnings().toString());
        assertEquals(8.0 / 13, r.chiSquare(), TOL);
    }

    @Test
    void hugeWholeNumberWeightsGiveTheClosedFormNotNull() {
        // A: one row, event at 1; B: one row, censored at 2; every weight c. As frequencies (a count
        // table): at t = 1, n = 2c, d = c, n_A = c: E_A = c/2, V = c (1/2)(1/2) (c / (2c - 1)), so
        // chisq = (c/2)^2 / V = 2c - 1. Issue 12: c = 1e300 gave expected null, then chisq 0, p 1.
        // As case weights of the rows (robust variance): p = (1/2, 1/2), w d / n = 1/2 at t = 1; the
        // score residuals are (1/4, -1/4) for both rows, so U_A = c/2, V_AA = c^2/8, chisq = 2 for any c.
        for (double c : new double[] {1, 1e6, 1e300}) {
            ModelFrame d = ModelFrame.of(SurvivalData.builder().time("t", new double[] {1, 2})
                    .event("e", new boolean[] {true, false}).text("g", new String[] {"A", "B"})
                    .weights("w", new double[] {c, c}).build(), "g");
            LogRankResult r;
            LogRankResult rows;
            try {
                r = LogRankTest.withDefaults().test(io.survkit.data.CountTable.of(d));
                rows = LogRankTest.withDefaults().test(d);
            } catch (IllegalArgumentException x) {
                throw new AssertionError("c = " + c, x);
            }
            assertEquals(c / 2, r.expected()[0], 1e-12 * c, "E_A at c = " + c);
            assertEquals(2 * c - 1, r.chiSquare(), 1e-9 * (2 * c - 1), "chisq at c = " + c);
            assertEquals(c / 2, rows.expected()[0], 1e-12 * c, "E_A of the rows at c = " + c);
            assertEquals(2, rows.chiSquare(), 1e-12, "robust chisq at c = " + c);
        }
    }

    /**
     * R 4.2.2, survival 3.5-3: {@code d <- data.frame(t = c(1,2,3,4,0.5,0.6), e = c(1,1,0,1,0,0),
     * g = c("a","a","b","b","c","c")); print(survdiff(Surv(t, e) ~ g, d))}: group c has no expected
     * events, so its (O-E)^2/E and (O-E)^2/V are 0/0 and R prints NaN (not NA).
     */
    @Test
    void zeroExpectedPrintsNaNAsSurvdiff() {
        ModelFrame d = ModelFrame.of(SurvivalData.builder().time("t", new double[] {1, 2, 3, 4, 0.5, 0.6})
                .event("e", new boolean[] {true, true, false, true, false, false})
                .text("g", new String[] {"a", "a", "b", "b", "c", "c"}).build(), "g");
        assertEquals("""
                    N Observed Expected (O-E)^2/E (O-E)^2/V
                g=a 2        2    0.833     1.633      2.88
                g=b 2        1    2.167     0.628      2.88
                g=c 2        0    0.000       NaN       NaN

                 Chisq= 2.9  on 1 degrees of freedom, p= 0.09\s
                """, LogRankTest.withDefaults().test(d).toString());
    }

    /**
     * R 4.2.2, survival 3.5-3: {@code d <- data.frame(t = 1:6, e = c(1,1,0,1,1,0), g = c("a\nb",
     * "a\nb", "c\\d", "c\\d", "e\033[31m", "e\033[31m")); print(survdiff(Surv(t, e) ~ g, d))}:
     * R writes each label on one line with its escapes (a newline as \n, a backslash doubled, ESC
     * in octal).
     */
    @Test
    void labelsPrintEscapedAsSurvdiff() {
        ModelFrame d = ModelFrame.of(SurvivalData.builder().time("t", new double[] {1, 2, 3, 4, 5, 6})
                .event("e", new boolean[] {true, true, false, true, true, false})
                .text("g", new String[] {"a\nb", "a\nb", "c\\d", "c\\d", "e\u001b[31m", "e\u001b[31m"}).build(), "g");
        assertEquals("""
                            N Observed Expected (O-E)^2/E (O-E)^2/V
                g=a\\nb      2        2    0.533   4.03333   5.62791
                g=c\\\\d      2        1    1.067   0.00417   0.00649
                g=e\\033[31m 2        1    2.400   0.81667   2.86364

                 Chisq= 6.4  on 2 degrees of freedom, p= 0.04\s
                """, LogRankTest.withDefaults().test(d).toString());
    }
}
