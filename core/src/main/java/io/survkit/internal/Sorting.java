package io.survkit.internal;

/**
 * Sorting of primitive keys that carries an {@code int} payload (row indices) along, without
 * boxing: introspective quicksort with three-way partitioning (Bentley-McIlroy), so heavy ties
 * (integer months) cost linear time per distinct value, falling back to heapsort on bad pivots.
 */
public final class Sorting {
    private static final int INSERTION = 24;

    /**
     * Ranges at least this long are sorted with {@link java.util.Arrays#parallelSort} (both cores of
     * a 2-core machine pay from about this size on); shorter ones with {@link java.util.Arrays#sort}.
     */
    public static final int PARALLEL_THRESHOLD = 1 << 16;

    /**
     * Whether long ranges are sorted in parallel (on the common fork-join pool). Off by default, so
     * estimators are single-threaded and leave the host's threads alone; the system property
     * {@code survkit.parallelSort=true} turns it on (see benchmarks/README.md for when it pays).
     */
    public static final boolean PARALLEL = "true".equalsIgnoreCase(System.getProperty("survkit.parallelSort"));

    private Sorting() {
    }

    /** Sorts {@code a[from, to)} ascending; in parallel when the range is long (see {@link #PARALLEL}). */
    public static void sortRange(double[] a, int from, int to) {
        if (PARALLEL && to - from >= PARALLEL_THRESHOLD) {
            java.util.Arrays.parallelSort(a, from, to);
        } else {
            java.util.Arrays.sort(a, from, to);
        }
    }

    /** The permutation that sorts {@code keys} ascending: {@code keys[order[0]] <= keys[order[1]] <= ...}. */
    public static int[] order(double[] keys) {
        int n = keys.length;
        double[] k = keys.clone();
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        sort(k, idx, 0, n);
        return idx;
    }

    /** Sorts {@code keys[from, to)} ascending and applies the same moves to {@code payload}. */
    public static void sort(double[] keys, int[] payload, int from, int to) {
        int depth = 2 * (32 - Integer.numberOfLeadingZeros(Math.max(1, to - from)));
        quick(keys, payload, from, to - 1, depth);
    }

    private static void quick(double[] a, int[] p, int lo, int hi, int depth) {
        while (hi - lo >= INSERTION) {
            if (depth-- == 0) {
                heap(a, p, lo, hi + 1);
                return;
            }
            double pivot = median3(a[lo], a[(lo + hi) >>> 1], a[hi]);
            // three-way partition: [lo, lt) < pivot, [lt, i) == pivot, (gt, hi] > pivot
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                double v = a[i];
                if (v < pivot) {
                    swap(a, p, lt++, i++);
                } else if (v > pivot) {
                    swap(a, p, i, gt--);
                } else {
                    i++;
                }
            }
            if (lt - lo < hi - gt) {
                quick(a, p, lo, lt - 1, depth);
                lo = gt + 1;
            } else {
                quick(a, p, gt + 1, hi, depth);
                hi = lt - 1;
            }
        }
        insertion(a, p, lo, hi);
    }

    private static double median3(double x, double y, double z) {
        if (x < y) {
            return y < z ? y : Math.max(x, z);
        }
        return x < z ? x : Math.max(y, z);
    }

    private static void insertion(double[] a, int[] p, int lo, int hi) {
        for (int i = lo + 1; i <= hi; i++) {
            double v = a[i];
            int pv = p[i];
            int j = i - 1;
            while (j >= lo && a[j] > v) {
                a[j + 1] = a[j];
                p[j + 1] = p[j];
                j--;
            }
            a[j + 1] = v;
            p[j + 1] = pv;
        }
    }

    private static void heap(double[] a, int[] p, int from, int to) {
        int n = to - from;
        for (int i = n / 2 - 1; i >= 0; i--) {
            sift(a, p, from, i, n);
        }
        for (int end = n - 1; end > 0; end--) {
            swap(a, p, from, from + end);
            sift(a, p, from, 0, end);
        }
    }

    private static void sift(double[] a, int[] p, int base, int i, int n) {
        while (true) {
            int c = 2 * i + 1;
            if (c >= n) {
                return;
            }
            if (c + 1 < n && a[base + c + 1] > a[base + c]) {
                c++;
            }
            if (a[base + i] >= a[base + c]) {
                return;
            }
            swap(a, p, base + i, base + c);
            i = c;
        }
    }

    private static void swap(double[] a, int[] p, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
        int q = p[i];
        p[i] = p[j];
        p[j] = q;
    }

    /**
     * Stable counting sort of {@code order} by small integer codes: afterwards, rows are grouped by
     * {@code code[row]} ascending and keep their previous relative order. Returns the start offset
     * of each code (length {@code codes + 1}).
     */
    public static int[] groupStable(int[] order, int[] code, int codes) {
        int[] start = new int[codes + 1];
        for (int r : order) {
            start[code[r] + 1]++;
        }
        for (int c = 0; c < codes; c++) {
            start[c + 1] += start[c];
        }
        int[] next = start.clone();
        int[] out = new int[order.length];
        for (int r : order) {
            out[next[code[r]]++] = r;
        }
        System.arraycopy(out, 0, order, 0, order.length);
        return start;
    }
}
