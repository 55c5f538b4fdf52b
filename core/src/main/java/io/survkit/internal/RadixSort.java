package io.survkit.internal;

/**
 * Stable sorting permutation of doubles by least-significant-digit radix sort: the keys' bits are
 * mapped to unsigned-comparable longs and sorted 11 bits at a time (16 for large arrays); digits on which all keys agree
 * are skipped (the high bits of times in a narrow range). O(n) for the 64-bit keys, stable, so tied
 * keys keep their index order exactly as R's {@code order()}. {@code -0.0} is treated as 0.
 * NaN keys are not allowed (callers validate first).
 *
 * <pre>{@code
 * int[] ord = RadixSort.order(new double[] {3, 1, 2, 1}); // {1, 3, 2, 0}
 * }</pre>
 */
public final class RadixSort {
    private static final int SMALL = 48;
    /** From this size on, 16-bit digits (4 passes, 1 MiB of counters) beat 11-bit ones (6 passes). */
    private static final int LARGE = 1 << 18;

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
        final int bits = n >= LARGE ? 16 : 11;
        final int radix = 1 << bits;
        final int mask = radix - 1;
        final int passes = (64 + bits - 1) / bits;
        int[] count = new int[passes * radix];
        for (int i = 0; i < n; i++) {
            long key = k[i];
            for (int d = 0; d < passes; d++) {
                count[d * radix + (int) ((key >>> (d * bits)) & mask)]++;
            }
        }
        long[] k2 = new long[n];
        int[] idx2 = new int[n];
        for (int d = 0; d < passes; d++) {
            int base = d * radix;
            boolean trivial = false;
            for (int b = 0; b < radix; b++) {
                if (count[base + b] != 0) {
                    trivial = count[base + b] == n;
                    break;
                }
            }
            if (trivial) {
                continue;
            }
            int sum = 0;
            for (int b = 0; b < radix; b++) {
                int c = count[base + b];
                count[base + b] = sum;
                sum += c;
            }
            int shift = d * bits;
            for (int i = 0; i < n; i++) {
                long key = k[i];
                int pos = count[base + (int) ((key >>> shift) & mask)]++;
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
