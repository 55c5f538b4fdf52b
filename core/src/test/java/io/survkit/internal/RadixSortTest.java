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
    /** Arrays of 2^18 and more use 16-bit digits. */
    @org.junit.jupiter.api.Test
    void largeArraysToo() {
        int n = 300_000;
        Random r = new Random(7);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextInt(4) == 0 ? Math.floor(r.nextDouble() * 100) : r.nextGaussian() * 1e6;
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, Comparator.comparingDouble((Integer i) -> x[i]));
        int[] expected = new int[n];
        for (int i = 0; i < n; i++) {
            expected[i] = boxed[i];
        }
        assertArrayEquals(expected, RadixSort.order(x));
    }

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
