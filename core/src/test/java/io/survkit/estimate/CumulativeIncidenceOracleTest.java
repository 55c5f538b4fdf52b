package io.survkit.estimate;

import io.survkit.data.ModelFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.survkit.compare.CumulativeIncidenceComparison;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code cif_*} case of the oracle, every field, relative 1e-9: R
 * {@code cmprsk::cuminc(ftime, fstatus, group, cencode = 0)} (curves and {@code Tests}) and
 * {@code survfit(Surv(time, factor(status)) ~ group)} (states, time, pstate, std.err), as each
 * case's {@code rCall} states.
 */
class CumulativeIncidenceOracleTest {

    static Stream<String> cifCases() {
        List<String> cases = Oracle.cases("cif");
        assertTrue(cases.size() >= 4, "expected the cif oracle cases, found " + cases);
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cifCases")
    void matchesR(String name) {
        JsonNode c = Oracle.load(name);
        JsonNode p = c.get("params");
        JsonNode res = c.get("result");
        ModelFrame data = Oracle.frame(c);
        CifMethod method = "cuminc".equals(p.get("method").asText()) ? CifMethod.CUMINC : CifMethod.AALEN_JOHANSEN;
        // cuminc's curves and Tests: the curves alone, then the composite that attaches Gray's test
        assertFalse(CumulativeIncidence.withDefaults().withMethod(method).fit(data).test().isPresent());
        CumulativeIncidenceResult r = CumulativeIncidenceComparison.withDefaults().withMethod(method).fit(data);
        assertEquals(method, r.method());
        assertEquals(res.get("nOmitted").asInt(), r.omittedRows(), "nOmitted");
        List<String> causes = r.causes();
        assertEquals(p.get("causes").size(), causes.size(), "causes");
        for (int k = 0; k < causes.size(); k++) {
            assertEquals(p.get("causes").get(k).asText(), causes.get(k), "cause " + k);
        }
        if (method == CifMethod.CUMINC) {
            assertCuminc(res, r);
        } else {
            assertAalenJohansen(res, r);
        }
    }

    private static void assertCuminc(JsonNode res, CumulativeIncidenceResult r) {
        JsonNode curves = res.get("curves");
        assertEquals(curves.size(), r.curveCount(), "curves");
        assertTrue(r.stateCurves().isEmpty());
        for (int i = 0; i < curves.size(); i++) {
            JsonNode e = curves.get(i);
            IncidenceCurve a = r.curve(i);
            String where = "curve " + e.get("name").asText();
            assertEquals(e.get("name").asText(), a.name(), where + " name");
            assertEquals(e.get("group").asText(), a.group(), where + " group");
            assertEquals(e.get("cause").asText(), a.cause(), where + " cause");
            Oracle.assertNumbers(e.get("time"), a.times(), where + " time");
            Oracle.assertNumbers(e.get("est"), a.estimates(), where + " est");
            Oracle.assertNumbers(e.get("var"), a.variances(), where + " var");
            assertEquals(a, r.curve(a.group(), a.cause()));
        }
        JsonNode tests = res.get("grayTest");
        if (tests == null || tests.isNull()) {
            assertFalse(r.test().isPresent(), "R gives no Tests without a group");
            return;
        }
        IncidenceTest g = r.test().orElseThrow();
        assertEquals(tests.size(), g.causeCount(), "grayTest rows");
        for (int k = 0; k < tests.size(); k++) {
            JsonNode t = tests.get(k);
            assertEquals(t.get("cause").asText(), g.cause(k), "grayTest cause");
            Oracle.assertNumber(t.get("stat"), g.statistic(k), "grayTest stat " + k);
            Oracle.assertNumber(t.get("p"), g.pValue(k), "grayTest p " + k);
            Oracle.assertNumber(t.get("df"), g.degreesOfFreedom(k), "grayTest df " + k);
        }
    }

    private static void assertAalenJohansen(JsonNode res, CumulativeIncidenceResult r) {
        Oracle.assertStrings(res.get("states"), r.states(), "states");
        assertTrue(r.curves().isEmpty());
        JsonNode strata = res.get("strata");
        if (strata == null || strata.isNull()) {
            assertEquals(1, r.stateCurves().size());
            assertState(res, r.stateCurve(0), "all");
            return;
        }
        assertEquals(strata.size(), r.stateCurves().size(), "strata");
        for (int i = 0; i < strata.size(); i++) {
            JsonNode e = strata.get(i);
            assertEquals(e.get("name").asText(), r.stateCurve(i).name(), "strata name");
            assertState(e, r.stateCurve(i), e.get("name").asText());
        }
    }

    private static void assertState(JsonNode e, StateProbabilities a, String where) {
        if (e.has("states")) {
            Oracle.assertStrings(e.get("states"), a.states(), where + " states");
        }
        Oracle.assertNumbers(e.get("time"), a.times(), where + " time");
        Oracle.assertMatrix(e.get("pstate"), a.probabilities(), where + " pstate");
        Oracle.assertMatrix(e.get("stdErr"), a.standardErrors(), where + " stdErr");
    }
}
