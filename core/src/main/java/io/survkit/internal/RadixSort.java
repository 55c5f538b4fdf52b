package io.survkit.internal;

/**
 * Stable sorting permutation of doubles by least-significant-digit radix sort: the keys' bits are
 * mapped to unsigned-comparable longs and sorted 11 bits at a time; digits on which all keys agree
 * are skipped (the high bits of times in a narrow range). O(n) for the 64-bit keys, stable, so tied
 * keys keep their index order exactly as R's {@code order()}. {@code -0.0} is treated as 0.
 * NaN keys are not allowed (callers validate first).
 *
 * <pre>{@code
 * int[] ord = RadixSort.order(new double[] {3, 1, 2, 1}); // {1, 3, 2, 0}
 * }</pre>
 */
public final class RadixSort {
    private static final int BITS = 11;
    private static final int RADIX = 1 << BITS;
    private static final int MASK = RADIX - 1;
    private static final int PASSES = (64 + BITS - 1) / BITS;
    private static final int SMALL = 48;

    private RadixSort() {
    }

    /** The stable permutation that sorts {@code keys} ascending. */
    public static int[] order(double[] keys) {
        int n = keys.length;
        int[] idx = new int[n];
        long[] k = new long[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
            double v = keys[i];
            long b = Double.doubleToRawLongBits(v == 0 ? 0.0 : v);
            k[i] = b ^ ((b >> 63) | Long.MIN_VALUE);
        }
        if (n <= SMALL) {
            insertion(k, idx);
            return idx;
        }
        int[] count = new int[PASSES * RADIX];
        for (int i = 0; i < n; i++) {
            long key = k[i];
            for (int d = 0; d < PASSES; d++) {
                count[d * RADIX + (int) ((key >>> (d * BITS)) & MASK)]++;
            }
        }
        long[] k2 = new long[n];
        int[] idx2 = new int[n];
        for (int d = 0; d < PASSES; d++) {
            int base = d * RADIX;
            boolean trivial = false;
            for (int b = 0; b < RADIX; b++) {
                if (count[base + b] != 0) {
                    trivial = count[base + b] == n;
                    break;
                }
            }
            if (trivial) {
                continue;
            }
            int sum = 0;
            for (int b = 0; b < RADIX; b++) {
                int c = count[base + b];
                count[base + b] = sum;
                sum += c;
            }
            int shift = d * BITS;
            for (int i = 0; i < n; i++) {
                long key = k[i];
                int pos = count[base + (int) ((key >>> shift) & MASK)]++;
                k2[pos] = key;
                idx2[pos] = idx[i];
            }
            long[] tk = k;
            k = k2;
            k2 = tk;
            int[] ti = idx;
            idx = idx2;
            idx2 = ti;
        }
        return idx;
    }

    private static void insertion(long[] k, int[] idx) {
        for (int i = 1; i < k.length; i++) {
            long key = k[i];
            int id = idx[i];
            int j = i - 1;
            while (j >= 0 && Long.compareUnsigned(k[j], key) > 0) {
                k[j + 1] = k[j];
                idx[j + 1] = idx[j];
                j--;
            }
            k[j + 1] = key;
            idx[j + 1] = id;
        }
    }
}
