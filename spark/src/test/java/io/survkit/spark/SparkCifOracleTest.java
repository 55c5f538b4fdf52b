package io.survkit.spark;

import static io.survkit.spark.SparkTests.assertClose;
import static io.survkit.spark.SparkTests.assertR;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.pmod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.compare.CumulativeIncidenceComparison;
import io.survkit.compare.GrayTest;
import io.survkit.compare.GrayTestResult;
import io.survkit.data.SurvivalData;
import io.survkit.estimate.CifMethod;
import io.survkit.estimate.CumulativeIncidence;
import io.survkit.estimate.CumulativeIncidenceResult;
import io.survkit.estimate.IncidenceCurve;
import io.survkit.estimate.IncidenceTest;
import io.survkit.estimate.StateProbabilities;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code cif_*} case of R's oracle through {@link SparkSurvival#cumulativeIncidence} on
 * {@code local[2]} (one distributed aggregation with per-cause counts): core's numbers on the same
 * rows (relative 1e-10) and R's (cmprsk cuminc curves and Gray's tests, survfit's multi-state
 * probabilities and standard errors; relative 1e-9). Gray's test of three groups within two strata
 * equals R's {@code cuminc(.., strata = site)$Tests} (core's reference/crr_cr_synth.R).
 */
class SparkCifOracleTest {

    static Stream<String> cifCases() {
        return SparkTests.cases("cif");
    }

    private static SparkSurvival survival(JsonNode c) {
        JsonNode p = c.get("params");
        SparkSurvival s = SparkSurvival.of(SparkTests.frame(c)).time(SparkTests.text(p, "time"))
                .causes(SparkTests.text(p, "event"), p.get("censorValue").asText());
        return SparkTests.text(p, "group") == null ? s : s.group(SparkTests.text(p, "group"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cifCases")
    void cumulativeIncidenceEqualsCoreAndR(String name) {
        JsonNode c = SparkTests.load(name);
        JsonNode p = c.get("params");
        JsonNode res = c.get("result");
        CumulativeIncidenceComparison est = CumulativeIncidenceComparison.withDefaults().withMethod(
                "cuminc".equals(p.get("method").asText()) ? CifMethod.CUMINC : CifMethod.AALEN_JOHANSEN);
        SurvivalData rows = SurvivalData.csv(SparkTests.data(c)).time(SparkTests.text(p, "time"))
                .causes(SparkTests.text(p, "event"), p.get("censorValue").asText()).read();
        String group = SparkTests.text(p, "group");
        CumulativeIncidenceResult core = est.fit(rows, group == null ? "1" : group);
        CumulativeIncidenceResult spark = survival(c).cumulativeIncidence(est);
        assertEquals(core.causes(), spark.causes(), name + " causes");
        assertEquals(core.groups(), spark.groups(), name + " groups");
        assertEquals(core.omittedRows(), spark.omittedRows(), name + " omitted");
        assertEquals(core.curveCount(), spark.curveCount(), name + " curves");
        for (int i = 0; i < core.curveCount(); i++) {
            IncidenceCurve a = core.curve(i);
            IncidenceCurve b = spark.curve(i);
            String w = name + " " + a.name();
            assertEquals(a.name(), b.name(), w);
            assertClose(a.times(), b.times(), w + " time");
            assertClose(a.estimates(), b.estimates(), w + " est");
            assertClose(a.variances(), b.variances(), w + " var");
            JsonNode e = res.get("curves").get(i);
            assertEquals(e.get("name").asText(), b.name(), w + " R name");
            assertR(e.get("est"), b.estimates(), w + " R est");
            assertR(e.get("var"), b.variances(), w + " R var");
        }
        assertEquals(core.test().isPresent(), spark.test().isPresent(), name + " Gray's test");
        spark.test().ifPresent(g -> {
            IncidenceTest h = core.test().orElseThrow();
            for (int k = 0; k < g.causeCount(); k++) {
                assertClose(h.statistic(k), g.statistic(k), name + " stat");
                assertClose(h.pValue(k), g.pValue(k), name + " p");
                assertR(res.get("grayTest").get(k).get("stat"), g.statistic(k), name + " R stat");
                assertR(res.get("grayTest").get(k).get("p"), g.pValue(k), name + " R p");
            }
        });
        assertEquals(core.stateCurves().size(), spark.stateCurves().size(), name + " state curves");
        for (int i = 0; i < core.stateCurves().size(); i++) {
            StateProbabilities a = core.stateCurve(i);
            StateProbabilities b = spark.stateCurve(i);
            assertEquals(a.name(), b.name(), name + " state curve");
            assertClose(a.times(), b.times(), name + " state time");
            JsonNode e = res.has("strata") && !res.get("strata").isNull() ? res.get("strata").get(i) : res;
            for (int j = 0; j < a.times().length; j++) {
                assertClose(a.probabilities()[j], b.probabilities()[j], name + " pstate " + j);
                assertClose(a.standardErrors()[j], b.standardErrors()[j], name + " stdErr " + j);
                assertR(e.get("pstate").get(j), b.probabilities()[j], name + " R pstate " + j);
                assertR(e.get("stdErr").get(j), b.standardErrors()[j], name + " R stdErr " + j);
            }
        }
    }

    /** cr_synth with R's {@code arm3 = c("a", "b", "c")[id %% 3 + 1]} and {@code site = c("s1", "s2")[id %% 2 + 1]}. */
    private static Dataset<Row> arms(JsonNode c) {
        return SparkTests.frame(c)
                .withColumn("arm3", element_at(array(lit("a"), lit("b"), lit("c")), pmod(col("id"), lit(3)).plus(1)))
                .withColumn("site", element_at(array(lit("s1"), lit("s2")), pmod(col("id"), lit(2)).plus(1)));
    }

    @Test
    void stratifiedGrayTestOfThreeGroupsEqualsR() throws IOException {
        JsonNode c = SparkTests.load("cif_cr_synth_group");
        JsonNode ref;
        try (InputStream in = getClass().getResourceAsStream("/reference/crr_cr_synth.json")) {
            ref = new ObjectMapper().readTree(in);
        }
        for (boolean strata : new boolean[] {false, true}) {
            SparkSurvival s = SparkSurvival.of(arms(c)).time("time").causes("status", "0").group("arm3");
            GrayTestResult g = (strata ? s.strata("site") : s).grayTest(GrayTest.withDefaults());
            JsonNode e = ref.get(strata ? "gray_arm3_site" : "gray_arm3");
            assertEquals(java.util.List.of("a", "b", "c"), g.groups());
            for (int k = 0; k < 2; k++) {
                assertR(e.get("stat").get(k), g.statistic(k), "stat " + k + " strata " + strata);
                assertR(e.get("p").get(k), g.pValue(k), "p " + k + " strata " + strata);
                assertEquals(e.get("df").get(k).asInt(), g.degreesOfFreedom(k));
            }
        }
    }

    @Test
    void cumulativeIncidenceNeedsCauses() {
        JsonNode c = SparkTests.load("cif_cr_synth_group");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkSurvival
                .of(SparkTests.frame(c)).time("time").event("status", "1").cumulativeIncidence(
                        CumulativeIncidence.withDefaults()));
        assertTrue(e.getMessage().contains("causes(column, censorValue)"), e.getMessage());
    }
}
