package io.survkit.relative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code relsurv_*} case of the oracle (R relsurv 2.2.9 {@code rs.surv}, call in each case's
 * {@code rCall}), every field, through the library and its JSON. Tables on {@code slopop} at
 * relative 1e-9. Tables on {@code us}: relsurv 2.2.9 reads the birth date of the US rule 3653 days
 * early (oracle README); with that offset reproduced (package-private, tests only) every field is
 * equal at 1e-9, and with the correct birth date (the public behaviour) {@code surv} is within 1e-3
 * absolute as the README prescribes, while counts and standard errors of Ederer I, II and Hakulinen,
 * which do not use the table, stay exact.
 */
class RelativeSurvivalOracleTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> cases() {
        List<String> cases = Oracle.cases("relsurv");
        assertTrue(cases.size() >= 10, "expected the relsurv oracle cases, found " + cases);
        return cases.stream();
    }

    static SurvivalData data(JsonNode c) {
        JsonNode p = c.get("params");
        return SurvivalData.csv(Oracle.data(c.get("dataset").asText())).time(Oracle.text(p, "time"))
                .event(p.get("event").asText(), p.get("eventValue").asText()).read();
    }

    static RateTable table(JsonNode p) {
        String name = p.get("ratetable").asText();
        if (name.equals("us")) {
            return RateTable.us();
        }
        return RateTable.csv(Oracle.root().resolve("ratetables").resolve(name + ".csv"))
                .withDaysPerYear(p.get("daysPerYear").asDouble());
    }

    static double[] doubles(JsonNode a) {
        double[] r = new double[a.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = a.get(i).isNull() ? Double.NaN : a.get(i).asDouble();
        }
        return r;
    }

    static RelativeSurvivalResult fit(JsonNode c, RateTable t) {
        JsonNode p = c.get("params");
        assertEquals(t.daysPerYear(), p.get("daysPerYear").asDouble());
        return RelativeSurvival.withDefaults().withMethod(RelativeSurvivalMethod.fromRName(p.get("method").asText()))
                .withRateTable(t).withConfLevel(p.get("confLevel").asDouble())
                .withIntegrationStep(p.get("precision").asDouble())
                .estimate(data(c), Oracle.text(p, "group") == null ? "1" : Oracle.text(p, "group"),
                        p.get("age").asText(), p.get("sex").asText(), p.get("year").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyFieldEqualsRelsurvThroughTheJson(String name) throws Exception {
        JsonNode c = Oracle.load(name);
        JsonNode p = c.get("params");
        RateTable t = table(p);
        boolean us = t.calendarRule() == CalendarRule.US_BIRTHDAY;
        RelativeSurvivalResult r = fit(c, us ? t.withBirthEpoch(-3653) : t);
        JsonNode actual = JSON.readTree(r.toJson(doubles(p.get("times"))));
        assertResult(c.get("result"), actual, name, Double.NaN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void correctUsBirthDateStaysWithinTheReadmeTolerance(String name) throws Exception {
        JsonNode c = Oracle.load(name);
        JsonNode p = c.get("params");
        RateTable t = table(p);
        RelativeSurvivalResult r = fit(c, t);
        JsonNode actual = JSON.readTree(r.toJson(doubles(p.get("times"))));
        boolean us = t.calendarRule() == CalendarRule.US_BIRTHDAY;
        assertResult(c.get("result"), actual, name, us ? 1e-3 : Double.NaN);
    }

    /** Walks every field; {@code survAbs} (when a number) relaxes surv, lower, upper and PP stdErr to absolute. */
    static void assertResult(JsonNode expected, JsonNode actual, String name, double survAbs) {
        assertEquals(expected.get("nOmitted").asInt(), actual.get("nOmitted").asInt(), name + " nOmitted");
        assertEquals(expected.get("stdErrScale").asText(), actual.get("stdErrScale").asText());
        JsonNode es = expected.get("strata");
        JsonNode as = actual.get("strata");
        assertEquals(es.size(), as.size(), name + " curves");
        for (int k = 0; k < es.size(); k++) {
            JsonNode e = es.get(k);
            JsonNode a = as.get(k);
            String w = name + " " + e.get("name").asText();
            assertEquals(e.get("name").asText(), a.get("name").asText(), w);
            assertEquals(e.get("n").asInt(), a.get("n").asInt(), w + " n");
            for (String f : new String[] {"time", "nRisk", "nEvent", "nCensor"}) {
                Oracle.assertNumbers(e.get(f), doubles(a.get(f)), w + " " + f);
            }
            boolean pp = name.contains("pohar_perme");
            for (String f : new String[] {"surv", "stdErr", "lower", "upper"}) {
                boolean loose = !Double.isNaN(survAbs) && (!f.equals("stdErr") || pp);
                numbers(e.get(f), a.get(f), w + " " + f, loose ? survAbs : Double.NaN);
            }
            JsonNode ea = e.get("at");
            JsonNode aa = a.get("at");
            assertEquals(ea.size(), aa.size(), w + " at");
            for (int i = 0; i < ea.size(); i++) {
                for (String f : new String[] {"time", "nRisk", "nEvent", "nCensor"}) {
                    Oracle.assertNumber(ea.get(i).get(f), aa.get(i).get(f).asDouble(), w + " at[" + i + "]." + f);
                }
                for (String f : new String[] {"surv", "stdErr", "lower", "upper"}) {
                    boolean loose = !Double.isNaN(survAbs);
                    number(ea.get(i).get(f), aa.get(i).get(f), w + " at[" + i + "]." + f, loose ? survAbs : Double.NaN);
                }
            }
        }
    }

    static void numbers(JsonNode e, JsonNode a, String where, double abs) {
        assertEquals(e.size(), a.size(), where + ": length");
        for (int i = 0; i < e.size(); i++) {
            number(e.get(i), a.get(i), where + "[" + i + "]", abs);
        }
    }

    static void number(JsonNode e, JsonNode a, String where, double abs) {
        if (Double.isNaN(abs) || e.isNull()) {
            Oracle.assertNumber(e, a.isNull() ? Double.NaN : a.asDouble(), where);
        } else {
            double diff = Math.abs(e.asDouble() - a.asDouble());
            double scale = Math.max(1, Math.abs(e.asDouble()));
            assertTrue(diff <= abs * scale, where + ": R " + e.asDouble() + ", survkit " + a.asDouble());
        }
    }
}
