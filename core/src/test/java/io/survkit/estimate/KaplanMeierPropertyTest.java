package io.survkit.estimate;

import io.survkit.data.ModelFrame;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.data.CountTable;
import io.survkit.data.CountTableBuilder;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the Kaplan-Meier estimator on random data (fixed seeds). */
class KaplanMeierPropertyTest {

    /** One subject: time, event, group (0..2), integer weight (1..3), fractional weight. */
    record Row(double time, boolean event, int group, int weight, double fraction) {
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        Arbitrary<Row> r = Combinators.combine(Arbitraries.integers().between(0, 40).map(i -> (double) i),
                Arbitraries.of(true, false), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(1, 3), Arbitraries.doubles().between(0.1, 3).ofScale(3))
                .as(Row::new);
        return r.list().ofMinSize(1).ofMaxSize(80);
    }

    @Provide
    Arbitrary<List<Row>> continuousRows() {
        Arbitrary<Row> r = Combinators.combine(Arbitraries.doubles().between(0, 1000).ofScale(6),
                Arbitraries.of(true, true, false), Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(1, 3), Arbitraries.doubles().between(0.1, 3).ofScale(3))
                .as(Row::new);
        return r.list().ofMinSize(1).ofMaxSize(200);
    }

    static ModelFrame data(List<Row> rows, boolean grouped, int weights) {
        int n = rows.size();
        double[] t = new double[n];
        boolean[] e = new boolean[n];
        String[] g = new String[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            t[i] = r.time();
            e[i] = r.event();
            g[i] = "g" + r.group();
            w[i] = weights == 1 ? r.weight() : r.fraction();
        }
        var b = SurvivalData.builder().time("t", t).event("e", e);
        if (grouped) {
            b.text("arm", g);
        }
        if (weights > 0) {
            b.weights("w", w);
        }
        return ModelFrame.of(b.build(), grouped ? "arm" : "1");
    }

    @Property(seed = "42", tries = 200)
    void survivalIsInUnitIntervalAndNonIncreasingHazardNonDecreasing(@ForAll("rows") List<Row> rows,
            @ForAll @IntRange(min = 0, max = 2) int weights) {
        for (SurvivalCurve c : KaplanMeier.withDefaults().fit(data(rows, true, weights)).curves()) {
            double prevS = 1;
            double prevH = 0;
            for (int i = 0; i < c.size(); i++) {
                double s = c.survival(i);
                assertTrue(s >= 0 && s <= 1, "S = " + s);
                assertTrue(s <= prevS, "S increases at " + c.time(i));
                assertTrue(c.cumulativeHazard(i) >= prevH, "H decreases at " + c.time(i));
                double lo = c.lower(i);
                double hi = c.upper(i);
                assertTrue(Double.isNaN(lo) || (lo >= 0 && lo <= s + 1e-15), "lower " + lo + " vs S " + s);
                assertTrue(Double.isNaN(hi) || (hi <= 1 && hi >= s - 1e-15), "upper " + hi + " vs S " + s);
                prevS = s;
                prevH = c.cumulativeHazard(i);
            }
        }
    }

    @Property(seed = "42", tries = 200)
    void invariantToRowOrder(@ForAll("rows") List<Row> rows, @ForAll @IntRange(min = 0, max = 2) int weights,
            @ForAll long shuffleSeed) {
        List<Row> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(shuffleSeed));
        KaplanMeierResult a = KaplanMeier.withDefaults().fit(data(rows, true, weights));
        KaplanMeierResult b = KaplanMeier.withDefaults().fit(data(shuffled, true, weights));
        assertSameCurves(a, b, weights != 2, true);
    }

    @Property(seed = "42", tries = 200)
    void integerWeightEqualsDuplicatedRows(@ForAll("rows") List<Row> rows) {
        List<Row> copies = new ArrayList<>();
        for (Row r : rows) {
            for (int k = 0; k < r.weight(); k++) {
                copies.add(r);
            }
        }
        KaplanMeierResult weighted = KaplanMeier.withDefaults().fit(data(rows, true, 1));
        KaplanMeierResult duplicated = KaplanMeier.withDefaults().fit(data(copies, true, 0));
        assertSameCurves(weighted, duplicated, true, false);
    }

    @Property(seed = "42", tries = 200)
    void preAggregatedCountsEqualSubjectRows(@ForAll("rows") List<Row> rows) {
        // the user's aggregation: (group, time) -> deaths, censored
        TreeMap<String, double[]> cells = new TreeMap<>();
        for (Row r : rows) {
            double[] c = cells.computeIfAbsent("g" + r.group() + "|" + r.time(), k -> new double[2]);
            c[r.event() ? 0 : 1]++;
        }
        CountTableBuilder b = CountTable.builder("arm");
        for (var e : cells.entrySet()) {
            String[] key = e.getKey().split("\\|");
            b.add(key[0], Double.parseDouble(key[1]), e.getValue()[0], e.getValue()[1]);
        }
        KaplanMeierResult counts = KaplanMeier.withDefaults().fit(b.build());
        KaplanMeierResult subjects = KaplanMeier.withDefaults().fit(data(rows, true, 0));
        assertSameCurves(subjects, counts, true, true);
    }

    @Property(seed = "42", tries = 200)
    void withoutCensoringSurvivalIsTheEmpiricalSurvivalFunction(@ForAll("continuousRows") List<Row> rows) {
        List<Row> dead = new ArrayList<>();
        for (Row r : rows) {
            dead.add(new Row(r.time(), true, 0, 1, 1));
        }
        ModelFrame d = data(dead, false, 0); // times as R's timefix leaves them
        SurvivalCurve c = KaplanMeier.withDefaults().fit(d).curve(0);
        int n = d.rowCount();
        for (int i = 0; i < c.size(); i++) {
            int later = 0;
            for (int j = 0; j < n; j++) {
                if (d.time(j) > c.time(i)) {
                    later++;
                }
            }
            assertEquals((double) later / n, c.survival(i), 1e-12, "S(" + c.time(i) + ")");
        }
    }

    @Property(seed = "42", tries = 200)
    void invariantToTimeShiftAndPositiveScaling(@ForAll("rows") List<Row> rows,
            @ForAll @IntRange(min = 0, max = 1000) int shift, @ForAll @IntRange(min = 1, max = 64) int scale) {
        List<Row> moved = new ArrayList<>();
        for (Row r : rows) {
            moved.add(new Row(shift + scale * r.time(), r.event(), r.group(), r.weight(), r.fraction()));
        }
        KaplanMeierResult a = KaplanMeier.withDefaults().fit(data(rows, true, 0));
        KaplanMeierResult b = KaplanMeier.withDefaults().fit(data(moved, true, 0));
        assertEquals(a.curveNames(), b.curveNames());
        for (int k = 0; k < a.curveCount(); k++) {
            SurvivalCurve x = a.curve(k);
            SurvivalCurve y = b.curve(k);
            double[] t = x.times();
            for (int i = 0; i < t.length; i++) {
                t[i] = shift + scale * t[i];
            }
            assertArrayEquals(t, y.times());
            assertArrayEquals(x.survival(), y.survival());
            assertArrayEquals(x.standardError(), y.standardError());
            assertArrayEquals(x.cumulativeHazard(), y.cumulativeHazard());
            if (x.median().isPresent()) {
                assertEquals(shift + scale * x.median().getAsDouble(), y.median().getAsDouble(), 1e-9);
            }
        }
    }

    @Property(seed = "42", tries = 200)
    void jackknifeClosedFormEqualsRsRecursion(@ForAll("continuousRows") List<Row> rows,
            @ForAll @DoubleRange(min = 0, max = 1) double tieShare) {
        // ties: round a share of the times to whole numbers
        List<Row> tied = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double t = i < tieShare * rows.size() ? Math.floor(r.time() / 100) : r.time();
            tied.add(new Row(t, r.event(), r.group(), r.weight(), r.fraction()));
        }
        ModelFrame d = data(tied, true, 2);
        int n = d.rowCount();
        String[] id = new String[n];
        for (int i = 0; i < n; i++) {
            id[i] = "id" + i;
        }
        ModelFrame perRowClusters = ModelFrame.of(SurvivalData.builder().time("t", d.times()).event("e", events(d))
                .text("arm", groups(d)).weights("w", d.weights().orElseThrow()).cluster("id", id).build(), "arm");
        KaplanMeier ij = KaplanMeier.withDefaults().withVariance(Variance.INFINITESIMAL_JACKKNIFE);
        KaplanMeierResult closed = ij.fit(d); // O(n) closed form
        KaplanMeierResult recursion = ij.fit(perRowClusters); // R's loop over clusters
        assertSameCurves(closed, recursion, false, true);
    }

    private static boolean[] events(ModelFrame d) {
        boolean[] e = new boolean[d.rowCount()];
        for (int i = 0; i < e.length; i++) {
            e[i] = d.isEvent(i);
        }
        return e;
    }

    private static String[] groups(ModelFrame d) {
        String[] g = new String[d.rowCount()];
        for (int i = 0; i < g.length; i++) {
            g[i] = d.groups().orElseThrow().level(d.groups().orElseThrow().code(i));
        }
        return g;
    }

    static void assertSameCurves(KaplanMeierResult a, KaplanMeierResult b, boolean exact, boolean sameRows) {
        assertEquals(a.curveNames(), b.curveNames());
        for (int k = 0; k < a.curveCount(); k++) {
            SurvivalCurve x = a.curve(k);
            SurvivalCurve y = b.curve(k);
            if (sameRows) {
                assertEquals(x.rowCount(), y.rowCount());
            }
            same(x.times(), y.times(), exact, "time");
            same(x.numberAtRisk(), y.numberAtRisk(), exact, "nRisk");
            same(x.numberOfEvents(), y.numberOfEvents(), exact, "nEvent");
            same(x.numberCensored(), y.numberCensored(), exact, "nCensor");
            same(x.survival(), y.survival(), exact, "surv");
            same(x.standardError(), y.standardError(), exact, "stdErr");
            same(x.lower(), y.lower(), exact, "lower");
            same(x.upper(), y.upper(), exact, "upper");
            same(x.cumulativeHazard(), y.cumulativeHazard(), exact, "cumhaz");
            same(x.cumulativeHazardStandardError(), y.cumulativeHazardStandardError(), exact, "stdChaz");
            assertEquals(x.median(), y.median());
        }
    }

    private static void same(double[] e, double[] a, boolean exact, String what) {
        if (exact) {
            assertArrayEquals(e, a, what);
        } else {
            KaplanMeierOracleTest.assertClose(e, a, what);
        }
    }

    @Property(seed = "42", tries = 50)
    void oracleDataSetsInAnyRowOrder(@ForAll long shuffleSeed) {
        SurvivalData lung = SurvivalData.csv(Oracle.data("lung")).time("time").event("status", "2").read();
        int[] idx = new int[lung.rowCount()];
        List<Integer> perm = new ArrayList<>();
        for (int i = 0; i < idx.length; i++) {
            perm.add(i);
        }
        Collections.shuffle(perm, new Random(shuffleSeed));
        for (int i = 0; i < idx.length; i++) {
            idx[i] = perm.get(i);
        }
        assertSameCurves(KaplanMeier.withDefaults().fit(lung, "sex"), KaplanMeier.withDefaults().fit(lung.rows(idx),
                "sex"), true, true);
    }
}
