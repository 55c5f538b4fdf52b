package io.survkit.spark;

import static io.survkit.spark.SparkTests.assertClose;
import static io.survkit.spark.SparkTests.assertR;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.survkit.compare.LogRankResult;
import io.survkit.compare.LogRankTest;
import io.survkit.data.SurvivalData;
import io.survkit.estimate.ConfidenceIntervalType;
import io.survkit.estimate.KaplanMeier;
import io.survkit.estimate.KaplanMeierResult;
import io.survkit.estimate.SurvivalCurve;
import io.survkit.estimate.KaplanMeierVariance;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code km_*} and {@code logrank_*} case of R's oracle through {@link SparkSurvival} on
 * {@code local[2]}: the numbers of core on the same rows (relative 1e-10; Greenwood variance, the one
 * counts carry) and R's own (the oracle's survfit/survdiff values, relative 1e-9) where R used the
 * Greenwood variance.
 */
class SparkCountsOracleTest {

    static Stream<String> kmCases() {
        return SparkTests.cases("km");
    }

    static Stream<String> logrankCases() {
        return SparkTests.cases("logrank");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kmCases")
    void kaplanMeierEqualsCoreAndR(String name) {
        JsonNode c = SparkTests.load(name);
        JsonNode p = c.get("params");
        KaplanMeier km = KaplanMeier.withDefaults().withVariance(KaplanMeierVariance.GREENWOOD)
                .withConfidenceIntervalType(ConfidenceIntervalType.fromRName(p.get("confType").asText()))
                .withConfidenceLevel(p.get("confLevel").asDouble());
        SurvivalData rows = SparkTests.reader(c).read();
        KaplanMeierResult core = km.fit(rows, SparkTests.formula(c));
        KaplanMeierResult spark = SparkTests.survival(c).kaplanMeier(km);
        assertEquals(core.curveNames(), spark.curveNames(), name);
        assertEquals(core.omittedRows(), spark.omittedRows(), name + " omitted");
        for (int k = 0; k < core.curveCount(); k++) {
            SurvivalCurve a = core.curve(k);
            SurvivalCurve b = spark.curve(k);
            String w = name + " " + a.name();
            assertEquals(a.rowCount(), b.rowCount(), w + " n");
            assertClose(a.times(), b.times(), w + " time");
            assertClose(a.numberAtRisk(), b.numberAtRisk(), w + " nRisk");
            assertClose(a.numberOfEvents(), b.numberOfEvents(), w + " nEvent");
            assertClose(a.numberCensored(), b.numberCensored(), w + " nCensor");
            assertClose(a.survival(), b.survival(), w + " surv");
            assertClose(a.standardError(), b.standardError(), w + " stdErr");
            assertClose(a.lower(), b.lower(), w + " lower");
            assertClose(a.upper(), b.upper(), w + " upper");
            assertClose(a.cumulativeHazard(), b.cumulativeHazard(), w + " cumhaz");
            assertEquals(a.median(), b.median(), w + " median");
        }
        if (!p.get("robust").asBoolean()) {
            JsonNode strata = c.get("result").get("strata");
            assertEquals(strata.size(), spark.curveCount(), name + " curves");
            for (int k = 0; k < strata.size(); k++) {
                JsonNode e = strata.get(k);
                SurvivalCurve b = spark.curve(k);
                String w = name + " R " + e.get("name").asText();
                assertEquals(e.get("name").asText(), b.name(), w);
                assertR(e.get("time"), b.times(), w + " time");
                assertR(e.get("nRisk"), b.numberAtRisk(), w + " nRisk");
                assertR(e.get("surv"), b.survival(), w + " surv");
                assertR(e.get("stdErr"), b.standardError(), w + " stdErr");
                assertR(e.get("lower"), b.lower(), w + " lower");
                assertR(e.get("upper"), b.upper(), w + " upper");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logrankCases")
    void logRankEqualsCoreAndR(String name) {
        JsonNode c = SparkTests.load(name);
        double rho = c.get("params").get("rho").asDouble();
        LogRankTest t = LogRankTest.withDefaults().withRho(rho);
        LogRankResult core = t.test(SparkTests.reader(c).read(), SparkTests.formula(c));
        LogRankResult spark = SparkTests.survival(c).logRank(t);
        assertEquals(core.groups(), spark.groups(), name + " groups");
        assertClose(core.observed(), spark.observed(), name + " observed");
        assertClose(core.expected(), spark.expected(), name + " expected");
        assertClose(core.chiSquare(), spark.chiSquare(), name + " chisq");
        assertClose(core.pValue(), spark.pValue(), name + " p");
        assertEquals(core.degreesOfFreedom(), spark.degreesOfFreedom(), name + " df");
        JsonNode e = c.get("result");
        assertEquals(e.get("nOmitted").asInt(), spark.omittedRows(), name + " nOmitted");
        assertR(e.get("n"), spark.rowCounts(), name + " R n");
        assertR(e.get("observed"), spark.observed(), name + " R observed");
        assertR(e.get("expected"), spark.expected(), name + " R expected");
        assertR(e.get("chisq"), spark.chiSquare(), name + " R chisq");
        assertR(e.get("p"), spark.pValue(), name + " R p");
    }
}
