package io.survkit.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.survkit.data.SurvivalData;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Score}'s AUC and Brier score equal their O(n^2) definitions (oracle README, "score"):
 * weights 1/G(T_i-) for cases and 1/G(t) for controls from the reverse Kaplan-Meier, ties in risk
 * counted 1/2; with heavy ties in time and risk.
 */
class ScorePropertiesTest {
    record Data(double[] time, boolean[] event, double[] risk) {
    }

    @Provide
    Arbitrary<Data> data() {
        return Arbitraries.integers().between(4, 40).flatMap(n -> Combinators.combine(
                Arbitraries.integers().between(1, 10).array(int[].class).ofSize(n),
                Arbitraries.integers().between(0, 2).array(int[].class).ofSize(n),
                Arbitraries.integers().between(1, 6).array(int[].class).ofSize(n)).as((t, e, r) -> {
                    double[] tt = new double[n];
                    boolean[] ee = new boolean[n];
                    double[] rr = new double[n];
                    for (int i = 0; i < n; i++) {
                        tt[i] = t[i];
                        ee[i] = e[i] > 0;
                        rr[i] = r[i] / 7.0;
                    }
                    tt[0] = 1;
                    ee[0] = true;
                    tt[n - 1] = 10; // a case by t = 5 and a control after it
                    return new Data(tt, ee, rr);
                }));
    }

    @Property(seed = "31", tries = 300)
    void definitions(@ForAll("data") Data d) {
        double t = 5;
        int n = d.time.length;
        double[] g = new double[n]; // reverse KM just before each row's time, and at t
        double gt = 1;
        double[] distinct = java.util.Arrays.stream(d.time).distinct().sorted().toArray();
        double gs = 1;
        java.util.Map<Double, Double> before = new java.util.HashMap<>();
        for (double u : distinct) {
            before.put(u, gs);
            int y = 0;
            int dd = 0;
            int c = 0;
            for (int i = 0; i < n; i++) {
                y += d.time[i] >= u ? 1 : 0;
                dd += d.time[i] == u && d.event[i] ? 1 : 0;
                c += d.time[i] == u && !d.event[i] ? 1 : 0;
            }
            if (c > 0) {
                gs *= 1 - (double) c / (y - dd);
            }
            if (u <= t) {
                gt = gs;
            }
        }
        double num = 0;
        double wCase = 0;
        double wControl = 0;
        double brier = 0;
        for (int i = 0; i < n; i++) {
            if (d.time[i] <= t && d.event[i]) {
                double wi = 1 / before.get(d.time[i]);
                wCase += wi;
                brier += wi * (1 - d.risk[i]) * (1 - d.risk[i]);
                for (int j = 0; j < n; j++) {
                    if (d.time[j] > t) {
                        num += wi / gt * (d.risk[i] > d.risk[j] ? 1 : d.risk[i] == d.risk[j] ? 0.5 : 0);
                    }
                }
            } else if (d.time[i] > t) {
                wControl += 1 / gt;
                brier += d.risk[i] * d.risk[i] / gt;
            }
        }
        SurvivalData s = SurvivalData.builder().time("t", d.time).event("e", d.event).build();
        TimeScore r = Score.withDefaults().estimate(s, new double[] {t}, d.risk).at(0);
        assertEquals(num / (wCase * wControl), r.auc().value(), 1e-12);
        assertEquals(brier / n, r.brier().value(), 1e-12);
    }
}
