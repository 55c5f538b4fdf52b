package io.survkit.validation;

import static io.survkit.oracle.Oracle.assertNumber;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code concordance_*} case of the shared oracle (R survival 3.5-3
 * {@code concordance(Surv(...) ~ x [+ strata(s)], weights =, timewt =, reverse =)}, the call in
 * each file's {@code rCall}), every field, relative 1e-9, through the result and its JSON.
 */
class ConcordanceOracleTest {
    static List<String> cases() {
        return Oracle.cases("concordance");
    }

    static ConcordanceResult run(JsonNode c) {
        JsonNode p = c.get("params");
        String x = p.get("predictor").asText();
        SurvivalData d = Oracle.reader(c).read();
        String formula = x + (Oracle.text(p, "strata") == null ? "" : " + strata(" + Oracle.text(p, "strata") + ")");
        return Concordance.withDefaults().withTimeWeight(TimeWeight.fromR(p.get("timewt").asText()))
                .withDirection(p.get("reverse").asBoolean() ? Direction.HIGHER_RISK : Direction.LONGER_SURVIVAL)
                .estimate(d, formula);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void result(String name) {
        JsonNode c = Oracle.load(name);
        JsonNode r = c.get("result");
        ConcordanceResult fit = run(c);
        assertEquals(r.get("n").asInt(), fit.size(), name + " n");
        assertEquals(r.get("nOmitted").asInt(), fit.omittedRows(), name + " nOmitted");
        assertNumber(r.get("concordance"), fit.concordance(), name + " concordance");
        assertNumber(r.get("se"), fit.standardError(), name + " se");
        counts(r.get("count"), fit.counts(), name + " count");
        JsonNode by = r.get("countByStratum");
        if (by.isNull()) {
            assertEquals(List.of(), fit.strata(), name);
        } else {
            assertEquals(by.size(), fit.strata().size(), name + " strata");
            for (int s = 0; s < by.size(); s++) {
                assertEquals(by.get(s).get("stratum").asText(), fit.strata().get(s), name);
                counts(by.get(s), fit.counts(s), name + " " + fit.strata().get(s));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void json(String name) throws Exception {
        JsonNode c = Oracle.load(name);
        JsonNode r = c.get("result");
        JsonNode j = new ObjectMapper().readTree(run(c).toJson());
        for (String f : List.of("n", "nOmitted")) {
            assertEquals(r.get(f).asInt(), j.get(f).asInt(), name + " " + f);
        }
        assertNumber(r.get("concordance"), j.get("concordance").asDouble(), name + " json concordance");
        assertNumber(r.get("se"), j.get("se").asDouble(), name + " json se");
        for (String f : List.of("concordant", "discordant", "tiedRisk", "tiedTime", "tiedBoth")) {
            assertNumber(r.get("count").get(f), j.get("count").get(f).asDouble(), name + " json " + f);
        }
        assertEquals(r.get("countByStratum").isNull(), j.get("countByStratum").isNull(), name);
    }

    static void counts(JsonNode e, PairCounts a, String where) {
        assertNumber(e.get("concordant"), a.concordant(), where + " concordant");
        assertNumber(e.get("discordant"), a.discordant(), where + " discordant");
        assertNumber(e.get("tiedRisk"), a.tiedRisk(), where + " tiedRisk");
        assertNumber(e.get("tiedTime"), a.tiedTime(), where + " tiedTime");
        assertNumber(e.get("tiedBoth"), a.tiedBoth(), where + " tiedBoth");
    }
}
