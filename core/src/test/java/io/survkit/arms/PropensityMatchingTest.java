package io.survkit.arms;

import io.survkit.data.ModelFrame;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Properties of greedy caliper matching (fixed seeds), checked against a brute-force O(n^2) reference. */
class PropensityMatchingTest {

    /** Random subjects: logit ~ N(shift for treated, 1), a fraction treated; rounded logits make ties. */
    static Object[] subjects(long seed, int n, double fractionTreated, boolean ties) {
        Random rnd = new Random(seed);
        boolean[] t = new boolean[n];
        double[] lg = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = rnd.nextDouble() < fractionTreated;
            double v = rnd.nextGaussian() + (t[i] ? 0.7 : 0);
            lg[i] = ties ? Math.rint(v * 4) / 4 : v;
        }
        return new Object[] {t, lg};
    }

    /**
     * Brute force with the documented rules: k rounds; treated by descending logit, ties by row;
     * the nearest unused control, ties by smallest row; within the caliper; a treated subject that
     * fails in a round stops.
     */
    static int[] reference(boolean[] t, double[] lg, int ratio, double width) {
        int n = t.length;
        List<Integer> tr = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (t[i]) {
                tr.add(i);
            }
        }
        tr.sort((a, b) -> lg[a] != lg[b] ? Double.compare(lg[b], lg[a]) : Integer.compare(a, b));
        int[] set = new int[n];
        Arrays.fill(set, -1);
        boolean[] dead = new boolean[n];
        for (int round = 0; round < ratio; round++) {
            for (int ti : tr) {
                if (dead[ti]) {
                    continue;
                }
                int best = -1;
                double bd = Double.POSITIVE_INFINITY;
                for (int c = 0; c < n; c++) {
                    if (t[c] || set[c] >= 0) {
                        continue;
                    }
                    double d = Math.abs(lg[ti] - lg[c]);
                    if (d < bd) {
                        bd = d;
                        best = c;
                    }
                }
                if (best < 0 || !(bd <= width)) {
                    dead[ti] = true;
                    continue;
                }
                set[ti] = ti; // set named by its treated row
                set[best] = ti;
            }
        }
        return set;
    }

    /** Set ids renamed to the treated row of the set, so that two matchings compare directly. */
    static int[] byTreatedRow(MatchedSets m) {
        int[] out = new int[m.size()];
        for (int i = 0; i < out.length; i++) {
            int s = m.setId(i);
            out[i] = s < 0 ? -1 : m.treatedRow(s);
        }
        return out;
    }

    @Property(seed = "42", tries = 200)
    void equalsBruteForceAndKeepsTheRules(@ForAll @IntRange(min = 1, max = 120) int n,
            @ForAll @IntRange(min = 1, max = 3) int ratio, @ForAll @IntRange(min = 0, max = 1000) int seed,
            @ForAll boolean ties) {
        Object[] s = subjects(seed, n, 0.35, ties);
        boolean[] t = (boolean[]) s[0];
        double[] lg = (double[]) s[1];
        MatchedSets m = PropensityMatching.withDefaults().withRatio(ratio).match(t, lg);
        double width = 0.2 * PropensityMatching.sd(lg);
        assertEquals(width, m.caliperWidth(), 1e-15);
        assertArrayEquals(reference(t, lg, ratio, width), byTreatedRow(m));
        boolean[] used = new boolean[n];
        for (int k = 0; k < m.setCount(); k++) {
            int tr = m.treatedRow(k);
            assertTrue(t[tr]);
            assertTrue(!used[tr]);
            used[tr] = true;
            int[] cs = m.controlRows(k);
            assertTrue(cs.length >= 1 && cs.length <= ratio);
            for (int c : cs) {
                assertTrue(!t[c], "control is a control");
                assertTrue(!used[c], "each control used at most once");
                used[c] = true;
                assertTrue(Math.abs(lg[tr] - lg[c]) <= m.caliperWidth(), "within caliper");
            }
        }
        assertEquals(m.matchedTreatedCount() + m.unmatchedTreatedCount(), m.treatedCount());
        assertEquals(m.matchedControlCount() + m.unmatchedControlCount(), m.controlCount());
        // deterministic
        assertArrayEquals(m.setIds(), PropensityMatching.withDefaults().withRatio(ratio).match(t, lg).setIds());
    }

    @Property(seed = "42", tries = 200)
    void permutingRowsGivesTheSameMatchedSets(@ForAll @IntRange(min = 1, max = 200) int n,
            @ForAll @IntRange(min = 1, max = 2) int ratio, @ForAll @IntRange(min = 0, max = 1000) int seed) {
        Object[] s = subjects(seed, n, 0.4, false);
        boolean[] t = (boolean[]) s[0];
        double[] lg = (double[]) s[1];
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        Random rnd = new Random(seed + 7L);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int x = perm[i];
            perm[i] = perm[j];
            perm[j] = x;
        }
        boolean[] pt = new boolean[n];
        double[] pl = new double[n];
        for (int i = 0; i < n; i++) {
            pt[i] = t[perm[i]];
            pl[i] = lg[perm[i]];
        }
        PropensityMatching pm = PropensityMatching.withDefaults().withRatio(ratio);
        int[] a = byTreatedRow(pm.match(t, lg));
        int[] b = byTreatedRow(pm.match(pt, pl));
        for (int i = 0; i < n; i++) {
            int expected = a[perm[i]];
            int got = b[i] < 0 ? -1 : perm[b[i]];
            assertEquals(expected, got, "row " + perm[i]);
        }
    }

    /** Confounded synthetic cohort: treatment depends on age and a binary risk factor. */
    static io.survkit.data.SurvivalData confounded(long seed, int n) {
        Random rnd = new Random(seed);
        double[] time = new double[n];
        boolean[] ev = new boolean[n];
        double[] age = new double[n];
        double[] size = new double[n];
        String[] arm = new String[n];
        String[] stage = new String[n];
        for (int i = 0; i < n; i++) {
            age[i] = 60 + 10 * rnd.nextGaussian();
            size[i] = Math.exp(1.5 + 0.5 * rnd.nextGaussian());
            stage[i] = rnd.nextDouble() < 0.4 ? "late" : "early";
            double eta = -0.5 - 0.06 * (age[i] - 60) - 0.15 * (size[i] - 5) - (stage[i].equals("late") ? 0.8 : 0);
            arm[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-eta)) ? "surgery" : "chemo";
            time[i] = 1 + rnd.nextInt(120);
            ev[i] = rnd.nextBoolean();
        }
        return io.survkit.data.SurvivalData.builder().time("time", time).event("dead", ev).text("arm", arm)
                .numeric("age", age).numeric("size", size).text("stage", stage).build();
    }

    @Property(seed = "42", tries = 20)
    void matchingImprovesBalanceOnConfoundedData(@ForAll @IntRange(min = 0, max = 10000) int seed,
            @ForAll @IntRange(min = 1, max = 2) int ratio) {
        var data = confounded(seed, 1500);
        io.survkit.data.Terms covariates = io.survkit.data.Terms.parse("age + size + factor(stage, ref = early)");
        PropensityScoreResult ps = PropensityScore.withDefaults().withCovariates(covariates).estimate(data, "arm", "surgery");
        MatchedSets m = PropensityMatching.withDefaults().withRatio(ratio).match(ps);
        BalanceResult t = Balance.withDefaults().withCovariates(covariates).estimate(data, ps.treated(), m);
        assertTrue(t.maxAbsoluteSmdBefore() > 0.2, t.toString());
        assertTrue(t.maxAbsoluteSmdAfter().getAsDouble() < t.maxAbsoluteSmdBefore(), t.toString());
        assertTrue(t.maxAbsoluteSmdAfter().getAsDouble() < 0.5 * t.maxAbsoluteSmdBefore(), t.toString());
        InverseProbabilityWeightsResult w = InverseProbabilityWeights.withDefaults().withStabilization(Stabilization.STABILIZED)
                .estimate(ps);
        BalanceResult tw = Balance.withDefaults().withCovariates(covariates).estimate(data, ps.treated(), w);
        assertTrue(tw.maxAbsoluteSmdAfter().getAsDouble() < t.maxAbsoluteSmdBefore(), tw.toString());
    }

    @Test
    void twoHundredThousandSubjects() {
        int n = 200_000;
        Object[] s = subjects(2024, n, 0.3, false);
        MatchedSets m = PropensityMatching.withDefaults().match((boolean[]) s[0], (double[]) s[1]);
        assertTrue(m.setCount() > 0.9 * m.treatedCount(), m.toString());
        Object[] tied = subjects(2025, n, 0.3, true);
        MatchedSets mt = PropensityMatching.withDefaults().withRatio(3).match((boolean[]) tied[0], (double[]) tied[1]);
        assertTrue(mt.setCount() > 0, mt.toString());
    }

    @Test
    void smallExampleByHand() {
        // treated logits 0.0 and 0.5; controls 0.1, 0.45, 2.0; caliper 0.2 absolute
        boolean[] t = {true, false, true, false, false};
        double[] lg = {0.0, 0.1, 0.5, 0.45, 2.0};
        MatchedSets m = PropensityMatching.withDefaults().withAbsoluteCaliper(0.2).match(t, lg);
        assertEquals(2, m.setCount());
        assertEquals(2, m.treatedRow(0)); // highest score first
        assertArrayEquals(new int[] {3}, m.controlRows(0));
        assertEquals(0, m.treatedRow(1));
        assertArrayEquals(new int[] {1}, m.controlRows(1));
        assertArrayEquals(new int[] {1, 1, 0, 0, -1}, m.setIds());
        assertArrayEquals(new int[] {0, 1, 2, 3}, m.matchedRows());
        assertEquals(1, m.unmatchedControlCount());
        assertTrue(m.toString().contains("caliper: 0.2 on the logit scale"), m.toString());
        // equidistant controls: smaller row wins
        MatchedSets e = PropensityMatching.withDefaults().withoutCaliper().match(new boolean[] {false, true, false},
                new double[] {1.0, 0.0, -1.0});
        assertArrayEquals(new int[] {0}, e.controlRows(0));
    }
}
