package io.survkit.arms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.seer.ArmDefinition;
import io.survkit.seer.CohortSelection;
import io.survkit.seer.Endpoint;
import io.survkit.seer.SeerColumn;
import io.survkit.seer.SeerReader;
import io.survkit.seer.SystemicSurgerySequence;
import io.survkit.examples.gist.GistCohortSimulator;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole comparison on the synthetic GIST export, read back through the SEER reader as a user's file. */
class ArmComparisonGistTest {
    @TempDir
    static Path dir;
    static CohortSelection cohort;
    static ArmComparisonResult result;

    @BeforeAll
    static void run() {
        Path csv = GistCohortSimulator.withDefaults().write(dir.resolve("gist.csv"));
        cohort = SeerReader.withDefaults().withEndpoint(Endpoint.CANCER_SPECIFIC)
                .withArms(ArmDefinition.chemotherapyWithOrWithoutSurgery())
                .withNumeric(SeerColumn.AGE, "age").withNumeric(GistCohortSimulator.TUMOR_SIZE, "size")
                .withFactor(SeerColumn.SEX, "sex", "Female")
                .withFactor(SeerColumn.SYSTEMIC_SURGERY_SEQUENCE, "timing", null).read(csv);
        result = ArmComparison.of(cohort, Endpoint.CANCER_SPECIFIC, Endpoint.OVERALL_SURVIVAL)
                .withTreatment(ArmDefinition.SURGERY_PLUS_CHEMOTHERAPY).withControl(ArmDefinition.CHEMOTHERAPY_ALONE)
                .withLandmarks(12, 36, 60).withHorizon(120).withAdjustment("age", "sex", "size")
                .withSubgroups("timing").withLandmarkAnalysis(6).run();
    }

    @Test
    void reproducesTheReportedMedians() {
        EndpointComparison css = result.endpoint("CSS");
        EndpointComparison os = result.endpoint("OS");
        assertEquals(380, css.control().size());
        assertEquals(227, css.treatment().size());
        assertEquals(GistCohortSimulator.REPORTED_MEDIAN_CSS, css.control().median().orElse(Double.NaN));
        assertEquals(GistCohortSimulator.REPORTED_MEDIAN_OS, os.control().median().orElse(Double.NaN));
        assertFalse(css.treatment().medianReached());
        assertFalse(os.treatment().medianReached());
        assertEquals(MedianDifference.Kind.AT_LEAST, css.medianDifference().kind());
        assertEquals(css.treatment().longestFollowUp() - 57, css.medianDifference().value().getAsDouble());
        assertEquals(os.treatment().longestFollowUp() - 44, os.medianDifference().value().getAsDouble());
        assertTrue(css.crudeHazardRatio().orElse(Double.NaN) < 1 && os.crudeHazardRatio().orElse(Double.NaN) < 1);
        System.out.println(result);
    }

    @Test
    void paperBoundAt120Months() {
        ArmComparisonResult r = ArmComparison.of(cohort, Endpoint.CANCER_SPECIFIC, Endpoint.OVERALL_SURVIVAL)
                .withTreatment(ArmDefinition.SURGERY_PLUS_CHEMOTHERAPY).withControl(ArmDefinition.CHEMOTHERAPY_ALONE)
                .withMedianBound(120).run();
        assertEquals("\u2265 63", r.endpoint("CSS").medianDifference().toString());
        assertEquals("\u2265 76", r.endpoint("OS").medianDifference().toString());
    }

    @Test
    void subgroupsByTimingOfSurgery() {
        SubgroupAnalysis s = result.subgroups().orElseThrow();
        assertEquals(SubgroupAnalysis.Design.TREATMENT_LEVEL_VERSUS_CONTROL, s.design());
        assertTrue(s.definedAfterTimeZero());
        assertEquals(3, s.levels().size());
        assertTrue(s.levels().contains(SystemicSurgerySequence.SYSTEMIC_BEFORE_SURGERY.seerLabel()));
        int n = 0;
        for (int l = 0; l < 3; l++) {
            EndpointComparison c = s.comparison(l, 0);
            assertEquals(380, c.control().size());
            n += c.treatment().size();
        }
        assertEquals(227, n);
        assertEquals(2, s.interactionDegreesOfFreedom(0));
        assertTrue(s.interactionPValue(0).orElse(Double.NaN) >= 0 && s.interactionPValue(0).orElse(Double.NaN) <= 1);
        assertTrue(result.notes().stream().anyMatch(x -> x.contains("immortal-time bias")));
        assertTrue(result.landmarkAnalysis().orElseThrow().isLandmarkAnalysis());
    }

    /** The tidy table: one row per endpoint and arm, each number the same as the result's getter. */
    @Test
    void tableHasOneRowPerEndpointAndArm() throws Exception {
        io.survkit.table.Table t = result.table();
        assertEquals(4, t.rowCount());
        assertEquals(java.util.List.of("CSS", "CSS", "OS", "OS"), t.texts("endpoint"));
        EndpointComparison css = result.endpoint("CSS");
        assertEquals(css.control().label(), t.texts("arm").get(0));
        assertEquals(css.control().median().orElse(Double.NaN), t.number(0, "median"));
        assertEquals(css.crudeHazardRatio().orElse(Double.NaN), t.number(1, "crudeHr"));
        assertEquals(css.logRankPValue().orElse(Double.NaN), t.number(1, "logRankP"));
        assertTrue(result.toCsv().startsWith("endpoint,arm,n,events,median,"));
        java.io.StringWriter w = new java.io.StringWriter();
        result.writeJson(w);
        assertEquals(result.toJson(), w.toString());
    }
}
