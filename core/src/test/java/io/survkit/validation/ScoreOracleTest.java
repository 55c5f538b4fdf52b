package io.survkit.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code score_*} case of the shared oracle (R 4.2.2, riskRegression 2022.11.28
 * {@code Score(list(model = risk matrix), Hist(time, status == v) ~ 1, times =, metrics =
 * c("auc", "brier"), cens.model = "km", se.fit = TRUE, conf.int = 0.95)}, the call in each file's
 * {@code rCall}), every field, relative 1e-8 as issue 17 sets for Score, through the result and
 * its JSON.
 */
class ScoreOracleTest {
    private static final double REL = 1e-8;
    static final String[] FIELDS = {"auc", "aucSe", "aucLower", "aucUpper", "brier", "brierSe", "brierLower",
        "brierUpper", "brierNull"};

    static List<String> cases() {
        return Oracle.cases("score");
    }

    static ScoreResult run(JsonNode c) {
        JsonNode p = c.get("params");
        SurvivalData d = Oracle.reader(c).read();
        double[] times = new double[p.get("times").size()];
        String[] risk = new String[times.length];
        for (int k = 0; k < times.length; k++) {
            times[k] = p.get("times").get(k).asDouble();
            risk[k] = p.get("riskColumns").get(k).asText();
        }
        return Score.withDefaults().withConfLevel(p.get("confLevel").asDouble()).estimate(d, times, risk);
    }

    static double field(TimeScore s, String f) {
        return switch (f) {
            case "auc" -> s.auc().value();
            case "aucSe" -> s.auc().standardError();
            case "aucLower" -> s.auc().lower();
            case "aucUpper" -> s.auc().upper();
            case "brier" -> s.brier().value();
            case "brierSe" -> s.brier().standardError();
            case "brierLower" -> s.brier().lower();
            case "brierUpper" -> s.brier().upper();
            default -> s.brierNull().value();
        };
    }

    @ParameterizedTest
    @MethodSource("cases")
    void result(String name) {
        JsonNode c = Oracle.load(name);
        JsonNode r = c.get("result");
        ScoreResult fit = run(c);
        assertEquals(r.get("n").asInt(), fit.size(), name);
        assertEquals(r.get("nOmitted").asInt(), fit.omittedRows(), name);
        for (int k = 0; k < fit.timeCount(); k++) {
            near(r.get("times").get(k).asDouble(), fit.at(k).time(), name + " time");
            for (String f : FIELDS) {
                near(r.get(f).get(k).asDouble(), field(fit.at(k), f), name + " " + f + "[" + k + "]");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void json(String name) throws Exception {
        JsonNode c = Oracle.load(name);
        JsonNode r = c.get("result");
        JsonNode j = new ObjectMapper().readTree(run(c).toJson());
        assertEquals(r.get("n").asInt(), j.get("n").asInt(), name);
        for (String f : FIELDS) {
            assertEquals(r.get(f).size(), j.get(f).size(), name + " " + f);
            for (int k = 0; k < r.get(f).size(); k++) {
                near(r.get(f).get(k).asDouble(), j.get(f).get(k).asDouble(), name + " json " + f + "[" + k + "]");
            }
        }
    }

    static void near(double e, double a, String where) {
        if (!(Math.abs(a - e) <= REL * Math.abs(e) || Math.abs(a - e) <= 1e-12)) {
            fail(where + ": expected " + e + " (R) but was " + a + " (rel diff " + Math.abs(a - e) / Math.abs(e) + ")");
        }
    }
}
