package io.survkit.internal;

/**
 * R's {@code pretty(x, n)} (R 4.2 {@code R_pretty} with its defaults: min.n = n %/% 3,
 * shrink.sml = 0.75, high.u.bias = 1.5, u5.bias = 0.5 + 1.5 high.u.bias, no eps correction):
 * about n + 1 equally spaced round values covering [lo, hi], steps of 1, 2, 5 or 10 times a
 * power of ten. Used for the nomogram's axes (so that they carry {@code rms::nomogram}'s ticks) and
 * for the time points of {@code print(cuminc)} (cmprsk's {@code timepoints(pretty(...))}).
 */
public final class Pretty {
    private static final double ROUNDING_EPS = Tolerances.PRETTY_ROUNDING;
    private static final double H = 1.5;
    private static final double H5 = 0.5 + 1.5 * H;

    private Pretty() {
    }

    /**
     * R's {@code pretty(c(lo, hi), n)}.
     *
     * @param lo the lower end
     * @param hi the upper end
     * @param n the desired number of intervals
     * @return the ticks, ascending, covering [lo, hi]
     */
    public static double[] of(double lo, double hi, int n) {
        int minN = n / 3;
        double dx = hi - lo;
        double cell;
        boolean small;
        if (dx == 0 && hi == 0) {
            cell = 1;
            small = true;
        } else {
            cell = Math.max(Math.abs(lo), Math.abs(hi));
            double u = 1 + (H5 >= 1.5 * H + 0.5 ? 1 / (1 + H) : 1.5 / (1 + H5));
            u *= Math.max(1, n) * Tolerances.MACHINE_EPSILON;
            small = dx < cell * u * 3;
        }
        if (small) {
            if (cell > 10) {
                cell = 9 + cell / 10;
            }
            cell *= 0.75;
            if (minN > 1) {
                cell /= minN;
            }
        } else {
            cell = dx;
            if (n > 1) {
                cell /= n;
            }
        }
        double base = Math.pow(10.0, Math.floor(Math.log10(cell)));
        double unit = base;
        double ns;
        if ((ns = 2 * base) - cell < H * (cell - unit)) {
            unit = ns;
            if ((ns = 5 * base) - cell < H5 * (cell - unit)) {
                unit = ns;
                if ((ns = 10 * base) - cell < H * (cell - unit)) {
                    unit = ns;
                }
            }
        }
        ns = Math.floor(lo / unit + ROUNDING_EPS);
        double nu = Math.ceil(hi / unit - ROUNDING_EPS);
        while (ns * unit > lo + ROUNDING_EPS * unit) {
            ns--;
        }
        while (nu * unit < hi - ROUNDING_EPS * unit) {
            nu++;
        }
        int k = (int) (0.5 + nu - ns);
        int ndiv;
        if (k < minN) {
            k = minN - k;
            if (ns >= 0) {
                nu += k / 2;
                ns -= k / 2 + k % 2;
            } else {
                ns -= k / 2;
                nu += k / 2 + k % 2;
            }
            ndiv = minN;
        } else {
            ndiv = k;
        }
        double from = Math.min(ns * unit, lo);
        double to = Math.max(nu * unit, hi);
        return sequence(from, to, ndiv + 1);
    }

    /** R's {@code seq.int(from, to, length.out = m)}, filled from both ends; exact zeros kept. */
    private static double[] sequence(double from, double to, int m) {
        double[] s = new double[m];
        s[0] = from;
        if (m > 1) {
            s[m - 1] = to;
        }
        double by = (to - from) / (m - 1);
        for (int i = 1; i < m - 1; i++) {
            s[i] = i < m / 2 ? from + i * by : to - (m - 1 - i) * by;
        }
        double delta = (to - from) / (m - 1);
        for (int i = 0; i < m; i++) {
            if (Math.abs(s[i]) < 1e-14 * delta) {
                s[i] = 0;
            }
        }
        return s;
    }
}
