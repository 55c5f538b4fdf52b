package io.survkit.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The radix order equals a stable comparison sort (R's order()), ties in index order. */
class RadixSortTest {
    @Property(seed = "42", tries = 200)
    void equalsAStableSort(@ForAll long seed, @ForAll @IntRange(min = 0, max = 3000) int n,
            @ForAll @IntRange(min = 0, max = 3) int kind) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            switch (kind) {
                case 0 -> x[i] = r.nextInt(20);                       // heavy ties
                case 1 -> x[i] = r.nextGaussian() * 1e3;              // signs
                case 2 -> x[i] = Math.exp(r.nextGaussian() * 30);     // wide range
                default -> x[i] = r.nextBoolean() ? -0.0 : (r.nextBoolean() ? 0.0 : -1e-300);
            }
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, Comparator.comparingDouble((Integer i) -> x[i] == 0 ? 0.0 : x[i]));
        int[] expected = new int[n];
        for (int i = 0; i < n; i++) {
            expected[i] = boxed[i];
        }
        assertArrayEquals(expected, RadixSort.order(x));
    }
}
