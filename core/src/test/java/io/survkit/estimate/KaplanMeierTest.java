package io.survkit.estimate;

import io.survkit.data.ModelFrame;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.data.CountTable;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.util.List;
import org.junit.jupiter.api.Test;

class KaplanMeierTest {

    private static ModelFrame lungBySex() {
        return ModelFrame.of(SurvivalData.csv(Oracle.data("lung")).time("time").event("status", "2").read(), "sex");
    }

    @Test
    void printsRsSurvfitTable() {
        // R: print(survfit(Surv(time, status == 2) ~ sex, data = lung))
        //         n events median 0.95LCL 0.95UCL
        //   sex=1 138    112    270     212     310
        //   sex=2  90     53    426     348     550
        String s = KaplanMeier.withDefaults().fit(lungBySex()).toString();
        assertEquals("        n events median 0.95LCL 0.95UCL\n"
                + "sex=1 138    112    270     212     310\n"
                + "sex=2  90     53    426     348     550\n", s);
    }

    @Test
    void printsRestrictedMeanTable() {
        // R: print(survfit(Surv(time, status == 2) ~ sex, data = lung), rmean = 730)
        //         n events rmean* se(rmean) median 0.95LCL 0.95UCL
        //   sex=1 138    112    311      19.3    270     212     310
        //   sex=2  90     53    435      27.2    426     348     550
        //       * restricted mean with upper limit =  730
        String s = KaplanMeier.withDefaults().fit(lungBySex()).summaryTable(730);
        assertEquals("        n events rmean* se(rmean) median 0.95LCL 0.95UCL\n"
                + "sex=1 138    112    311      19.3    270     212     310\n"
                + "sex=2  90     53    435      27.2    426     348     550\n"
                + "    * restricted mean with upper limit =  730\n", s);
    }

    @Test
    void javadocExampleRuns() {
        ModelFrame lung = lungBySex();
        KaplanMeierResult km = KaplanMeier.withDefaults().withConfidenceIntervalType(ConfidenceIntervalType.LOG_LOG).fit(lung);
        double s = km.curve(0).survivalAt(365);
        // R: summary(survfit(Surv(time, status == 2) ~ sex, lung), times = 365)$surv[1]
        Oracle.assertNumber(new com.fasterxml.jackson.databind.node.DoubleNode(0.33608783463937864), s,
                "S(365), sex=1");
        assertEquals(List.of("sex=1", "sex=2"), km.curveNames());
        assertEquals(km.curve(1), km.curve("sex=2"));
    }

    /** R: reference/risk_table_lung.R (summary(fit, times = c(0, 365, 2000), extend = TRUE)$n.risk). */
    @Test
    void riskTableEqualsRsSummaryAtTimes() throws Exception {
        com.fasterxml.jackson.databind.JsonNode r = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                java.nio.file.Path.of("src/test/resources/reference/risk_table_lung.json").toFile());
        KaplanMeierResult km = KaplanMeier.withDefaults().fit(lungBySex());
        RiskTable t = km.riskTable(0, 365, 2000);
        assertEquals(List.of("sex=1", "sex=2"), t.curveNames());
        for (int k = 0; k < 2; k++) {
            assertEquals(r.get("strata").get(k).asText(), t.curveNames().get(k));
            for (int j = 0; j < 3; j++) {
                assertEquals(r.get("nRisk").get(k).get(j).asDouble(), t.numberAtRisk(k, j), "n.risk " + k + " " + j);
            }
        }
        assertTrue(t.toString().startsWith("Number at risk"), t.toString());
    }

    @Test
    void optionsAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KaplanMeier.withDefaults().withConfidenceLevel(1.5));
        assertTrue(e.getMessage().contains("confidence level") && e.getMessage().contains("1.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KaplanMeier.withDefaults().withConfidenceLevel(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> KaplanMeier.withDefaults().withConfidenceIntervalType(null));
        e = assertThrows(IllegalArgumentException.class, () -> ConfidenceIntervalType.fromRName("logistic"));
        assertTrue(e.getMessage().contains("'logistic'") && e.getMessage().contains("logit"), e.getMessage());
        assertEquals(ConfidenceIntervalType.LOGIT, ConfidenceIntervalType.fromRName("logit"));
        assertThrows(IllegalArgumentException.class, () -> KaplanMeier.withDefaults().withStartTime(Double.NaN));
        assertEquals(ConfidenceIntervalType.LOG_LOG, ConfidenceIntervalType.fromRName("log_log"));
        assertThrows(IllegalArgumentException.class, () -> KaplanMeier.withDefaults().fit((SurvivalData) null));
    }

    @Test
    void restrictedMeanBeforeTheFirstTimeIsAnErrorAsInR() {
        // R: print(survfit(Surv(time, status) ~ 1, lung), rmean = 3) stops with "Truncation point for the
        // mean is < smallest survival"; rmean = 5 (the smallest time) gives rmean 5, se 0
        SurvivalData lung = SurvivalData.csv(Oracle.data("lung")).time("time").event("status", "2").read();
        KaplanMeierResult fit = KaplanMeier.withDefaults().fit(lung);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fit.curve(0).restrictedMean(3));
        assertTrue(e.getMessage().contains("before the first time 5") && e.getMessage().contains("Truncation point"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> fit.summaryTable(3));
        assertThrows(IllegalArgumentException.class, () -> fit.restrictedMeans(3));
        assertEquals(5.0, fit.curve(0).restrictedMean(5).estimate());
        assertEquals(0.0, fit.curve(0).restrictedMean(5).standardError());
        // R: print(survfit(Surv(time, status) ~ sex, lung), rmean = 10): sex=1 (first time 11) rmean 10.00,
        // se 0; R checks against the smallest time of the whole fit (5, in sex=2)
        KaplanMeierResult bySex = KaplanMeier.withDefaults().fit(lungBySex());
        assertEquals(10.0, bySex.restrictedMeans(10).get(0).estimate());
        assertTrue(bySex.summaryTable(10).contains("10.00"), bySex.summaryTable(10));
    }

    @Test
    void queriesAreValidated() {
        SurvivalCurve c = KaplanMeier.withDefaults().fit(lungBySex()).curve(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.restrictedMean(-1));
        assertTrue(e.getMessage().contains("tau") && e.getMessage().contains("-1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.quantile(1.5));
        e = assertThrows(IllegalArgumentException.class, () -> c.at(10, Double.NaN));
        assertTrue(e.getMessage().contains("landmark time 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.survivalAt(Double.NaN));
    }

    @Test
    void jackknifeNeedsSubjectsForCountsAndClustersForDelayedEntry() {
        KaplanMeier ij = KaplanMeier.withDefaults().withVariance(KaplanMeierVariance.INFINITESIMAL_JACKKNIFE);
        ModelFrame lung = lungBySex();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ij.fit(CountTable.of(lung)));
        assertTrue(e.getMessage().contains("subject rows"), e.getMessage());
        SurvivalData cgd = SurvivalData.csv(Oracle.data("cgd")).start("tstart").time("tstop").event("status", "1")
                .read();
        e = assertThrows(IllegalArgumentException.class, () -> ij.fit(cgd));
        assertTrue(e.getMessage().contains("cluster"), e.getMessage());
    }

    @Test
    void greenwoodWithFractionalWeightsWarns() {
        SurvivalData d = SurvivalData.csv(Oracle.data("edge_fracw")).time("time").event("status", "1").weights("w")
                .read();
        KaplanMeierResult auto = KaplanMeier.withDefaults().fit(d);
        assertEquals(KaplanMeierVariance.INFINITESIMAL_JACKKNIFE, auto.variance());
        assertTrue(auto.warnings().isEmpty(), auto.warnings().toString());
        KaplanMeierResult gw = KaplanMeier.withDefaults().withVariance(KaplanMeierVariance.GREENWOOD).fit(d);
        assertEquals(KaplanMeierVariance.GREENWOOD, gw.variance());
        assertTrue(gw.warnings().get(0).contains("'w'") && gw.warnings().get(0).contains("jackknife"),
                gw.warnings().toString());
    }

    @Test
    void allCensoredGivesFlatCurvesAndAbsentMediansNotNaN() {
        SurvivalData d = SurvivalData.builder().time("t", new double[] {3, 5, 8})
                .event("status", new double[] {0, 0, 0}, 1).build();
        KaplanMeierResult r = KaplanMeier.withDefaults().fit(d);
        SurvivalCurve c = r.curve("all");
        assertArrayEquals(new double[] {1, 1, 1}, c.survival());
        assertTrue(c.median().isEmpty());
        assertTrue(c.quantile(0.25).time().isEmpty());
        assertEquals(10, c.restrictedMean(10).estimate(), 0); // S = 1 extended to tau
        assertEquals(1, r.warnings().size(), r.warnings().toString()); // the event value never occurs
        assertTrue(r.toString().contains("NA"), r.toString());
    }

    @Test
    void emptyGroupLevelGetsNoCurveAndAWarning() {
        ModelFrame d = ModelFrame.of(SurvivalData.builder().time("t", new double[] {3, 5, 8, 9})
                .event("e", new boolean[] {true, false, true, true})
                .factor("arm", new String[] {"a", "a", "c", "c"}, "a", "b", "c").build(), "arm");
        KaplanMeierResult r = KaplanMeier.withDefaults().fit(d);
        assertEquals(List.of("arm=a", "arm=c"), r.curveNames());
        assertTrue(r.warnings().get(0).contains("arm=b"), r.warnings().toString());
    }

    @Test
    void countTableBuilderGivesTheCurveOfItsRows() {
        // 3 deaths + 1 censored at 12 months, 2 deaths at 24, 1 censored at 30 in arm A; B: 1 death at 6
        CountTable t = CountTable.builder("arm").add("A", 12, 3, 1).add("A", 24, 2, 0).add("A", 30, 0, 1)
                .add("B", 6, 1, 0).build();
        ModelFrame d = ModelFrame.of(SurvivalData.builder()
                .time("months", new double[] {12, 12, 12, 12, 24, 24, 30, 6})
                .event("dead", new boolean[] {true, true, true, false, true, true, false, true})
                .text("arm", new String[] {"A", "A", "A", "A", "A", "A", "A", "B"}).build(), "arm");
        KaplanMeierResult a = KaplanMeier.withDefaults().fit(t);
        KaplanMeierResult b = KaplanMeier.withDefaults().fit(d);
        assertEquals(b.curveNames(), a.curveNames());
        for (int k = 0; k < 2; k++) {
            assertEquals(b.curve(k).rowCount(), a.curve(k).rowCount());
            assertArrayEquals(b.curve(k).times(), a.curve(k).times());
            assertArrayEquals(b.curve(k).numberAtRisk(), a.curve(k).numberAtRisk());
            assertArrayEquals(b.curve(k).survival(), a.curve(k).survival());
            assertArrayEquals(b.curve(k).standardError(), a.curve(k).standardError());
            assertArrayEquals(b.curve(k).cumulativeHazard(), a.curve(k).cumulativeHazard());
        }
        // S(12) = 4/7 ... hand check: n = 7, d = 3 -> 4/7; at 24: n = 3, d = 2 -> 4/7 * 1/3
        assertEquals(4.0 / 7, a.curve(0).survivalAt(12), 1e-15);
        assertEquals(4.0 / 7 * 1 / 3, a.curve(0).survivalAt(29), 1e-15);
        assertFalse(a.toString().isEmpty());
    }
}
