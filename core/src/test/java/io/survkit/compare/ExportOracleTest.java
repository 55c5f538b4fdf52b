package io.survkit.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import io.survkit.table.Table;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The library's JSON of the log-rank family equals R's: the oracle's logrank cases, the trend and
 * pairwise references (survival 3.5-3, {@code reference/logrank_reference.R}) and Gray's test of the
 * oracle's cuminc cases; relative 1e-9, field by field. Tidy tables: one row per group or pair.
 */
class ExportOracleTest {

    static Stream<String> logrankCases() {
        return Oracle.cases("logrank").stream();
    }

    static Stream<String> cumincCases() {
        return Oracle.cases("cif").stream()
                .filter(n -> Oracle.load(n).get("result").has("grayTest")
                        && !Oracle.load(n).get("result").get("grayTest").isNull());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logrankCases")
    void logRankJsonIsTheOracleResult(String name) {
        JsonNode c = Oracle.load(name);
        LogRankResult r = LogRankOracleTest.test(c.get("params")).test(Oracle.frame(c));
        Oracle.assertJson(c.get("result"), r.toJson(), name);
        Table t = r.table();
        assertEquals(List.of("group", "n", "observed", "expected", "chisq", "df", "p"), t.columnNames());
        Oracle.assertNumbers(c.get("result").get("observed"), t.numbers("observed"), name + " observed");
        Oracle.assertNumbers(c.get("result").get("expected"), t.numbers("expected"), name + " expected");
        Oracle.assertStrings(c.get("result").get("groups"), t.texts("group"), name + " groups");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.survkit.compare.LogRankReferenceTest#trendCases")
    void trendJsonIsTheReference(String name) {
        JsonNode c = LogRankReferenceTest.find("trend", name);
        JsonNode p = c.get("params");
        TrendTest t = TrendTest.withDefaults().withTest(LogRankReferenceTest.test(p));
        if (!p.get("scores").isNull()) {
            t = t.withScores(LogRankOracleTestSupport.doubles(p.get("scores")));
        }
        TrendResult r = t.test(Oracle.frame(c));
        Oracle.assertJson(c.get("result"), r.toJson(), name);
        assertEquals(r.groups().size(), r.table().rowCount());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.survkit.compare.LogRankReferenceTest#pairwiseCases")
    void pairwiseJsonIsTheReference(String name) {
        JsonNode c = LogRankReferenceTest.find("pairwise", name);
        JsonNode p = c.get("params");
        PairwiseLogRankResult r = PairwiseLogRank.withDefaults().withTest(LogRankReferenceTest.test(p))
                .withAdjustment(PValueAdjustment.valueOf(p.get("adjustment").asText()))
                .test(Oracle.frame(c));
        Oracle.assertJson(c.get("result"), r.toJson(), name);
        Table t = r.table();
        int k = r.groups().size();
        assertEquals(k * (k - 1) / 2, t.rowCount());
        JsonNode pm = c.get("result").get("p");
        for (int i = 0; i < t.rowCount(); i++) {
            int a = r.groups().indexOf(t.texts("group1").get(i));
            int b = r.groups().indexOf(t.texts("group2").get(i));
            Oracle.assertNumber(pm.get(a - 1).get(b), t.number(i, "p"), name + " p[" + a + "," + b + "]");
        }
    }

    /** Gray's test alone: the oracle's {@code grayTest} field, under the same name. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cumincCases")
    void grayJsonIsTheOracleGrayTest(String name) {
        JsonNode c = Oracle.load(name);
        ModelFrame data = Oracle.frame(c);
        GrayTestResult g = GrayTest.withDefaults().test(data);
        ObjectNode expected = Oracle.parse("{}").deepCopy();
        expected.set("grayTest", c.get("result").get("grayTest"));
        Oracle.assertJson(expected, g.toJson(), name);
        assertEquals(List.of("cause", "stat", "df", "p"), g.table().columnNames());
    }
}
