package io.survkit.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.survkit.compare.CumulativeIncidenceComparison;
import io.survkit.data.ModelFrame;
import io.survkit.oracle.Oracle;
import io.survkit.table.Table;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The library's JSON of Kaplan-Meier and cumulative incidence results equals R's oracle case, field
 * by field (the oracle's own field names and layout; relative 1e-9), and the tidy tables hold R's
 * numbers in R's column order.
 */
class ExportOracleTest {

    static Stream<String> kmCases() {
        return Oracle.cases("km").stream();
    }

    static Stream<String> cifCases() {
        return Oracle.cases("cif").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kmCases")
    void kaplanMeierJsonIsTheOracleResult(String name) {
        JsonNode c = Oracle.load(name);
        JsonNode p = c.get("params");
        KaplanMeierResult r = KaplanMeierOracleTest.estimator(p).fit(Oracle.frame(c));
        double[] times = p.get("times").isNull() ? new double[0] : KaplanMeierOracleTest.doubles(p.get("times"));
        OptionalDouble tau = p.get("tau").isNull() ? OptionalDouble.empty() : OptionalDouble.of(p.get("tau").asDouble());
        StringBuilder json = new StringBuilder();
        r.writeJson(json, times, tau);
        Oracle.assertJson(c.get("result"), json.toString(), name);
        if (times.length == 0 && tau.isEmpty()) {
            assertEquals(json.toString(), r.toJson());
        }
    }

    /** One row per curve and time, R's numbers: fit$time, n.risk, ..., std.chaz per stratum. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kmCases")
    void kaplanMeierTableHoldsRsCurves(String name) {
        JsonNode c = Oracle.load(name);
        KaplanMeierResult r = KaplanMeierOracleTest.estimator(c.get("params")).fit(Oracle.frame(c));
        Table t = r.table();
        assertEquals(List.of("strata", "time", "nRisk", "nEvent", "nCensor", "surv", "stdErr", "lower", "upper",
                "cumhaz", "stdChaz"), t.columnNames());
        int row = 0;
        for (JsonNode s : c.get("result").get("strata")) {
            int n = s.get("time").size();
            for (String col : List.of("time", "nRisk", "nEvent", "nCensor", "surv", "stdErr", "lower", "upper",
                    "cumhaz", "stdChaz")) {
                double[] all = t.numbers(col);
                Oracle.assertNumbers(s.get(col), java.util.Arrays.copyOfRange(all, row, row + n), name + " " + col);
            }
            for (int i = row; i < row + n; i++) {
                assertEquals(s.get("name").asText(), t.texts("strata").get(i));
            }
            row += n;
        }
        assertEquals(row, t.rowCount());
        assertTrue(r.toCsv().startsWith("strata,time,nRisk,nEvent,nCensor,surv,stdErr,lower,upper,cumhaz,stdChaz\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cifCases")
    void cumulativeIncidenceJsonIsTheOracleResult(String name) {
        JsonNode c = Oracle.load(name);
        CifMethod method = "cuminc".equals(c.get("params").get("method").asText()) ? CifMethod.CUMINC
                : CifMethod.AALEN_JOHANSEN;
        CumulativeIncidenceResult r = CumulativeIncidenceComparison.withDefaults().withMethod(method).fit(Oracle.frame(c));
        Oracle.assertJson(c.get("result"), r.toJson(), name);
        Table t = r.table();
        int rows = 0;
        if (method == CifMethod.CUMINC) {
            for (JsonNode curve : c.get("result").get("curves")) {
                rows += curve.get("time").size();
            }
            assertEquals(List.of("name", "group", "cause", "time", "est", "var"), t.columnNames());
        } else {
            JsonNode res = c.get("result");
            int states = res.get("states").size();
            for (JsonNode s : res.has("strata") ? res.get("strata") : List.of(res)) {
                rows += s.get("time").size() * states;
            }
            assertEquals(List.of("strata", "time", "state", "pstate", "stdErr"), t.columnNames());
        }
        assertEquals(rows, t.rowCount(), name);
    }
}
