package io.survkit.estimate;

import io.survkit.internal.Sorting;
import io.survkit.internal.Tolerances;
import java.util.Arrays;

/**
 * How R survival 3.5 reads times off a step curve: the median of {@code print.survfit}
 * ({@code survmean}'s {@code minmin}) and the quantiles of {@code quantile.survfit}
 * ({@code findq}), both with R's tolerance sqrt(machine epsilon).
 */
final class CurveReading {
    /** R: {@code .Machine$double.eps^0.5} = 2^-26. */
    static final double TOLERANCE = Tolerances.CURVE_READING;

    static final byte NUMBER = 0;
    static final byte NA = 1;
    static final byte NAN = 2;

    private CurveReading() {
    }

    /**
     * {@code survmean}'s {@code minmin(y, x)}: the first time where y < 0.5 + tol (NaN skipped); if y
     * equals 0.5 there (within tol) and later drops below it, the mean of that time and the time of
     * the drop. NaN = not reached.
     */
    static double median(double[] x, double[] y) {
        int first = -1;
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0.5 + TOLERANCE) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return Double.NaN;
        }
        double y1 = y[first];
        if (Math.abs(y1 - 0.5) < TOLERANCE) {
            for (int j = first + 1; j < y.length; j++) {
                if (y[j] < y1) {
                    return (x[first] + x[j]) / 2;
                }
            }
        }
        return x[first];
    }

    /**
     * {@code quantile.survfit}'s {@code findq(x, y, p, tol)} for one p: x = (0, curve times), y = (0,
     * 1 - curve), {@code kind} = R's NA / NaN / number for each y. NaN = not reached.
     */
    static double findq(double[] x, double[] y, byte[] kind, double p) {
        double tol = TOLERANCE;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < y.length; i++) {
            if (kind[i] == NUMBER && y[i] > max) {
                max = y[i];
            }
        }
        if (max < p) {
            return Double.NaN;
        }
        double xmax = x[x.length - 1];
        // y <- y[!duplicated(y)], x likewise (NA and NaN are distinct values, each kept once)
        boolean[] keep = firstOccurrences(y, kind);
        int n = 0;
        for (boolean k : keep) {
            if (k) {
                n++;
            }
        }
        double[] dx = new double[n];
        double[] dy = new double[n];
        byte[] dk = new byte[n];
        int u = 0;
        for (int i = 0; i < y.length; i++) {
            if (keep[i]) {
                dx[u] = x[i];
                dy[u] = y[i];
                dk[u] = kind[i];
                u++;
            }
        }
        double i1 = approxConstantRight(dy, dk, tol, p);
        double i2 = approxConstantRight(dy, dk, -tol, p);
        double quant = (at(dx, i1) + at(dx, i2)) / 2;
        if (p == 0) {
            quant = dx[0];
        }
        if (dk[n - 1] == NUMBER && Math.abs(p - dy[n - 1]) < tol) {
            quant = (at(dx, i1) + xmax) / 2;
        }
        return quant;
    }

    /** R's {@code x[i]} for a 1-based numeric index (truncated), NaN for NA. */
    private static double at(double[] x, double index) {
        if (Double.isNaN(index)) {
            return Double.NaN;
        }
        return x[(int) index - 1];
    }

    /** Marks the first occurrence of each distinct value (R's {@code !duplicated(y)}). */
    private static boolean[] firstOccurrences(double[] y, byte[] kind) {
        int n = y.length;
        boolean[] keep = new boolean[n];
        boolean seenNa = false;
        boolean seenNan = false;
        boolean sorted = true;
        double last = Double.NEGATIVE_INFINITY;
        int numbers = 0;
        for (int i = 0; i < n; i++) {
            if (kind[i] == NA) {
                keep[i] = !seenNa;
                seenNa = true;
            } else if (kind[i] == NAN) {
                keep[i] = !seenNan;
                seenNan = true;
            } else {
                numbers++;
                sorted &= y[i] >= last;
                last = y[i];
            }
        }
        if (sorted) { // the usual case: ties are adjacent
            boolean first = true;
            double prev = 0;
            for (int i = 0; i < n; i++) {
                if (kind[i] == NUMBER) {
                    keep[i] = first || y[i] != prev;
                    prev = y[i];
                    first = false;
                }
            }
            return keep;
        }
        double[] v = new double[numbers];
        int[] where = new int[numbers];
        int u = 0;
        for (int i = 0; i < n; i++) {
            if (kind[i] == NUMBER) {
                v[u] = y[i];
                where[u++] = i;
            }
        }
        int[] order = Sorting.order(v);
        int a = 0;
        while (a < numbers) {
            int b = a;
            int min = where[order[a]];
            while (b + 1 < numbers && v[order[b + 1]] == v[order[a]]) {
                b++;
                min = Math.min(min, where[order[b]]);
            }
            keep[min] = true;
            a = b + 1;
        }
        return keep;
    }

    /**
     * R's {@code approx(y + shift, 1:n, p, method = "constant", f = 1)$y}: NA pairs dropped, points
     * sorted by x with tied x averaged, NA outside the range; returns a 1-based index or NaN.
     */
    private static double approxConstantRight(double[] y, byte[] kind, double shift, double p) {
        int m = 0;
        for (byte k : kind) {
            if (k == NUMBER) {
                m++;
            }
        }
        double[] xs = new double[m];
        double[] ys = new double[m];
        int u = 0;
        boolean sorted = true;
        for (int i = 0; i < y.length; i++) {
            if (kind[i] == NUMBER) {
                xs[u] = y[i] + shift;
                ys[u] = i + 1;
                sorted &= u == 0 || xs[u] > xs[u - 1];
                u++;
            }
        }
        if (!sorted) {
            int[] order = stableOrder(xs);
            double[] sx = new double[m];
            double[] sy = new double[m];
            int w = 0;
            int a = 0;
            while (a < m) {
                int b = a;
                double sum = ys[order[a]];
                while (b + 1 < m && xs[order[b + 1]] == xs[order[a]]) {
                    b++;
                    sum += ys[order[b]];
                }
                sx[w] = xs[order[a]];
                sy[w] = sum / (b - a + 1);
                w++;
                a = b + 1;
            }
            xs = Arrays.copyOf(sx, w);
            ys = Arrays.copyOf(sy, w);
            m = w;
        }
        if (p < xs[0] || p > xs[m - 1]) {
            return Double.NaN;
        }
        int i = 0;
        int j = m - 1;
        while (i < j - 1) {
            int ij = (i + j) / 2;
            if (p < xs[ij]) {
                j = ij;
            } else {
                i = ij;
            }
        }
        if (p == xs[j]) {
            return ys[j];
        }
        if (p == xs[i]) {
            return ys[i];
        }
        return ys[j];
    }

    private static int[] stableOrder(double[] keys) {
        int[] order = Sorting.order(keys);
        // Sorting.order is not stable: restore index order within runs of equal keys
        int a = 0;
        while (a < order.length) {
            int b = a;
            while (b + 1 < order.length && keys[order[b + 1]] == keys[order[a]]) {
                b++;
            }
            Arrays.sort(order, a, b + 1);
            a = b + 1;
        }
        return order;
    }
}
