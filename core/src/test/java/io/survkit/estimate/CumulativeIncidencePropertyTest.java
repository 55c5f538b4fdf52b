package io.survkit.estimate;

import io.survkit.compare.CumulativeIncidenceComparison;
import io.survkit.data.ModelFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.data.SurvivalData;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the cumulative incidence: the CIFs of all causes plus the all-cause Kaplan-Meier
 * survival sum to 1 at every time (cuminc layout and Aalen-Johansen states), the (s0) state is
 * the Kaplan-Meier, and row order does not matter.
 */
class CumulativeIncidencePropertyTest {

    /** Rows: integer times 0..12 (heavy ties), status 0..3 (3 causes), row 0 an event of cause 1. */
    @Provide
    Arbitrary<SurvivalData> competing() {
        return Arbitraries.integers().between(1, 80).flatMap(n -> Combinators.combine(
                Arbitraries.integers().between(0, 12).array(int[].class).ofSize(n),
                Arbitraries.integers().between(0, 3).array(int[].class).ofSize(n),
                Arbitraries.integers().between(0, 1).array(int[].class).ofSize(n)).as((t, s, g) -> {
                    double[] time = new double[n];
                    double[] status = new double[n];
                    String[] group = new String[n];
                    for (int i = 0; i < n; i++) {
                        time[i] = t[i] + 0.5;
                        status[i] = i == 0 ? 1 : s[i];
                        group[i] = g[i] == 0 ? "a" : "b";
                    }
                    return SurvivalData.builder().time("time", time).causes("status", status, 0).build();
                }));
    }

    @Property(seed = "42", tries = 200)
    void cifsPlusKaplanMeierSumToOne(@ForAll("competing") SurvivalData d) {
        CumulativeIncidenceResult cif = CumulativeIncidence.withDefaults().fit(d);
        SurvivalCurve km = KaplanMeier.withDefaults().fit(d).curve(0);
        double max = 0;
        for (int i = 0; i < d.rowCount(); i++) {
            max = Math.max(max, d.numbers("time")[i]);
        }
        for (double t = 0; t <= max; t += 0.25) {
            double sum = km.survivalAt(t);
            for (IncidenceCurve c : cif.curves()) {
                double f = c.estimateAt(t);
                assertTrue(f >= 0 && f <= 1 + 1e-15, "F in [0, 1]: " + f);
                sum += f;
            }
            assertEquals(1.0, sum, 1e-12, "sum at t = " + t);
        }
    }

    @Property(seed = "42", tries = 200)
    void aalenJohansenRowsSumToOneAndS0IsKaplanMeier(@ForAll("competing") SurvivalData d) {
        StateProbabilities aj = CumulativeIncidence.withDefaults().withMethod(CifMethod.AALEN_JOHANSEN).fit(d)
                .stateCurve(0);
        SurvivalCurve km = KaplanMeier.withDefaults().fit(d).curve(0);
        CumulativeIncidenceResult cuminc = CumulativeIncidence.withDefaults().fit(d);
        for (int i = 0; i < aj.size(); i++) {
            double sum = 0;
            for (int s = 0; s < aj.stateCount(); s++) {
                sum += aj.probability(i, s);
                assertTrue(aj.standardError(i, s) >= 0);
            }
            assertEquals(1.0, sum, 1e-12);
            double t = aj.time(i);
            assertEquals(km.survivalAt(t), aj.probability(i, 0), 1e-12, "(s0) = KM");
            for (int s = 1; s < aj.stateCount(); s++) {
                assertEquals(cuminc.curve("1", aj.states().get(s)).estimateAt(t), aj.probability(i, s), 1e-12,
                        "AJ state = cuminc estimate");
            }
        }
    }

    @Property(seed = "42", tries = 100)
    void rowOrderDoesNotMatter(@ForAll("competing") SurvivalData d) {
        int n = d.rowCount();
        int[] rev = new int[n];
        for (int i = 0; i < n; i++) {
            rev[i] = n - 1 - i;
        }
        CumulativeIncidenceResult a = CumulativeIncidence.withDefaults().fit(d);
        CumulativeIncidenceResult b = CumulativeIncidence.withDefaults().fit(d.rows(rev));
        assertEquals(a.curveCount(), b.curveCount());
        for (int c = 0; c < a.curveCount(); c++) {
            assertTrue(java.util.Arrays.equals(a.curve(c).estimates(), b.curve(c).estimates()));
            assertTrue(java.util.Arrays.equals(a.curve(c).variances(), b.curve(c).variances()));
        }
    }

    @Test
    void rejectsDataWithoutEventsAndWeights() {
        SurvivalData none = SurvivalData.builder().time("time", new double[] {1, 2})
                .causes("status", new double[] {0, 0}, 0).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CumulativeIncidence.withDefaults().fit(none));
        assertTrue(e.getMessage().contains("no events"), e.getMessage());
        SurvivalData w = SurvivalData.builder().time("time", new double[] {1, 2})
                .causes("status", new double[] {1, 0}, 0).weights("w", new double[] {1, 2}).build();
        e = assertThrows(IllegalArgumentException.class, () -> CumulativeIncidence.withDefaults().fit(w));
        assertTrue(e.getMessage().contains("'w'"), e.getMessage());
    }

    @Test
    void printsLikeCuminc() {
        ModelFrame d = ModelFrame.of(SurvivalData.builder().time("time", new double[] {1, 2, 3, 4, 5, 6})
                .causes("status", new double[] {1, 2, 1, 0, 2, 1}, 0)
                .text("g", new String[] {"a", "b", "a", "b", "a", "b"}).build(), "g");
        assertFalse(CumulativeIncidence.withDefaults().fit(d).toString().contains("Tests:"));
        CumulativeIncidenceResult r = CumulativeIncidenceComparison.withDefaults().fit(d);
        String s = r.toString();
        assertTrue(s.startsWith("Tests:\n"), s);
        assertTrue(s.contains("Estimates and Variances:\n$est\n"), s);
        assertTrue(s.contains("a 1"), s);
        String aj = CumulativeIncidence.withDefaults().withMethod(CifMethod.AALEN_JOHANSEN).fit(d).toString();
        assertTrue(aj.contains("g=a, (s0)") && aj.contains("rmean*"), aj);
        assertEquals(1.0 / 3, r.curve("a", "1").estimateAt(1), 1e-15);
    }
}
