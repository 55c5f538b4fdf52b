package io.survkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** TimeFix's distinct values by hash set equal those of sorting every value (its former way). */
class TimeFixDistinctTest {
    private static double[] bySorting(double[] time, double[] start) {
        double[] all = start == null ? time.clone() : concat(time, start);
        Arrays.sort(all);
        return Arrays.stream(all).map(x -> x + 0.0).distinct().toArray();
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Property(seed = "14", tries = 200)
    void sameDistinctValues(@ForAll @IntRange(min = 1, max = 5000) int n, @ForAll @IntRange(min = 1, max = 100000)
            int distinct, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] time = new double[n];
        double[] start = new double[n];
        for (int i = 0; i < n; i++) {
            time[i] = r.nextInt(distinct) * 0.25;
            start[i] = i % 7 == 0 ? -0.0 : r.nextInt(distinct) * 0.125;
        }
        assertArrayEquals(bySorting(time, null), TimeFix.distinctSorted(time, null));
        assertArrayEquals(bySorting(time, start), TimeFix.distinctSorted(time, start));
    }
}
