package io.survkit.data;

import io.survkit.internal.Check;
import io.survkit.internal.HouseholderQr;
import io.survkit.internal.Tolerances;
import java.util.Arrays;
import java.util.Locale;

/**
 * A natural cubic spline basis, equal to R's {@code splines::ns(x, df)} (without intercept): cubic
 * B-splines on the knots (boundary knots at the range of x, repeated four times; {@code df - 1}
 * interior knots at the quantiles 1/df, 2/df, ... of x, R's type 7), constrained to be linear
 * beyond the boundary knots by projecting out their second derivatives there: with C the second
 * derivatives of the B-splines (first dropped) at both boundary knots and C' = QR (LINPACK
 * Householder QR, R's {@code qr}), the basis is the columns 3.. of (Q' B')'. Outside the boundary
 * knots the B-splines are continued linearly from the boundary (value and slope), as R does when a
 * fitted spline predicts new data.
 *
 * <p>Immutable: the knots are fixed when the basis is made from the data, and {@link #basis}
 * evaluates it at any x (new data too), as R's {@code predict(ns(...), newx)}.
 *
 * <pre>{@code
 * NaturalSpline ns = NaturalSpline.of(age, 3);   // R: ns(age, df = 3)
 * double[][] columns = ns.basis(age);            // 3 columns, each of length age.length
 * }</pre>
 */
public final class NaturalSpline {
    private static final int ORDER = 4;
    private final double[] interior;
    private final double lower;
    private final double upper;
    /** All knots: the boundary knots four times each around the interior knots. */
    private final double[] knots;
    /** Householder QR of the transposed boundary constraints (m x 2, column-major). */
    private final double[][] qr;
    private final double[] qraux;
    private final int m;

    private NaturalSpline(double[] interior, double lower, double upper) {
        this.interior = interior;
        this.lower = lower;
        this.upper = upper;
        this.knots = new double[interior.length + 2 * ORDER];
        Arrays.fill(knots, 0, ORDER, lower);
        System.arraycopy(interior, 0, knots, ORDER, interior.length);
        Arrays.fill(knots, ORDER + interior.length, knots.length, upper);
        int coefficients = knots.length - ORDER;
        this.m = coefficients - 1;
        this.qr = new double[2][m];
        double[] all = new double[coefficients];
        for (int side = 0; side < 2; side++) {
            splineValues(side == 0 ? lower : upper, 2, all);
            System.arraycopy(all, 1, qr[side], 0, m);
        }
        this.qraux = new double[2];
        HouseholderQr.decompose(qr, m, 2, Tolerances.QR_RANK, qraux, new int[2]);
    }

    /**
     * The basis R's {@code ns(x, df = df)} makes from {@code x}: {@code df} columns.
     *
     * @param x the covariate (finite values; at least two distinct values)
     * @param df degrees of freedom, at least 1
     * @return the basis R's {@code ns(x, df = df)} makes from {@code x}: {@code df} columns
     * @throws IllegalArgumentException for a non-finite x, fewer than two distinct values or df {@literal <} 1
     */
    public static NaturalSpline of(double[] x, int df) {
        Check.notNull("x", x);
        if (df < 1) {
            throw Check.fail("ns(): df must be at least 1, got %d", df);
        }
        double[] sorted = x.clone();
        for (int i = 0; i < sorted.length; i++) {
            if (!Double.isFinite(sorted[i])) {
                throw Check.fail("ns(): value %d is %s; expected a finite number", i + 1, sorted[i]);
            }
        }
        Arrays.sort(sorted);
        if (sorted.length < 2 || sorted[0] == sorted[sorted.length - 1]) {
            throw Check.fail("ns(): the variable needs at least two distinct values");
        }
        int k = df - 1;
        double[] interior = new double[k];
        for (int j = 0; j < k; j++) {
            interior[j] = quantile7(sorted, (j + 1) * (1.0 / (k + 1)));
        }
        return new NaturalSpline(interior, sorted[0], sorted[sorted.length - 1]);
    }

    /** R's {@code quantile(x, p, type = 7)} of sorted values. */
    private static double quantile7(double[] sorted, double p) {
        double index = 1 + (sorted.length - 1) * p;
        int lo = (int) Math.floor(index);
        int hi = (int) Math.ceil(index);
        double qs = sorted[lo - 1];
        double h = index - lo;
        return index > lo && sorted[hi - 1] != qs ? (1 - h) * qs + h * sorted[hi - 1] : qs;
    }

    /** {@return number of basis columns (R's df)} */
    public int columnCount() {
        return m - 2;
    }

    /** {@return copy of the interior knots (R's {@code attr(, "knots")})} */
    public double[] interiorKnots() {
        return interior.clone();
    }

    /** {@return copy of the boundary knots (R's {@code attr(, "Boundary.knots")})} */
    public double[] boundaryKnots() {
        return new double[] {lower, upper};
    }

    /**
     * The basis at {@code x}: {@link #columnCount()} columns, each of length {@code x.length}; a NaN
     * x gives NaN in every column.
     *
     * @param x the values
     * @return the basis at {@code x}: {@link #columnCount()} columns, each of length {@code x.length}; a NaN x gives NaN in every column
     */
    public double[][] basis(double[] x) {
        int cols = columnCount();
        double[][] out = new double[cols][x.length];
        double[] all = new double[m + 1];
        double[] slope = new double[m + 1];
        double[] y = new double[m];
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            if (Double.isNaN(v)) {
                for (int c = 0; c < cols; c++) {
                    out[c][i] = Double.NaN;
                }
                continue;
            }
            if (v < lower || v > upper) { // linear continuation from the nearer boundary knot
                double pivot = v < lower ? lower : upper;
                splineValues(pivot, 0, all);
                splineValues(pivot, 1, slope);
                for (int j = 0; j <= m; j++) {
                    all[j] = all[j] + (v - pivot) * slope[j];
                }
            } else {
                splineValues(v, 0, all);
            }
            System.arraycopy(all, 1, y, 0, m);
            HouseholderQr.qty(qr, m, 2, qraux, y);
            for (int c = 0; c < cols; c++) {
                out[c][i] = y[c + 2];
            }
        }
        return out;
    }

    /**
     * Every cubic B-spline (or its {@code deriv}-th derivative) at {@code x} inside the boundary
     * knots, into {@code out} (length knots - 4), by the Cox-de Boor recursion and the derivative
     * rule B'_{i,k} = (k - 1) (B_{i,k-1} / (t_{i+k-1} - t_i) - B_{i+1,k-1} / (t_{i+k} - t_{i+1}));
     * at the upper boundary knot the left limit is taken (R's {@code splineDesign}).
     */
    private void splineValues(double x, int deriv, double[] out) {
        int n = knots.length;
        int mu = ORDER - 1; // the knot span [t_mu, t_mu+1) holding x
        while (mu + 1 < n - ORDER && knots[mu + 1] <= x) {
            mu++;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = i + ORDER - 1 < mu || i > mu ? 0 : bspline(i, ORDER, deriv, x, mu);
        }
    }

    private double bspline(int i, int k, int deriv, double x, int mu) {
        if (deriv > 0) {
            double left = knots[i + k - 1] - knots[i];
            double right = knots[i + k] - knots[i + 1];
            double a = left > 0 ? bspline(i, k - 1, deriv - 1, x, mu) / left : 0;
            double b = right > 0 ? bspline(i + 1, k - 1, deriv - 1, x, mu) / right : 0;
            return (k - 1) * (a - b);
        }
        if (k == 1) {
            return i == mu ? 1 : 0;
        }
        double left = knots[i + k - 1] - knots[i];
        double right = knots[i + k] - knots[i + 1];
        double a = left > 0 ? (x - knots[i]) / left * bspline(i, k - 1, 0, x, mu) : 0;
        double b = right > 0 ? (knots[i + k] - x) / right * bspline(i + 1, k - 1, 0, x, mu) : 0;
        return a + b;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "NaturalSpline[df=%d, knots=%s, boundary=[%s, %s]]", columnCount(),
                Arrays.toString(interior), lower, upper);
    }
}
