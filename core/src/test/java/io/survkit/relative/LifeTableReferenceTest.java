package io.survkit.relative;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The actuarial life table against {@code KMsurv::lifetab} (KMsurv 0.1-5; references and counting
 * rule in {@code resources/relative/reference/lifetab_reference.R}), every column, relative 1e-9;
 * and its Ederer II relative columns on a constant-hazard table, where p* = exp(−λw) exactly.
 */
class LifeTableReferenceTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"lifetab_rdata_365", "lifetab_lung_sex_90"})
    void everyColumnEqualsKmsurvLifetab(String name) throws IOException {
        JsonNode ref = new ObjectMapper().readTree(RateTableTest.resource("reference/" + name + ".json").toFile());
        SurvivalData d = SurvivalData.csv(Oracle.data(ref.get("dataset").asText())).time(ref.get("time").asText())
                .event(ref.get("event").asText(), ref.get("eventValue").asText()).read();
        LifeTable l = LifeTable.withDefaults().withIntervalWidth(ref.get("width").asDouble());
        LifeTableResult lt = ref.has("group") ? l.estimate(d, ref.get("group").asText()) : l.estimate(d);
        JsonNode actual = new ObjectMapper().readTree(lt.toJson());
        assertEquals(ref.get("strata").size(), actual.get("strata").size());
        for (int k = 0; k < ref.get("strata").size(); k++) {
            JsonNode e = ref.get("strata").get(k);
            JsonNode a = actual.get("strata").get(k);
            assertEquals(e.get("name").asText(), a.get("name").asText());
            for (String f : new String[] {"tis", "nsubs", "nlost", "nrisk", "nevent", "surv", "pdf", "hazard",
                "se.surv", "se.pdf", "se.hazard"}) {
                Oracle.assertNumbers(e.get(f), RelativeSurvivalOracleTest.doubles(a.get(f)), name + " " + e.get("name")
                        + " " + f);
            }
        }
    }

    @Test
    void relativeColumnsOnAConstantTable() throws IOException {
        double lambda = 2e-4;
        StringBuilder b = new StringBuilder("age,sex,year,hazard\n");
        for (int a = 0; a <= 100; a++) {
            b.append(a).append(",male,2000,").append(lambda).append('\n').append(a).append(",female,2000,")
                    .append(lambda).append('\n');
        }
        Path f = dir.resolve("constant.csv");
        Files.writeString(f, b.toString());
        SurvivalData d = RelativeSurvivalClosedFormTest.data();   // 10 c, 20 c, 20 event, 30 c
        LifeTableGroup g = LifeTable.withDefaults().withIntervalWidth(15).withRateTable(RateTable.csv(f))
                .estimate(d, RelativeSurvivalClosedFormTest.who()).group(0);
        assertEquals(3, g.size());
        double pStar = Math.exp(-15 * lambda);
        assertEquals(pStar, g.expectedConditionalSurvival(0).getAsDouble(), 1e-15);
        // interval 2 [15, 30): entered 3, withdrawn 1, event 1: n_eff 2.5, p = 0.6
        assertEquals(2.5, g.effectiveAtRisk(1));
        assertEquals(0.6 / (pStar * pStar), g.relativeSurvival(1).getAsDouble(), 1e-14);
        double seObs = 0.6 * Math.sqrt(1 / (2.5 * 1.5));
        assertEquals(seObs / (pStar * pStar), g.relativeSurvivalStandardError(1).getAsDouble(), 1e-14);
    }
}
