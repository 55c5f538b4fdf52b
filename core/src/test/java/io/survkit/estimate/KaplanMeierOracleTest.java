package io.survkit.estimate;

import io.survkit.data.ModelFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.survkit.data.CountTable;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.util.Arrays;
import java.util.Locale;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code km_*} case of the oracle, every field: R's {@code survfit}, {@code summary},
 * {@code quantile} (calls in each case's {@code rCall}), relative 1e-9.
 */
class KaplanMeierOracleTest {

    static Stream<String> kmCases() {
        List<String> cases = Oracle.cases("km");
        assertTrue(cases.size() >= 21, "expected the km oracle cases, found " + cases);
        return cases.stream();
    }

    static KaplanMeier estimator(JsonNode params) {
        KaplanMeier km = KaplanMeier.withDefaults()
                .withConfType(ConfidenceIntervalType.fromRName(params.get("confType").asText()))
                .withConfLevel(params.get("confLevel").asDouble());
        // the oracle's robust flag is R's choice; AUTO must make the same choice by itself, except
        // where the call overrides it (robust = FALSE with fractional weights)
        if (Oracle.text(params, "weights") != null && !params.get("robust").asBoolean()) {
            km = km.withVariance(Variance.GREENWOOD);
        }
        return km;
    }

    static double[] doubles(JsonNode array) {
        double[] r = new double[array.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = array.get(i).asDouble();
        }
        return r;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kmCases")
    void matchesR(String name) {
        JsonNode c = Oracle.load(name);
        JsonNode p = c.get("params");
        ModelFrame data = Oracle.frame(c);
        KaplanMeierResult r = estimator(p).fit(data);
        assertResult(c, r, true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kmCases")
    void countTableGivesTheSubjectLevelCurves(String name) {
        JsonNode c = Oracle.load(name);
        JsonNode p = c.get("params");
        ModelFrame data = Oracle.frame(c);
        KaplanMeier km = estimator(p).withVariance(Variance.GREENWOOD);
        KaplanMeierResult rows = km.fit(data);
        KaplanMeierResult counts = km.fit(CountTable.of(data));
        assertEquals(rows.curveNames(), counts.curveNames());
        assertEquals(rows.omittedRows(), counts.omittedRows());
        for (int k = 0; k < rows.curveCount(); k++) {
            SurvivalCurve a = rows.curve(k);
            SurvivalCurve b = counts.curve(k);
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
            assertClose(a.cumulativeHazardStandardError(), b.cumulativeHazardStandardError(), w + " stdChaz");
        }
        if (!p.get("robust").asBoolean()) { // R's own numbers, from counts
            assertResult(c, counts, false);
        }
    }

    static void assertClose(double[] e, double[] a, String where) {
        assertEquals(e.length, a.length, where + ": length");
        for (int i = 0; i < e.length; i++) {
            boolean ok = Double.isNaN(e[i]) ? Double.isNaN(a[i])
                    : Double.isInfinite(e[i]) ? e[i] == a[i] : Oracle.closeEnough(e[i], a[i]);
            assertTrue(ok, where + "[" + i + "]: " + e[i] + " vs " + a[i]);
        }
    }

    static void assertResult(JsonNode c, KaplanMeierResult r, boolean rowCounts) {
        String name = c.get("case").asText();
        JsonNode p = c.get("params");
        JsonNode res = c.get("result");
        assertEquals(res.get("nOmitted").asInt(), r.omittedRows(), name + " nOmitted");
        assertEquals(res.get("stdErrScale").asText(), r.standardErrorScale().rName(), name + " stdErrScale");
        JsonNode strata = res.get("strata");
        assertEquals(strata.size(), r.curveCount(), name + " number of curves");
        double[] times = doubles(p.get("times"));
        double tau = p.get("tau").asDouble();
        for (int k = 0; k < strata.size(); k++) {
            JsonNode e = strata.get(k);
            SurvivalCurve a = r.curve(k);
            String w = name + " " + e.get("name").asText();
            assertEquals(e.get("name").asText(), a.name(), w + " name");
            if (rowCounts) {
                assertEquals(e.get("n").asInt(), a.rowCount(), w + " n");
            }
            Oracle.assertNumber(e.get("events"), a.events(), w + " events");
            Oracle.assertNumbers(e.get("time"), a.times(), w + " time");
            Oracle.assertNumbers(e.get("nRisk"), a.numberAtRisk(), w + " nRisk");
            Oracle.assertNumbers(e.get("nEvent"), a.numberOfEvents(), w + " nEvent");
            Oracle.assertNumbers(e.get("nCensor"), a.numberCensored(), w + " nCensor");
            Oracle.assertNumbers(e.get("surv"), a.survival(), w + " surv");
            Oracle.assertNumbers(e.get("stdErr"), a.standardError(), w + " stdErr");
            if (e.get("lower").isEmpty() && a.size() > 0) { // R conf.type = "none": the fit has no limits
                assertTrue(Arrays.stream(a.lower()).allMatch(Double::isNaN), w + " lower: R has none");
                assertTrue(Arrays.stream(a.upper()).allMatch(Double::isNaN), w + " upper: R has none");
            } else {
                Oracle.assertNumbers(e.get("lower"), a.lower(), w + " lower");
                Oracle.assertNumbers(e.get("upper"), a.upper(), w + " upper");
            }
            Oracle.assertNumbers(e.get("cumhaz"), a.cumulativeHazard(), w + " cumhaz");
            Oracle.assertNumbers(e.get("stdChaz"), a.cumulativeHazardStandardError(), w + " stdChaz");
            assertOptional(e.get("median"), a.median(), w + " median");
            assertOptional(e.get("medianLower"), a.medianLower(), w + " medianLower");
            assertOptional(e.get("medianUpper"), a.medianUpper(), w + " medianUpper");
            JsonNode qs = e.get("quantiles");
            for (int j = 0; j < qs.size(); j++) {
                JsonNode q = qs.get(j);
                Quantile aq = a.quantile(q.get("p").asDouble());
                String wq = w + " quantile " + q.get("p").asText();
                assertOptional(q.get("time"), aq.time(), wq + " time");
                assertOptional(q.get("lower"), aq.lower(), wq + " lower");
                assertOptional(q.get("upper"), aq.upper(), wq + " upper");
            }
            assertEquals(3, a.quantiles().size());
            JsonNode horizon = p.get("rmean");
            RestrictedMean rm = horizon == null || horizon.isNull() ? a.restrictedMean(tau)
                    : r.restrictedMeans(RestrictedMeanHorizon.valueOf(horizon.asText().toUpperCase(Locale.ROOT)))
                            .get(k);
            Oracle.assertNumber(e.get("rmean"), rm.estimate(), w + " rmean");
            Oracle.assertNumber(e.get("rmeanSe"), rm.standardError(), w + " rmeanSe");
            LandmarkSummary at = a.at(times);
            JsonNode ea = e.get("at");
            assertEquals(ea.size(), at.size(), w + " landmarks");
            for (int j = 0; j < ea.size(); j++) {
                JsonNode l = ea.get(j);
                String wl = w + " at " + l.get("time").asText();
                Oracle.assertNumber(l.get("time"), at.time(j), wl + " time");
                Oracle.assertNumber(l.get("surv"), at.survival(j), wl + " surv");
                Oracle.assertNumber(l.get("stdErr"), at.standardError(j), wl + " stdErr");
                Oracle.assertNumber(l.get("lower"), at.lower(j), wl + " lower");
                Oracle.assertNumber(l.get("upper"), at.upper(j), wl + " upper");
                Oracle.assertNumber(l.get("nRisk"), at.numberAtRisk(j), wl + " nRisk");
                Oracle.assertNumber(l.get("nEvent"), at.numberOfEvents(j), wl + " nEvent");
                Oracle.assertNumber(l.get("nCensor"), at.numberCensored(j), wl + " nCensor");
                Oracle.assertNumber(l.get("cumhaz"), at.cumulativeHazard(j), wl + " cumhaz");
            }
        }
    }

    static void assertOptional(JsonNode expected, OptionalDouble actual, String where) {
        if (expected == null || expected.isNull()) {
            assertTrue(actual.isEmpty(), where + ": R gives NA (not reached), survkit gives " + actual);
        } else {
            assertTrue(actual.isPresent(), where + ": R gives " + expected.asText() + ", survkit gives none");
            Oracle.assertNumber(expected, actual.getAsDouble(), where);
        }
    }
}
