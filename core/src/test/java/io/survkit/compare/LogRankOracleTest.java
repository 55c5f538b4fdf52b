package io.survkit.compare;

import io.survkit.data.ModelFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.survkit.data.CountTable;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code logrank_*} case of the oracle, every field: R's {@code survdiff(..., rho = )} (the
 * call is in each case's {@code rCall}), relative 1e-9, through subject rows, through
 * {@link CountTable#of} and through {@link LogRankTest#statistic}.
 */
class LogRankOracleTest {

    static Stream<String> logrankCases() {
        List<String> cases = Oracle.cases("logrank");
        assertTrue(cases.size() >= 11, "expected the logrank oracle cases, found " + cases);
        return cases.stream();
    }

    static LogRankTest test(JsonNode params) {
        double rho = params.get("rho").asDouble();
        return rho == 0 ? LogRankTest.withDefaults() : LogRankTest.withDefaults().withRho(rho);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logrankCases")
    void matchesR(String name) {
        JsonNode c = Oracle.load(name);
        ModelFrame data = Oracle.frame(c);
        assertResult(c, test(c.get("params")).test(data));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logrankCases")
    void countTableMatchesR(String name) {
        JsonNode c = Oracle.load(name);
        CountTable counts = CountTable.of(Oracle.frame(c));
        assertResult(c, test(c.get("params")).test(counts));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logrankCases")
    void statisticMatchesR(String name) {
        JsonNode c = Oracle.load(name);
        ModelFrame data = Oracle.frame(c);
        LogRankTest t = test(c.get("params"));
        Oracle.assertNumber(c.get("result").get("chisq"), t.statistic(data), name + " statistic(rows)");
        Oracle.assertNumber(c.get("result").get("chisq"), t.statistic(CountTable.of(data)), name + " statistic(counts)");
    }

    static void assertResult(JsonNode c, LogRankResult r) {
        String name = c.get("case").asText();
        JsonNode e = c.get("result");
        assertEquals(e.get("nOmitted").asInt(), r.omittedRows(), name + " nOmitted");
        Oracle.assertStrings(e.get("groups"), r.groups(), name + " groups");
        Oracle.assertNumbers(e.get("n"), r.rowCounts(), name + " n");
        Oracle.assertNumbers(e.get("observed"), r.observed(), name + " observed");
        Oracle.assertNumbers(e.get("expected"), r.expected(), name + " expected");
        Oracle.assertMatrix(e.get("variance"), r.variance(), name + " variance");
        Oracle.assertNumber(e.get("chisq"), r.chiSquare(), name + " chisq");
        assertEquals(e.get("df").asInt(), r.degreesOfFreedom(), name + " df");
        Oracle.assertNumber(e.get("p"), r.pValue(), name + " p");
        if (e.get("strata").isNull()) {
            assertFalse(r.isStratified(), name + " strata");
            assertTrue(r.strata().isEmpty());
            assertTrue(r.observedByStratum().isEmpty(), "R gives obs as a vector without strata");
            assertTrue(r.expectedByStratum().isEmpty());
        } else {
            assertTrue(r.isStratified(), name + " strata");
            Oracle.assertStrings(e.get("strata"), r.strata(), name + " strata");
            Oracle.assertMatrix(e.get("observedByStratum"), r.observedByStratum().orElseThrow(), name + " observedByStratum");
            Oracle.assertMatrix(e.get("expectedByStratum"), r.expectedByStratum().orElseThrow(), name + " expectedByStratum");
        }
        double[] oe = r.observedMinusExpected();
        for (int g = 0; g < oe.length; g++) {
            double d = e.get("observed").get(g).asDouble() - e.get("expected").get(g).asDouble();
            assertTrue(Oracle.closeEnough(d, oe[g]), name + " O-E " + d + " vs " + oe[g]);
        }
    }

    @Test
    void allCensoredIsAnErrorNotANaNPValue() {
        ModelFrame d = ModelFrame.of(SurvivalData.csv(Oracle.data("edge_allcens")).time("time").event("status", "1")
                .read(), "group");
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> LogRankTest.withDefaults().test(d));
        assertTrue(x.getMessage().contains("no events"), x.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LogRankTest.withDefaults().statistic(d));
        assertThrows(IllegalArgumentException.class, () -> LogRankTest.withDefaults().test(CountTable.of(d)));
    }

    @Test
    void oneGroupIsAnError() {
        SurvivalData d = SurvivalData.csv(Oracle.data("edge_single")).time("time").event("status", "1").read();
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> LogRankTest.withDefaults().test(d, "1"));
        assertTrue(x.getMessage().contains("needs >= 2 groups with subjects"), x.getMessage());
    }
}
