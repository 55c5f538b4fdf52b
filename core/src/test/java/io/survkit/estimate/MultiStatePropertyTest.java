package io.survkit.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.data.SurvivalData;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants of the multi-state Aalen-Johansen estimate: the state probabilities of every time sum
 * to 1 and lie in [0, 1]; multiplying every case weight by the same constant changes neither the
 * probabilities nor the infinitesimal-jackknife standard errors (U scales by 1/c, each weight by c).
 */
class MultiStatePropertyTest {

    /** Delayed-entry competing risks: entry 0..3, exit entry + 1..10 (ties), status 0..2, weight 1..4. */
    @Provide
    Arbitrary<SurvivalData> rows() {
        return Arbitraries.integers().between(2, 60).flatMap(n -> Combinators.combine(
                Arbitraries.integers().between(0, 3).array(int[].class).ofSize(n),
                Arbitraries.integers().between(1, 10).array(int[].class).ofSize(n),
                Arbitraries.integers().between(0, 2).array(int[].class).ofSize(n),
                Arbitraries.integers().between(1, 4).array(int[].class).ofSize(n)).as((a, b, s, w) -> {
                    double[] entry = new double[n];
                    double[] exit = new double[n];
                    double[] status = new double[n];
                    double[] weight = new double[n];
                    String[] id = new String[n];
                    for (int i = 0; i < n; i++) {
                        entry[i] = a[i];
                        exit[i] = a[i] + b[i];
                        status[i] = i == 0 ? 1 : s[i];
                        weight[i] = w[i];
                        id[i] = "s" + i;
                    }
                    return SurvivalData.builder().start("entry", entry).time("exit", exit)
                            .causes("status", status, 0).weights("w", weight).id("id", id).build();
                }));
    }

    @Property(seed = "13", tries = 150)
    void probabilitiesSumToOneAndIgnoreTheWeightsScale(@ForAll("rows") SurvivalData d) {
        MultiStateCurve c = MultiStateSurvival.withDefaults().fit(d, "1").curve(0);
        double[] w = d.numbers("w").clone();
        for (int i = 0; i < w.length; i++) {
            w[i] *= 0.125;
        }
        MultiStateCurve scaled = MultiStateSurvival.withDefaults().fit(d.withWeights("w8", w), "1").curve(0);
        for (int i = 0; i < c.size(); i++) {
            double sum = 0;
            for (int s = 0; s < c.states().size(); s++) {
                double p = c.probability(i, s);
                assertTrue(p >= -1e-15 && p <= 1 + 1e-15, "p in [0, 1]: " + p);
                sum += p;
                assertEquals(p, scaled.probability(i, s), 1e-12, "pstate under scaled weights");
                assertEquals(c.standardError(i, s), scaled.standardError(i, s), 1e-12, "std.err under scaled weights");
            }
            assertEquals(1.0, sum, 1e-12, "sum at " + c.time(i));
        }
    }
}
