package io.survkit.arms;

import io.survkit.data.ModelFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.compare.LogRankResult;
import io.survkit.compare.LogRankTest;
import io.survkit.seer.ArmDefinition;
import io.survkit.seer.CohortSelection;
import io.survkit.seer.Endpoint;
import io.survkit.data.Factor;
import io.survkit.seer.SeerColumn;
import io.survkit.seer.SeerReader;
import io.survkit.data.SurvivalData;
import io.survkit.data.Terms;
import io.survkit.examples.gist.GistCohortSimulator;
import io.survkit.estimate.KaplanMeier;
import io.survkit.estimate.KaplanMeierResult;
import io.survkit.estimate.LandmarkSummary;
import io.survkit.estimate.RestrictedMean;
import io.survkit.estimate.SurvivalCurve;
import io.survkit.regression.CoxRegression;
import io.survkit.regression.CoxResult;
import io.survkit.regression.ProportionalHazardsTest;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every number of the comparison equals the separate KaplanMeier / LogRankTest / CoxRegression /
 * ProportionalHazardsTest calls on the same rows (exact equality: the same code on the same rows).
 */
class ArmComparisonTest {
    static final String T = ArmDefinition.SURGERY_PLUS_CHEMOTHERAPY;
    static final String C = ArmDefinition.CHEMOTHERAPY_ALONE;
    static final double[] LANDMARKS = {12, 36, 60};
    @TempDir
    static Path dir;
    static CohortSelection cohort;

    @BeforeAll
    static void read() {
        Path csv = GistCohortSimulator.withDefaults().write(dir.resolve("gist.csv"));
        cohort = SeerReader.withDefaults().withEndpoint(Endpoint.CANCER_SPECIFIC)
                .withArms(ArmDefinition.chemotherapyWithOrWithoutSurgery())
                .withNumeric(SeerColumn.AGE, "age").withNumeric(GistCohortSimulator.TUMOR_SIZE, "size")
                .withFactor(SeerColumn.SEX, "sex", "Female").read(csv);
    }

    /** Field by field against the separate procedures on rows {@code d} (group [control, treatment]). */
    static void assertSameAsSeparateCalls(EndpointComparison e, SurvivalData d, double tau, List<String> adjust) {
        KaplanMeierResult km = KaplanMeier.withDefaults().fit(d, "arm");
        Factor g = d.factor("arm");
        double[] time = d.numbers(d.timeColumn());
        SurvivalCurve[] curves = {km.curve(g.label(0)), km.curve(g.label(1))};
        ArmSummary[] arms = {e.control(), e.treatment()};
        for (int a = 0; a < 2; a++) {
            SurvivalCurve c = curves[a];
            ArmSummary s = arms[a];
            assertEquals(g.level(a), s.label());
            assertEquals(c.rowCount(), s.size());
            assertEquals(c.events(), s.events());
            assertEquals(c.median().orElse(Double.NaN), s.median().orElse(Double.NaN));
            assertEquals(c.medianLower().orElse(Double.NaN), s.medianLower().orElse(Double.NaN));
            assertEquals(c.medianUpper().orElse(Double.NaN), s.medianUpper().orElse(Double.NaN));
            LandmarkSummary at = c.at(LANDMARKS);
            for (int j = 0; j < LANDMARKS.length; j++) {
                assertEquals(at.survival(j), s.survival(j).orElse(Double.NaN));
                assertEquals(at.standardError(j), s.survivalStandardError(j).orElse(Double.NaN));
                assertEquals(at.lower(j), s.survivalLower(j).orElse(Double.NaN));
                assertEquals(at.upper(j), s.survivalUpper(j).orElse(Double.NaN));
                assertEquals(at.numberAtRisk(j), s.numberAtRisk(j));
            }
            RestrictedMean rm = c.restrictedMean(tau);
            assertEquals(rm.estimate(), s.restrictedMean().orElse(Double.NaN));
            assertEquals(rm.standardError(), s.restrictedMeanStandardError().orElse(Double.NaN));
            double longest = 0;
            for (int i = 0; i < d.rowCount(); i++) {
                if (g.code(i) == a) {
                    longest = Math.max(longest, time[i]);
                }
            }
            assertEquals(longest, s.longestFollowUp());
        }
        // landmark and RMST differences and the RMST ratio: against R in equalsROnLungBySex
        LogRankResult lr = LogRankTest.withDefaults().test(d, "arm");
        assertEquals(lr.chiSquare(), e.logRankChiSquare().orElse(Double.NaN));
        assertEquals(lr.degreesOfFreedom(), e.logRankDegreesOfFreedom());
        assertEquals(lr.pValue(), e.logRankPValue().orElse(Double.NaN));

        String term = g.name() + g.level(1);
        assertEquals(term, e.treatmentTerm());
        double[] x = new double[d.rowCount()];
        for (int i = 0; i < x.length; i++) {
            x[i] = g.code(i);
        }
        CoxResult crude = CoxRegression.withDefaults().fit(d.withNumeric(term, x), Terms.of(Terms.numeric(term)));
        assertEquals(crude.hazardRatios()[0], e.crudeHazardRatio().orElse(Double.NaN));
        assertEquals(crude.hazardRatioLower()[0], e.crudeHazardRatioLower().orElse(Double.NaN));
        assertEquals(crude.hazardRatioUpper()[0], e.crudeHazardRatioUpper().orElse(Double.NaN));
        assertEquals(crude.pValues()[0], e.crudeHazardRatioPValue().orElse(Double.NaN));
        assertEquals(ProportionalHazardsTest.withDefaults().test(crude).pValues()[0], e.proportionalHazardsPValue().orElse(Double.NaN));
        if (!adjust.isEmpty()) {
            String[] cols = new String[adjust.size() + 1];
            cols[0] = term;
            for (int k = 0; k < adjust.size(); k++) {
                cols[k + 1] = adjust.get(k);
            }
            Terms model = Terms.of(Terms.numeric(term));
            for (String a : adjust) {
                model = model.plus(Terms.variable(a));
            }
            CoxResult adj = CoxRegression.withDefaults().fit(d.withNumeric(term, x), model);
            assertEquals(adj.hazardRatios()[0], e.adjustedHazardRatio().orElse(Double.NaN));
            assertEquals(adj.hazardRatioLower()[0], e.adjustedHazardRatioLower().orElse(Double.NaN));
            assertEquals(adj.hazardRatioUpper()[0], e.adjustedHazardRatioUpper().orElse(Double.NaN));
            assertEquals(adj.pValues()[0], e.adjustedHazardRatioPValue().orElse(Double.NaN));
            assertEquals(List.of(cols), adj.modelTerms());
        }
    }

    /**
     * The library on lung by sex equals R (script src/test/resources/report/lung_by_sex.R): landmark
     * survival and number at risk (R summary(fit, times =)), the landmark differences, the RMST of each
     * arm (print(fit, rmean = tau)) and the RMST difference and ratio by survRM2's formulas, the
     * median difference, log-rank and Cox hazard ratios.
     */
    @Test
    void equalsROnLungBySex() throws Exception {
        JsonNode r = new ObjectMapper().readTree(Path.of("src/test/resources/report/lung_by_sex.json").toFile());
        SurvivalData lung = SurvivalData.csv(Path.of("../examples/data/lung.csv")).time("time").event("status", "2")
                .read();
        ArmComparisonResult res = ArmComparison.of("OS", lung).withArm("sex").withLandmarks(180, 365, 730)
                .withAdjustment("age", "ph.ecog").run();
        EndpointComparison e = res.endpoint("OS");
        ArmSummary[] arms = {e.control(), e.treatment()};
        for (int k = 0; k < 2; k++) {
            JsonNode l = r.get("arms").get(k).get("landmarks");
            for (int j = 0; j < 3; j++) {
                near(l.get("atRisk").get(j), arms[k].numberAtRisk(j), "n.risk");
                near(l.get("survival").get(j), arms[k].survival(j).orElse(Double.NaN), "surv");
                near(l.get("standardError").get(j), arms[k].survivalStandardError(j).orElse(Double.NaN), "std.err");
            }
            near(r.get("arms").get(k).get("rmst"), arms[k].restrictedMean().orElse(Double.NaN), "rmean");
            near(r.get("arms").get(k).get("rmstSe"), arms[k].restrictedMeanStandardError().orElse(Double.NaN), "se(rmean)");
        }
        JsonNode ld = r.get("landmarkDifference");
        for (int j = 0; j < 3; j++) {
            near(ld.get("difference").get(j), e.survivalDifference(j).orElse(Double.NaN), "S difference");
            near(ld.get("standardError").get(j), e.survivalDifferenceStandardError(j).orElse(Double.NaN), "S difference se");
            near(ld.get("lower").get(j), e.survivalDifferenceLower(j).orElse(Double.NaN), "S difference lower");
            near(ld.get("upper").get(j), e.survivalDifferenceUpper(j).orElse(Double.NaN), "S difference upper");
        }
        JsonNode d = r.get("rmstDifference");
        near(r.get("tau"), e.horizon(), "tau");
        near(d.get("estimate"), e.restrictedMeanDifference().orElse(Double.NaN), "RMST difference");
        near(d.get("standardError"), e.restrictedMeanDifferenceStandardError().orElse(Double.NaN), "RMST difference se");
        near(d.get("lower"), e.restrictedMeanDifferenceLower().orElse(Double.NaN), "RMST difference lower");
        near(d.get("upper"), e.restrictedMeanDifferenceUpper().orElse(Double.NaN), "RMST difference upper");
        near(d.get("p"), e.restrictedMeanDifferencePValue().orElse(Double.NaN), "RMST difference p");
        JsonNode q = r.get("rmstRatio");
        near(q.get("estimate"), e.restrictedMeanRatio().orElse(Double.NaN), "RMST ratio");
        near(q.get("logStandardError"), e.restrictedMeanLogRatioStandardError().orElse(Double.NaN), "RMST log ratio se");
        near(q.get("lower"), e.restrictedMeanRatioLower().orElse(Double.NaN), "RMST ratio lower");
        near(q.get("upper"), e.restrictedMeanRatioUpper().orElse(Double.NaN), "RMST ratio upper");
        near(r.get("medianDifference"), e.medianDifference().value().getAsDouble(), "median difference");
        near(r.get("logRank").get("chiSquare"), e.logRankChiSquare().getAsDouble(), "log-rank");
        near(r.get("hazardRatioCrude").get("estimate"), e.crudeHazardRatio().getAsDouble(), "crude HR");
        near(r.get("hazardRatioAdjusted").get("estimate"), e.adjustedHazardRatio().getAsDouble(), "adjusted HR");
        CohortFlow f = res.cohortFlows().get(0);
        assertEquals(r.get("rowsRead").asInt(), f.rowsGiven());
        assertEquals(List.of(new CohortFlow.Exclusion("missing ph.ecog", r.get("missingPhEcog").asInt())),
                f.exclusions());
        assertEquals(r.get("rowsAnalysed").asInt(), f.rowsAnalysed());
    }

    static void near(JsonNode expected, double actual, String what) {
        double x = expected.asDouble();
        assertEquals(x, actual, 1e-9 * Math.max(1, Math.abs(x)), what);
    }

    @Test
    void equalsSeparateCallsOnTheGistCohort() {
        ArmComparisonResult r = ArmComparison.of(cohort, Endpoint.CANCER_SPECIFIC, Endpoint.OVERALL_SURVIVAL)
                .withTreatment(T).withControl(C).withLandmarks(LANDMARKS).withHorizon(120).withAdjustment("age", "sex", "size").run();
        for (Endpoint ep : List.of(Endpoint.CANCER_SPECIFIC, Endpoint.OVERALL_SURVIVAL)) {
            SurvivalData d = cohort.data(ep);
            assertEquals(List.of(C, T), d.factor("arm").levels());
            assertSameAsSeparateCalls(r.endpoint(ep.abbreviation()), d, 120, List.of("age", "sex", "size"));
        }
        assertEquals(57, r.endpoint("CSS").control().median().orElse(Double.NaN));
        assertEquals(44, r.endpoint("OS").control().median().orElse(Double.NaN));
        assertFalse(r.endpoint("OS").treatment().medianReached());
        assertTrue(r.endpoint("CSS").logRankPValue().orElse(Double.NaN) < 1e-6);
    }

    /** Three arms, control not the first level: only the two arms' rows are used, relevelled. */
    @Test
    void selectsTheTwoArmsOfAThreeArmData() {
        SplittableRandom rnd = new SplittableRandom(5);
        int n = 300;
        double[] time = new double[n];
        boolean[] ev = new boolean[n];
        String[] arm = new String[n];
        double[] age = new double[n];
        for (int i = 0; i < n; i++) {
            arm[i] = new String[] {"A", "B", "C"}[i % 3];
            age[i] = 40 + rnd.nextInt(40);
            time[i] = Math.ceil(-Math.log(rnd.nextDouble()) * (arm[i].equals("C") ? 40 : 25));
            ev[i] = rnd.nextDouble() < 0.7;
            time[i] = Math.min(time[i], 100);
        }
        SurvivalData all = SurvivalData.builder().time("months", time).event("dead", ev).text("arm", arm)
                .numeric("age", age).build();
        ArmComparisonResult r = ArmComparison.of("OS", all).withArm("arm").withTreatment("A").withControl("C").withLandmarks(LANDMARKS)
                .withHorizon(60).withAdjustment("age").run();
        int[] rows = new int[200];
        int[] codes = new int[200];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!arm[i].equals("B")) {
                codes[k] = arm[i].equals("C") ? 0 : 1;
                rows[k++] = i;
            }
        }
        SurvivalData two = all.rows(rows).withFactor(Factor.of("arm", List.of("C", "A"), codes));
        assertSameAsSeparateCalls(r.endpoint("OS"), two, 60, List.of("age"));
        assertEquals("armA", r.endpoint("OS").treatmentTerm());
    }

    /** Landmark data: the Kaplan-Meier curve of the rows followed beyond t is S(t + u) / S(t). */
    @Test
    void landmarkDataAreConditionalSurvival() {
        SurvivalData d = cohort.data();
        SurvivalData l = d.landmark(24);
        KaplanMeierResult full = KaplanMeier.withDefaults().fit(d, "arm");
        KaplanMeierResult cond = KaplanMeier.withDefaults().fit(l, "arm");
        for (int a = 0; a < 2; a++) {
            SurvivalCurve f = full.curve(a);
            SurvivalCurve c = cond.curve(a);
            for (double u : new double[] {0, 6, 12, 36, 60, 100}) {
                assertEquals(f.survivalAt(24 + u) / f.survivalAt(24), c.survivalAt(u), 1e-12);
            }
        }
        for (double t : l.numbers(l.timeColumn())) {
            assertTrue(t > 0);
        }
    }

    @Test
    void markdownAndJsonEscapeAHostileArmLabel() throws Exception {
        String hostile = "A<script>&\"B|x";
        SplittableRandom rnd = new SplittableRandom(11);
        int n = 120;
        double[] time = new double[n];
        boolean[] ev = new boolean[n];
        String[] arm = new String[n];
        for (int i = 0; i < n; i++) {
            arm[i] = i % 2 == 0 ? hostile : "control";
            time[i] = 1 + rnd.nextInt(60);
            ev[i] = rnd.nextDouble() < 0.6;
        }
        SurvivalData d = SurvivalData.builder().time("t", time).event("e", ev).text("arm", arm).build();
        ArmComparisonResult r = ArmComparison.of("OS", d).withArm("arm").withTreatment(hostile).withControl("control").withLandmarks(12).run();
        String md = r.toMarkdown();
        assertFalse(md.contains("<script>"), md);
        assertFalse(md.contains("B|x"));
        assertTrue(md.contains("A&lt;script&gt;&amp;\"B\\|x"), md);
        // an apostrophe stays one (issue 12: it rendered as "Greenwood&\#39;s")
        assertFalse(md.contains("#39;"), md);
        assertTrue(md.contains("Greenwood's"), md);
        String json = r.toJson();
        assertFalse(json.contains("<script>"));
        JsonNode root = new ObjectMapper().readTree(json);
        assertEquals(hostile, root.get("treatment").asText());
        assertEquals(hostile, root.get("endpoints").get(0).get("arms").get(1).get("label").asText());
        assertTrue(root.get("horizon").isNull(), "NaN becomes null");
        assertEquals(r.endpoint("OS").crudeHazardRatio().orElse(Double.NaN),
                root.get("endpoints").get(0).get("hazardRatioCrude").get("estimate").asDouble());
        assertTrue(r.toString().contains(hostile));
        assertTrue(r.methods().contains("survkit"));
    }

    @Test
    void validationMessages() {
        SurvivalData d = cohort.data();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArmComparison.of("CSS", d).withArm("arm").withTreatment("Surgery").withControl(C).run());
        assertTrue(e.getMessage().contains("unknown treatment arm 'Surgery'"), e.getMessage());
        assertTrue(e.getMessage().contains(C), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ArmComparison.of("CSS", d).withArm("arm").withTreatment(T).withControl(C).withAdjustment("age", "stage").run());
        assertTrue(e.getMessage().contains("unknown covariate 'stage'"), e.getMessage());
        assertTrue(e.getMessage().contains("age, size, sex]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ArmComparison.of("CSS", d).withArm("arm").withTreatment(T).withControl(C).withLandmarks(12, 400).run());
        assertTrue(e.getMessage().contains("landmark 400 is beyond the follow-up"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ArmComparison.of("CSS", d).withArm("arm").withTreatment(T).withControl(C).withHorizon(500).run());
        assertTrue(e.getMessage().contains("RMST horizon 500"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ArmComparison.of("CSS", d).withArm("arm").withTreatment(T).withControl(C).withSubgroups("timing").run());
        assertTrue(e.getMessage().contains("unknown subgroup column 'timing'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ArmComparison.of("CSS", d).withArm("arm").withTreatment(T).withControl(C).withSubgroups("age").run());
        assertTrue(e.getMessage().contains("is numeric"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ArmComparison.of("CSS", d).withArm("arm").withTreatment(T).withControl(T).run());
        assertTrue(e.getMessage().contains("the same arm"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ArmComparison.of("CSS", d).withArm("arm").withLandmarks(-1));
        assertTrue(e.getMessage().contains("landmark 1"), e.getMessage());
    }

    /** Defaults: two arms, the first level is the control; horizon = the shorter longest follow-up. */
    @Test
    void defaults() {
        ArmComparisonResult r = ArmComparison.of(cohort).run();
        EndpointComparison e = r.endpoint("CSS");
        assertEquals(C, r.control());
        assertEquals(T, r.treatment());
        assertEquals(Math.min(e.control().longestFollowUp(), e.treatment().longestFollowUp()), e.horizon());
        assertNotNull(e.kaplanMeier());
        assertTrue(e.adjustedHazardRatio().isEmpty());
    }
}
