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
 * Invariants of {@link Concordance}: the counts equal the O(n^2) pair definition of R's
 * {@code concordance} (oracle README: a pair {i, j} with an event for i at t and T_j &gt; t, or
 * T_j = t censored; concordant when x_j &gt; x_i; tied events counted once), the direction flips C
 * to 1 - C and keeps the standard error, a case weight of 2 equals a duplicated row, row order
 * does not matter.
 */
class ConcordancePropertiesTest {
    record Data(double[] time, boolean[] event, double[] x, double[] w) {
        SurvivalData survival(boolean weighted) {
            var b = SurvivalData.builder().time("t", time).event("e", event);
            if (weighted) {
                b.weights("w", w);
            }
            return b.build();
        }
    }

    @Provide
    Arbitrary<Data> data() {
        return Arbitraries.integers().between(2, 40).flatMap(n -> Combinators.combine(
                Arbitraries.integers().between(1, 8).array(int[].class).ofSize(n),
                Arbitraries.integers().between(0, 2).array(int[].class).ofSize(n),
                Arbitraries.integers().between(0, 5).array(int[].class).ofSize(n),
                Arbitraries.integers().between(1, 3).array(int[].class).ofSize(n)).as((t, e, x, w) -> {
                    double[] tt = new double[n];
                    boolean[] ee = new boolean[n];
                    double[] xx = new double[n];
                    double[] ww = new double[n];
                    for (int i = 0; i < n; i++) {
                        tt[i] = t[i];
                        ee[i] = e[i] > 0;
                        xx[i] = x[i];
                        ww[i] = w[i];
                    }
                    ee[0] = true;
                    tt[0] = 1;
                    tt[n - 1] = 9; // an event at the first time and a later row: some comparable pair
                    return new Data(tt, ee, xx, ww);
                }));
    }

    @Property(seed = "17", tries = 300)
    void countsArePairCounts(@ForAll("data") Data d) {
        double[] c = new double[5];
        int n = d.time.length;
        for (int i = 0; i < n; i++) {
            if (!d.event[i]) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                double w = d.w[i] * d.w[j];
                if (d.time[j] > d.time[i] || d.time[j] == d.time[i] && !d.event[j]) {
                    c[d.x[j] > d.x[i] ? 0 : d.x[j] < d.x[i] ? 1 : 2] += w;
                } else if (j > i && d.time[j] == d.time[i] && d.event[j]) {
                    c[d.x[j] == d.x[i] ? 4 : 3] += w;
                }
            }
        }
        ConcordanceResult r = Concordance.withDefaults().estimate(d.survival(true), d.x);
        PairCounts p = r.counts();
        assertEquals(c[0], p.concordant(), 1e-9);
        assertEquals(c[1], p.discordant(), 1e-9);
        assertEquals(c[2], p.tiedRisk(), 1e-9);
        assertEquals(c[3], p.tiedTime(), 1e-9);
        assertEquals(c[4], p.tiedBoth(), 1e-9);
        assertEquals((c[0] + c[2] / 2) / (c[0] + c[1] + c[2]), r.concordance(), 1e-12);
    }

    @Property(seed = "18", tries = 200)
    void directionFlips(@ForAll("data") Data d) {
        for (TimeWeight tw : TimeWeight.values()) {
            Concordance c = Concordance.withDefaults().withTimeWeight(tw);
            ConcordanceResult a = c.estimate(d.survival(true), d.x);
            ConcordanceResult b = c.withDirection(Direction.HIGHER_RISK).estimate(d.survival(true), d.x);
            assertEquals(1 - a.concordance(), b.concordance(), 1e-12);
            assertEquals(a.standardError(), b.standardError(), 1e-12);
            assertEquals(a.counts().concordant(), b.counts().discordant(), 0);
        }
    }

    @Property(seed = "19", tries = 200)
    void weightTwoIsADuplicatedRow(@ForAll("data") Data d) {
        int n = d.time.length;
        int m = 0;
        for (double w : d.w) {
            m += (int) w;
        }
        double[] t = new double[m];
        boolean[] e = new boolean[m];
        double[] x = new double[m];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < (int) d.w[i]; r++) {
                t[k] = d.time[i];
                e[k] = d.event[i];
                x[k++] = d.x[i];
            }
        }
        Data dup = new Data(t, e, x, new double[m]);
        for (TimeWeight tw : TimeWeight.values()) {
            Concordance c = Concordance.withDefaults().withTimeWeight(tw);
            ConcordanceResult a = c.estimate(d.survival(true), d.x);
            ConcordanceResult b = c.estimate(dup.survival(false), x);
            assertEquals(b.concordance(), a.concordance(), 1e-12, tw.rName());
            assertEquals(b.counts().concordant(), a.counts().concordant(), 1e-9 * b.counts().concordant());
        }
    }

    @Property(seed = "20", tries = 200)
    void rowOrderDoesNotMatter(@ForAll("data") Data d) {
        int n = d.time.length;
        double[] t = new double[n];
        boolean[] e = new boolean[n];
        double[] x = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            int j = n - 1 - i;
            t[i] = d.time[j];
            e[i] = d.event[j];
            x[i] = d.x[j];
            w[i] = d.w[j];
        }
        Data rev = new Data(t, e, x, w);
        for (TimeWeight tw : TimeWeight.values()) {
            Concordance c = Concordance.withDefaults().withTimeWeight(tw);
            ConcordanceResult a = c.estimate(d.survival(true), d.x);
            ConcordanceResult b = c.estimate(rev.survival(true), x);
            assertEquals(a.concordance(), b.concordance(), 1e-12);
            assertEquals(a.standardError(), b.standardError(), 1e-12);
        }
    }
}
