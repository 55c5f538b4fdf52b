package io.survkit.seer;

import io.survkit.data.SurvivalData;
import io.survkit.data.ModelFrame;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Invariants of the SEER reader over random case listings. */
class SeerReaderPropertiesTest {

    /** Record v: kind = v % 8, surgery = (v / 8) % 2, months = v / 16. */
    private static SeerFixture listing(List<Integer> codes) {
        SeerFixture f = new SeerFixture().alive("0100");
        for (int v : codes) {
            String months = String.format("%04d", v / 16);
            switch (v % 8) {
                case 1 -> f.cancerDeath(months);
                case 2 -> f.otherDeath(months);
                case 3 -> f.unknownDeath(months);
                case 4 -> f.alive("Unknown");
                case 5 -> f.cancerDeath("Unknown").set(SeerFixture.FLAG, SeerLabels.FLAG_NOT_CALCULATED);
                case 6 -> f.alive(months).set(SeerFixture.CSS, SeerLabels.NOT_FIRST_TUMOR)
                        .set(SeerFixture.OTHER, SeerLabels.NOT_FIRST_TUMOR);
                case 7 -> f.otherDeath(months).set(SeerFixture.CHEMO, "No/Unknown");
                default -> f.alive(months);
            }
            if ((v / 8) % 2 == 1) {
                f.surgery(SystemicSurgerySequence.SYSTEMIC_AFTER_SURGERY);
            }
        }
        return f;
    }

    private static CohortSelection read(Endpoint e, String text) {
        return SeerReader.withDefaults().withEndpoint(e).withArms(ArmDefinition.chemotherapyWithOrWithoutSurgery())
                .read(new StringReader(text), "random");
    }

    @Property(seed = "42", tries = 200)
    void everyRecordIsAnalysedOrExcludedOnce(@ForAll @Size(max = 60) List<@IntRange(max = 3999) Integer> codes) {
        String text = listing(codes).csv();
        for (Endpoint e : List.of(Endpoint.OVERALL_SURVIVAL, Endpoint.CANCER_SPECIFIC,
                Endpoint.CANCER_SPECIFIC.withUnknownCause(UnknownCause.CENSOR), Endpoint.COMPETING_RISKS)) {
            CohortSelection c = read(e, text);
            assertEquals(codes.size() + 1, c.size() + c.excludedCount());
            int arms = c.armCounts().values().stream().mapToInt(Integer::intValue).sum();
            assertEquals(c.size(), arms);
        }
    }

    @Property(seed = "42", tries = 200)
    void censoringUnknownCausesAddsExactlyThoseDeathsAndNoEvents(
            @ForAll @Size(max = 60) List<@IntRange(max = 3999) Integer> codes) {
        String text = listing(codes).csv();
        CohortSelection exclude = read(Endpoint.CANCER_SPECIFIC, text);
        CohortSelection censor = read(Endpoint.CANCER_SPECIFIC.withUnknownCause(UnknownCause.CENSOR), text);
        assertEquals(exclude.size() + exclude.exclusions().get(CohortSelection.CAUSE_OF_DEATH_UNKNOWN), censor.size());
        assertEquals(censor.unknownCauseDeaths(), exclude.exclusions().get(CohortSelection.CAUSE_OF_DEATH_UNKNOWN));
        assertEquals(frame(exclude.data()).eventCount(), frame(censor.data()).eventCount());
    }

    @Property(seed = "42", tries = 200)
    void competingRisksRefinesOverallAndCancerSpecific(
            @ForAll @Size(max = 60) List<@IntRange(max = 3999) Integer> codes) {
        CohortSelection cr = read(Endpoint.COMPETING_RISKS, listing(codes).csv());
        ModelFrame d = frame(cr.data());
        ModelFrame os = frame(cr.data(Endpoint.OVERALL_SURVIVAL));
        ModelFrame css = frame(cr.data(Endpoint.CANCER_SPECIFIC));
        for (int i = 0; i < d.rowCount(); i++) {
            assertEquals(d.status(i) != 0, os.isEvent(i));
            assertEquals(d.status(i) == 1, css.isEvent(i));
        }
        assertTrue(css.eventCount() <= os.eventCount());
    }

    @Property(seed = "42", tries = 100)
    void rowOrderAndDelimiterDoNotMatter(@ForAll @Size(max = 40) List<@IntRange(max = 3999) Integer> codes,
            @ForAll long shuffleSeed) {
        List<Integer> shuffled = new ArrayList<>(codes);
        Collections.shuffle(shuffled, new Random(shuffleSeed));
        CohortSelection a = read(Endpoint.COMPETING_RISKS, listing(codes).csv());
        CohortSelection b = read(Endpoint.COMPETING_RISKS, listing(shuffled).tsv());
        assertEquals(a.exclusions(), b.exclusions());
        assertEquals(a.armCounts(), b.armCounts());
        assertArrayEquals(sortedKeys(frame(a.data())), sortedKeys(frame(b.data())));
    }

    /** Each row as time * 1000 + status * 10 + arm, sorted: the multiset of rows. */
    private static double[] sortedKeys(ModelFrame d) {
        double[] k = new double[d.rowCount()];
        for (int i = 0; i < k.length; i++) {
            k[i] = d.time(i) * 1000 + d.status(i) * 10 + d.groups().orElseThrow().code(i);
        }
        Arrays.sort(k);
        return k;
    }

    /** The cohort with its arm (if any) as the grouping. */
    static ModelFrame frame(SurvivalData d) {
        return ModelFrame.of(d, d.hasColumn("arm") ? "arm" : "1");
    }
}
