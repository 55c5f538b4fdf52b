package io.survkit.compare;

import io.survkit.data.ModelFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.data.CountTable;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reference values computed by R beyond {@code survdiff}: Gehan-Breslow, Tarone-Ware and
 * Fleming-Harrington G(rho, gamma) weights, counting-process rows, case weights, the trend test,
 * pairwise comparisons with {@code p.adjust}, and {@code p.adjust} itself. Produced by
 * {@code src/test/resources/reference/logrank_reference.R} (R 4.2.2, survival 3.5-3; each case
 * names its R code), compared at relative 1e-9.
 */
class LogRankReferenceTest {
    private static final JsonNode REF = load();

    private static JsonNode load() {
        try (InputStream in = LogRankReferenceTest.class.getResourceAsStream("/reference/logrank_reference.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> names(String section) {
        List<String> r = new ArrayList<>();
        REF.get(section).forEach(c -> r.add(c.get("case").asText()));
        return r.stream();
    }

    static JsonNode find(String section, String name) {
        for (JsonNode c : REF.get(section)) {
            if (c.get("case").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError(name);
    }

    static Stream<String> logrankCases() {
        return names("logrank");
    }

    static Stream<String> trendCases() {
        return names("trend");
    }

    static Stream<String> pairwiseCases() {
        return names("pairwise");
    }

    static LogRankTest test(JsonNode p) {
        Weighting w = Weighting.valueOf(p.get("weighting").asText());
        LogRankTest t = LogRankTest.withDefaults();
        if (w == Weighting.FLEMING_HARRINGTON) {
            return t.withRho(p.get("rho").asDouble()).withGamma(p.get("gamma").asDouble());
        }
        return t.withWeighting(w);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logrankCases")
    void logRankMatchesR(String name) {
        JsonNode c = find("logrank", name);
        ModelFrame data = Oracle.frame(c);
        LogRankTest t = test(c.get("params"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) c.get("result")).put("nOmitted", data.omittedRows());
        ((com.fasterxml.jackson.databind.node.ObjectNode) c).put("case", name);
        LogRankOracleTest.assertResult(c, t.test(CountTable.of(data)));
        if (data.hasWeights()) {
            // case weights of rows use the robust variance (LogRankRobustTest); these cases are frequencies
            return;
        }
        LogRankOracleTest.assertResult(c, t.test(data));
        Oracle.assertNumber(c.get("result").get("chisq"), t.statistic(data), name + " statistic");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trendCases")
    void trendMatchesR(String name) {
        JsonNode c = find("trend", name);
        JsonNode p = c.get("params");
        ModelFrame data = Oracle.frame(c);
        TrendTest t = TrendTest.withDefaults().withTest(test(p));
        if (!p.get("scores").isNull()) {
            t = t.withScores(LogRankOracleTestSupport.doubles(p.get("scores")));
        }
        JsonNode e = c.get("result");
        for (TrendResult r : List.of(t.test(data), t.test(CountTable.of(data)))) {
            Oracle.assertStrings(e.get("groups"), r.groups(), name + " groups");
            Oracle.assertNumbers(e.get("scores"), r.scores(), name + " scores");
            Oracle.assertNumber(e.get("statistic"), r.statistic(), name + " U");
            Oracle.assertNumber(e.get("statisticVariance"), r.statisticVariance(), name + " var U");
            Oracle.assertNumber(e.get("z"), r.zScore(), name + " z");
            Oracle.assertNumber(e.get("chisq"), r.chiSquare(), name + " chisq");
            Oracle.assertNumber(e.get("p"), r.pValue(), name + " p");
            assertEquals(1, r.degreesOfFreedom());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairwiseCases")
    void pairwiseMatchesR(String name) {
        JsonNode c = find("pairwise", name);
        JsonNode p = c.get("params");
        ModelFrame data = Oracle.frame(c);
        PairwiseLogRank t = PairwiseLogRank.withDefaults().withTest(test(p))
                .withAdjustment(PValueAdjustment.valueOf(p.get("adjustment").asText()));
        JsonNode e = c.get("result");
        for (PairwiseLogRankResult r : List.of(t.test(data), t.test(CountTable.of(data)))) {
            Oracle.assertStrings(e.get("groups"), r.groups(), name + " groups");
            Oracle.assertMatrix(e.get("p"), r.pValues(), name + " p");
            double[][] m = r.pValues();
            for (int i = 0; i < m.length; i++) {
                for (int j = 0; j <= i; j++) {
                    assertEquals(m[i][j], r.pValue(i + 1, j));
                    assertEquals(m[i][j], r.pValue(j, i + 1));
                    assertEquals(m[i][j], r.pValue(r.groups().get(i + 1), r.groups().get(j)));
                }
            }
        }
    }

    @Test
    void pAdjustMatchesR() {
        JsonNode a = REF.get("pAdjust");
        double[] p = LogRankOracleTestSupport.doubles(a.get("p"));
        Oracle.assertNumbers(a.get("adjusted").get("none"), PValueAdjustment.NONE.adjust(p), "none");
        Oracle.assertNumbers(a.get("adjusted").get("bonferroni"), PValueAdjustment.BONFERRONI.adjust(p), "bonferroni");
        Oracle.assertNumbers(a.get("adjusted").get("holm"), PValueAdjustment.HOLM.adjust(p), "holm");
        Oracle.assertNumbers(a.get("adjusted").get("BH"), PValueAdjustment.BENJAMINI_HOCHBERG.adjust(p), "BH");
        assertTrue(REF.get("logrank").size() >= 20);
    }
}
