package io.survkit.relative;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * rs.diff and age-standardised net survival against R references derived with relsurv 2.2.9
 * ({@code resources/relative/reference/rsdiff_standardised.R}, which holds every call), relative
 * 1e-9. The US case carries relsurv 2.2.9's birth-date offset (reproduced in tests only).
 */
class NetSurvivalComparisonReferenceTest {
    static JsonNode reference(String name) throws IOException {
        return new ObjectMapper().readTree(RateTableTest.resource("reference/" + name + ".json").toFile());
    }

    static SurvivalData data(String dataset, String time, String event) {
        return SurvivalData.csv(Oracle.data(dataset)).time(time).event(event, "1").read();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsdiff_rdata_sex", "rsdiff_rdata_agegr", "rsdiff_registry_us_stage"})
    void rsDiffEqualsRelsurv(String name) throws IOException {
        JsonNode ref = reference(name);
        boolean us = ref.get("ratetable").asText().equals("us");
        RateTable t = us ? RateTable.us().withBirthEpoch(-3653)
                : RateTable.csv(Oracle.root().resolve("ratetables/slopop.csv")).withDaysPerYear(365.241);
        SurvivalData d = us ? data("registry_us", "time", "status") : data("rdata", "time", "cens");
        NetSurvivalComparisonResult r = NetSurvivalComparison.withDefaults().withRateTable(t)
                .test(d, ref.get("group").asText(), "age", "sex", "year");
        Oracle.assertNumber(ref.get("statistic"), r.statistic(), name + " statistic");
        Oracle.assertNumber(ref.get("pValue"), r.pValue(), name + " p");
        assertEquals(ref.get("df").asInt(), r.degreesOfFreedom());
        JsonNode z = ref.get("z");
        for (int h = 0; h < r.degreesOfFreedom(); h++) {
            Oracle.assertNumber(z.isArray() ? z.get(h) : z, r.score(h), name + " z[" + h + "]");
            for (int l = 0; l < r.degreesOfFreedom(); l++) {
                Oracle.assertNumber(ref.get("covariance").get(h).get(l), r.covariance(h, l), name + " cov");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void icssStandardisedNetSurvivalEqualsTheRReference(int k) throws IOException {
        JsonNode ref = reference("standardised_rdata_icss" + k);
        RateTable t = RateTable.csv(Oracle.root().resolve("ratetables/slopop.csv")).withDaysPerYear(365.241);
        SurvivalData d = SurvivalData.csv(Oracle.data("rdata")).time("time").event("cens", "1").read();
        List<StandardisedSurvival> s = AgeStandardisedNetSurvival.withDefaults()
                .withStandard(IcssStandard.values()[k - 1]).withRateTable(t)
                .estimate(d, Demography.of(d, "age", "sex", "year"), 365, 1096, 1826);
        assertEquals(1, s.size());
        StandardisedSurvival r = s.get(0);
        Oracle.assertNumbers(ref.get("surv"), r.survival(), "surv");
        Oracle.assertNumbers(ref.get("stdErr"), r.standardError(), "stdErr");
        Oracle.assertNumbers(ref.get("lower"), r.lower(), "lower");
        Oracle.assertNumbers(ref.get("upper"), r.upper(), "upper");
        for (int g = 0; g < 5; g++) {
            for (int j = 0; j < 3; j++) {
                Oracle.assertNumber(ref.get("groupSurv").get(j).get(g), r.ageGroupSurvival(g)[j], "group " + g);
            }
        }
    }
}
