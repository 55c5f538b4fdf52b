package io.survkit.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.survkit.data.CountTable;
import io.survkit.data.ModelFrame;
import io.survkit.estimate.CifMethod;
import io.survkit.estimate.CumulativeIncidence;
import io.survkit.estimate.CumulativeIncidenceResult;
import io.survkit.estimate.IncidenceCurve;
import io.survkit.estimate.IncidenceTest;
import io.survkit.estimate.StateProbabilities;
import io.survkit.oracle.Oracle;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cumulative incidence ({@link CumulativeIncidence#fit(CountTable)}) and Gray's test
 * ({@link CumulativeIncidenceComparison#fit(CountTable)}) from a {@link CountTable} with per-cause counts: on every
 * {@code cif_*} oracle case the counts of the rows ({@code CountTable.of(frame)}) give R's numbers
 * (cmprsk cuminc, survfit multi-state; relative 1e-9, as CumulativeIncidenceOracleTest) and the very
 * numbers of the row-level fit (the same recursions on the same counts: equal to the last bit).
 */
class CumulativeIncidenceCountsTest {

    static java.util.stream.Stream<String> cifCases() {
        List<String> cases = Oracle.cases("cif");
        assertTrue(cases.size() >= 4, "expected the cif oracle cases, found " + cases);
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cifCases")
    void countsGiveRAndTheRowFit(String name) {
        JsonNode c = Oracle.load(name);
        JsonNode res = c.get("result");
        ModelFrame data = Oracle.frame(c);
        CifMethod method = "cuminc".equals(c.get("params").get("method").asText()) ? CifMethod.CUMINC
                : CifMethod.AALEN_JOHANSEN;
        CountTable counts = CountTable.of(data);
        assertEquals(List.of("1", "2"), counts.causes());
        CumulativeIncidenceComparison est = CumulativeIncidenceComparison.withDefaults().withMethod(method);
        CumulativeIncidenceResult fromCounts = est.fit(counts);
        CumulativeIncidenceResult fromRows = est.fit(data);
        assertSame(fromRows, fromCounts);
        for (int i = 0; i < fromCounts.curveCount(); i++) {
            JsonNode e = res.get("curves").get(i);
            IncidenceCurve a = fromCounts.curve(i);
            Oracle.assertNumbers(e.get("est"), a.estimates(), name + " est");
            Oracle.assertNumbers(e.get("var"), a.variances(), name + " var");
        }
        if (fromCounts.test().isPresent()) {
            IncidenceTest g = fromCounts.test().orElseThrow();
            for (int k = 0; k < g.causeCount(); k++) {
                Oracle.assertNumber(res.get("grayTest").get(k).get("stat"), g.statistic(k), name + " stat");
                Oracle.assertNumber(res.get("grayTest").get(k).get("p"), g.pValue(k), name + " p");
            }
        }
        for (int i = 0; i < fromCounts.stateCurves().size(); i++) {
            JsonNode e = res.has("strata") && !res.get("strata").isNull() ? res.get("strata").get(i) : res;
            Oracle.assertMatrix(e.get("pstate"), fromCounts.stateCurve(i).probabilities(), name + " pstate");
            Oracle.assertMatrix(e.get("stdErr"), fromCounts.stateCurve(i).standardErrors(), name + " stdErr");
        }
    }

    /** Two fits are the same numbers, bit for bit, and the same labels and warnings. */
    static void assertSame(CumulativeIncidenceResult rows, CumulativeIncidenceResult counts) {
        assertEquals(rows.causes(), counts.causes());
        assertEquals(rows.groups(), counts.groups());
        assertEquals(rows.warnings(), counts.warnings());
        assertEquals(rows.omittedRows(), counts.omittedRows());
        assertEquals(rows.curveCount(), counts.curveCount());
        for (int i = 0; i < rows.curveCount(); i++) {
            IncidenceCurve a = rows.curve(i);
            IncidenceCurve b = counts.curve(i);
            assertEquals(a.name(), b.name());
            assertArrayEquals(a.times(), b.times());
            assertArrayEquals(a.estimates(), b.estimates());
            assertArrayEquals(a.variances(), b.variances());
        }
        assertEquals(rows.stateCurves().size(), counts.stateCurves().size());
        for (int i = 0; i < rows.stateCurves().size(); i++) {
            StateProbabilities a = rows.stateCurve(i);
            StateProbabilities b = counts.stateCurve(i);
            assertEquals(a.name(), b.name());
            assertArrayEquals(a.times(), b.times());
            for (int j = 0; j < a.times().length; j++) {
                assertArrayEquals(a.probabilities()[j], b.probabilities()[j]);
                assertArrayEquals(a.standardErrors()[j], b.standardErrors()[j]);
            }
        }
        assertEquals(rows.test().isPresent(), counts.test().isPresent());
        rows.test().ifPresent(g -> {
            IncidenceTest h = counts.test().orElseThrow();
            assertEquals(g.causeCount(), h.causeCount());
            for (int k = 0; k < g.causeCount(); k++) {
                assertEquals(g.statistic(k), h.statistic(k));
                assertEquals(g.pValue(k), h.pValue(k));
            }
        });
    }

    @Test
    void builtCountsGiveTheCurveOfTheirRows() {
        // rows: A: 1 (cause 1), 2 (cause 2), 2 (censored), 3 (cause 1); B: 1 (censored), 2 (cause 1)
        CountTable counts = CountTable.builder("arm").causes("1", "2")
                .add(null, "A", 1, new double[] {1, 0}, 0, 0, 1)
                .add(null, "A", 2, new double[] {0, 1}, 1, 0, 2)
                .add(null, "A", 3, new double[] {1, 0}, 0, 0, 1)
                .add(null, "B", 1, new double[] {0, 0}, 1, 0, 1)
                .add(null, "B", 2, new double[] {1, 0}, 0, 0, 1).build();
        IncidenceCurve a1 = CumulativeIncidence.withDefaults().fit(counts).curve("A", "1");
        // closed form (Aalen-Johansen): F(1) = 1/4; S(1) = 3/4; at 2: 2 of 3 leave, one of cause 2;
        // at 3: F(3) = 1/4 + S(2) * 1/1 with S(2) = 3/4 * (1 - 1/3) = 1/2
        assertEquals(0.25, a1.estimateAt(1), 1e-15);
        assertEquals(0.75, a1.estimateAt(3), 1e-15);
    }

    @Test
    void countsThatCannotBeCumulativeIncidenceAreRefused() {
        CountTable anyCause = CountTable.builder("arm").add("A", 1, 1, 0).add("B", 2, 1, 1).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CumulativeIncidence.withDefaults().fit(anyCause));
        assertTrue(e.getMessage().contains("events of each cause"), e.getMessage());
        CountTable weighted = CountTable.builder("arm").causes("1", "2")
                .add(null, "A", 1, new double[] {0.5, 0}, 0, 0, 1).add(null, "B", 1, new double[] {1, 0}, 0, 0, 1)
                .build();
        e = assertThrows(IllegalArgumentException.class, () -> CumulativeIncidence.withDefaults().fit(weighted));
        assertTrue(e.getMessage().contains("weighted"), e.getMessage());
    }

    @Test
    void perCauseRowsAreValidatedNamingTheCell() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CountTable.builder("arm").causes("relapse", "death")
                        .add(null, "A", 1, new double[] {1, -2}, 0, 0, 1));
        assertEquals("column 'events of cause death', row 1: value -2.0 is invalid; expected a finite number >= 0",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CountTable.builder("arm").causes("relapse", "death")
                .add(null, "A", 1, new double[] {1, 0}, 0, 0, 1).add(null, "A", 2, new double[] {1}, 0, 0, 1));
        assertEquals("row 2: 1 event counts given; expected one per cause [relapse, death]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> CountTable.builder("arm").causes("relapse", "death").add("A", 1, 1, 0));
        assertTrue(e.getMessage().startsWith("row 1: events of any cause given"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CountTable.builder("arm").causes("x", "x"));
        assertTrue(e.getMessage().contains("duplicate"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> CountTable.builder("arm").causes("1").add(null, "A", 1, new double[] {1}, 0, 0, 1).build()
                        .events(0, 2));
        assertTrue(e.getMessage().contains("cause 2 does not exist"), e.getMessage());
    }
}
