package io.survkit.relative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.data.SurvivalData;
import java.time.LocalDate;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Invariants of the relative-survival estimators on random cohorts against the US table (fixed
 * seeds): the curves do not depend on the order of the rows (the cell-aggregated kernel is exact up
 * to rounding); the counts add up; expected survival lies in (0, 1] and does not increase.
 */
class RelativeSurvivalPropertyTest {
    record Cohort(SurvivalData data, Demography who) {
    }

    static Cohort cohort(long seed, int n, boolean reversed) {
        Random r = new Random(seed);
        double[] time = new double[n];
        boolean[] event = new boolean[n];
        double[] age = new double[n];
        Sex[] sex = new Sex[n];
        LocalDate[] date = new LocalDate[n];
        for (int k = 0; k < n; k++) {
            int i = reversed ? n - 1 - k : k;
            time[i] = 1 + r.nextInt(4000) + (r.nextBoolean() ? 0.5 : 0);
            event[i] = r.nextDouble() < 0.6;
            age[i] = Math.round((20 + 80 * r.nextDouble()) * 100) / 100.0;
            sex[i] = r.nextBoolean() ? Sex.MALE : Sex.FEMALE;
            date[i] = LocalDate.of(1960 + r.nextInt(55), 1 + r.nextInt(12), 1 + r.nextInt(28));
        }
        return new Cohort(SurvivalData.builder().time("time", time).event("status", event).build(),
                Demography.of(age, sex, date));
    }

    @Property(seed = "42", tries = 30)
    void curvesDoNotDependOnRowOrder(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 2, max = 60) int n) {
        Cohort a = cohort(seed, n, false);
        Cohort b = cohort(seed, n, true);
        for (RelativeSurvivalMethod m : RelativeSurvivalMethod.values()) {
            RelativeSurvival rs = RelativeSurvival.withDefaults().withMethod(m);
            RelativeSurvivalCurve x = rs.estimate(a.data(), a.who()).curve(0);
            RelativeSurvivalCurve y = rs.estimate(b.data(), b.who()).curve(0);
            assertArrayEquals(x.times(), y.times());
            assertArrayEquals(x.numberAtRisk(), y.numberAtRisk());
            double[] sx = x.survival();
            double[] sy = y.survival();
            for (int j = 0; j < sx.length; j++) {
                assertEquals(sx[j], sy[j], 1e-12 * Math.max(1, Math.abs(sx[j])), m + " surv[" + j + "]");
            }
        }
    }

    @Property(seed = "7", tries = 30)
    void countsAddUpAndExpectedSurvivalFalls(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 1, max = 60) int n) {
        Cohort c = cohort(seed, n, false);
        RelativeSurvivalCurve curve = RelativeSurvival.withDefaults().estimate(c.data(), c.who()).curve(0);
        double[] risk = curve.numberAtRisk();
        double[] d = curve.numberOfEvents();
        double[] cens = curve.numberCensored();
        assertEquals(n, risk[0]);
        double out = 0;
        for (int j = 0; j < risk.length; j++) {
            out += d[j] + cens[j];
        }
        assertEquals(n, out);
        ExpectedSurvivalCurve e = ExpectedSurvival.withDefaults().estimate(c.who(), 30, 365, 3652, 20000).curve(0);
        double previous = 1;
        for (int j = 0; j < e.size(); j++) {
            assertTrue(e.survival(j) > 0 && e.survival(j) <= previous, "expected survival " + e.survival(j));
            previous = e.survival(j);
        }
    }
}
