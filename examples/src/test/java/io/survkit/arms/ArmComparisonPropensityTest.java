package io.survkit.arms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.seer.ArmDefinition;
import io.survkit.seer.CohortSelection;
import io.survkit.seer.Endpoint;
import io.survkit.data.Factor;
import io.survkit.seer.SeerColumn;
import io.survkit.seer.SeerReader;
import io.survkit.data.SurvivalData;
import io.survkit.examples.gist.GistCohortSimulator;
import io.survkit.regression.CoxRegression;
import io.survkit.regression.CoxResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Matched and weighted comparisons equal the separate propensity, matching and Cox calls. */
class ArmComparisonPropensityTest {
    static final String T = ArmDefinition.SURGERY_PLUS_CHEMOTHERAPY;
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

    @Test
    void matchedEqualsSeparateCallsWithClusteredCox() {
        PropensityScore ps = PropensityScore.withDefaults().withCovariates("age", "size");
        ArmComparisonResult r = ArmComparison.of(cohort, Endpoint.CANCER_SPECIFIC, Endpoint.OVERALL_SURVIVAL)
                .withLandmarks(12, 36, 60).withHorizon(120).withMatching(ps).run();
        SurvivalData d = cohort.data(Endpoint.OVERALL_SURVIVAL);
        boolean[] treated = PropensityScore.treated(d, "arm", T);
        MatchedSets sets = PropensityMatching.withDefaults().match(ps.estimate(d, treated));
        int[] rows = sets.matchedRows();
        int[] set = new int[rows.length];
        List<String> levels = new ArrayList<>();
        for (int s = 0; s < sets.setCount(); s++) {
            levels.add(Integer.toString(s + 1));
        }
        for (int k = 0; k < rows.length; k++) {
            set[k] = sets.setId(rows[k]);
        }
        SurvivalData m = d.rows(rows).withCluster(Factor.of("matched set", levels, set));
        ArmComparisonTest.assertSameAsSeparateCalls(r.endpoint("OS"), m, 120, List.of());
        CoxResult cox = CoxRegression.withDefaults().fit(m.withNumeric("armx", codes(m)), "armx");
        assertTrue(cox.isRobust());
        assertEquals(sets.setCount(), cox.clusterCount());
        PropensityAdjustment pa = r.propensityAdjustment(1).orElseThrow();
        assertEquals(PropensityAdjustment.Kind.MATCHED, pa.kind());
        assertEquals(sets.matchedTreatedCount(), pa.matchedSets().orElseThrow().matchedTreatedCount());
        assertTrue(pa.balance().maxAbsoluteSmdAfter().getAsDouble() < pa.balance().maxAbsoluteSmdBefore());
        assertTrue(r.methods().contains("caliper 0.2 SD of the logit"), r.methods());
        assertEquals(r.endpoint("OS").treatment().size(), r.endpoint("OS").control().size());
        assertTrue(r.toJson().contains("\"smdAfter\""));
    }

    @Test
    void weightedUsesIptwAndRobustCox() {
        PropensityScore ps = PropensityScore.withDefaults().withCovariates("age", "size");
        ArmComparisonResult r = ArmComparison.of(cohort).withLandmarks(12).withHorizon(120).withWeighting(ps).run();
        SurvivalData d = cohort.data();
        boolean[] treated = PropensityScore.treated(d, "arm", T);
        InverseProbabilityWeightsResult w = InverseProbabilityWeights.withDefaults().estimate(ps.estimate(d, treated));
        SurvivalData wd = d.withWeights("iptw", w.weights());
        EndpointComparison e = r.endpoint("CSS");
        CoxResult cox = CoxRegression.withDefaults().fit(wd.withNumeric("x", codes(wd)), "x");
        assertTrue(cox.isRobust());
        assertEquals(cox.hazardRatios()[0], e.crudeHazardRatio().orElse(Double.NaN));
        assertEquals(cox.hazardRatioUpper()[0], e.crudeHazardRatioUpper().orElse(Double.NaN));
        assertTrue(e.logRankPValue().isEmpty());
        assertTrue(e.notes().stream().anyMatch(n -> n.contains("log-rank test is not reported")));
        assertEquals(io.survkit.estimate.KaplanMeier.withDefaults().fit(wd, "arm").curve(1).restrictedMean(120).estimate(),
                e.treatment().restrictedMean().orElse(Double.NaN));
    }

    static double[] codes(SurvivalData d) {
        Factor g = d.factor("arm");
        double[] x = new double[d.rowCount()];
        for (int i = 0; i < x.length; i++) {
            x[i] = g.code(i);
        }
        return x;
    }

    /** Two arms that a covariate separates completely, or quasi-completely (some overlap). */
    private static SurvivalData separated(boolean overlap) {
        int n = 200;
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        double[] t = new double[n];
        boolean[] e = new boolean[n];
        String[] arm = new String[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            boolean tr = i % 2 == 0;
            arm[i] = tr ? "T" : "C";
            // with overlap, six treated patients lie among the controls (quasi-complete separation)
            x[i] = (tr && !(overlap && i < 12) ? 10 : 0) + r.nextDouble();
            t[i] = 1 + r.nextInt(50);
            e[i] = r.nextDouble() < 0.6;
        }
        return SurvivalData.builder().time("t", t).event("e", e).text("arm", arm).numeric("x", x).build();
    }

    @Test
    void separatedPropensityScoresAreRefusedNotPresentedAsWeighted() {
        // issue 12: R's glm warns "fitted probabilities numerically 0 or 1 occurred"; every IPT weight was 1
        // and the crude analysis was presented as weighted
        PropensityScore ps = PropensityScore.withDefaults().withCovariates("x");
        IllegalArgumentException w = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ArmComparison.of("OS", separated(false)).withArm("arm").withTreatment("T").withControl("C").withWeighting(ps).run());
        assertTrue(w.getMessage().contains("separate the arms completely") && w.getMessage().contains("OS"),
                w.getMessage());
        IllegalArgumentException m = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ArmComparison.of("OS", separated(false)).withArm("arm").withTreatment("T").withControl("C").withMatching(ps).run());
        assertTrue(m.getMessage().contains("no pair was matched") && m.getMessage().contains("caliper"),
                m.getMessage());
        org.junit.jupiter.api.Assertions.assertFalse(m.getMessage().contains("needs at least one level"));
    }

    @Test
    void propensityModelWarningsReachNotesJsonAndMethods() {
        // a model warning (here: IRLS stopped after 1 iteration) must reach every output of the result
        PropensityScore ps = PropensityScore.withDefaults().withCovariates("x")
                .withRegression(io.survkit.regression.LogisticRegression.withDefaults().withMaxIterations(1));
        SurvivalData d = separated(true);
        java.util.List<String> modelWarnings = ps.estimate(d, "arm", "T").model().orElseThrow().warnings();
        assertTrue(!modelWarnings.isEmpty(), "the logistic fit warns on this data");
        ArmComparisonResult r = ArmComparison.of("OS", d).withArm("arm").withTreatment("T").withControl("C").withWeighting(ps).run();
        String w = modelWarnings.get(0);
        assertTrue(r.notes().contains("OS, propensity score model: " + w), r.notes().toString());
        assertTrue(r.toString().contains("propensity score model: "), r.toString());
        assertTrue(r.toJson().contains("propensity score model: "));
        assertTrue(r.methods().contains("The propensity score model warned: "), r.methods());
    }
}
