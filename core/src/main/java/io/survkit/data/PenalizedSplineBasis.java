package io.survkit.data;

import io.survkit.internal.Check;

/**
 * The basis of R's {@code survival::pspline(x, df)} (P-splines, Eilers and Marx 1996): cubic
 * B-splines on equally spaced knots, {@code nterm = round(2.5 df)} intervals of width
 * {@code dx = (max - min) / nterm} over the range of x, extended by three knots on each side
 * ({@code knots = c(min + dx * (-3:(nterm - 1)), max + dx * (0:3))}); the first of the
 * {@code nterm + 3} B-splines is dropped (R's {@code intercept = FALSE}), leaving
 * {@code nterm + 2} columns named {@code ps(x)3}, ..., as R names them. The penalty is the
 * second-difference matrix {@code D'D} of all {@code nterm + 3} coefficients with the first row and
 * column dropped. Values are de Boor's recursion, as R's {@code splines::splineDesign}.
 *
 * <pre>{@code
 * PenalizedSplineBasis b = PenalizedSplineBasis.of(age, 10);   // pspline(age, df = 4): nterm 10
 * double[][] columns = b.basis(age);                            // 12 columns
 * }</pre>
 */
public final class PenalizedSplineBasis {
    private static final int DEGREE = 3;
    private final double lower;
    private final double upper;
    private final int intervals;
    private final double[] knots;

    private PenalizedSplineBasis(double lower, double upper, int intervals) {
        this.lower = lower;
        this.upper = upper;
        this.intervals = intervals;
        double dx = (upper - lower) / intervals;
        knots = new double[intervals + 2 * DEGREE + 1];
        int k = 0;
        for (int j = -DEGREE; j <= intervals - 1; j++) {
            knots[k++] = lower + dx * j;
        }
        for (int j = 0; j <= DEGREE; j++) {
            knots[k++] = upper + dx * j;
        }
    }

    /**
     * @param x the values (finite; at least two distinct)
     * @param intervals R's {@code nterm}, at least 3
     * @return the basis on the range of x
     */
    public static PenalizedSplineBasis of(double[] x, int intervals) {
        Check.notNull("x", x);
        if (intervals < 3) {
            throw Check.fail("a P-spline needs at least 3 intervals (R: \"Too few basis functions\"), got %d",
                    intervals);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (!(lo < hi)) {
            throw Check.fail("pspline() needs at least two distinct values; all are %s", lo);
        }
        return new PenalizedSplineBasis(lo, hi, intervals);
    }

    /** @return the number of basis columns, {@code nterm + 2} */
    public int columnCount() {
        return intervals + DEGREE - 1;
    }

    /** @return a copy of the knots (R's {@code knots} inside {@code pspline}) */
    public double[] knots() {
        return knots.clone();
    }

    /**
     * The centres of the kept basis functions, R's {@code cbase = knots[2:nvar] + (min - knots[1])},
     * against which R's print regresses the coefficients for the linear part.
     *
     * @return {@code nterm + 2} centres
     */
    public double[] centres() {
        double[] c = new double[columnCount()];
        for (int j = 0; j < c.length; j++) {
            c[j] = knots[j + 1] + (lower - knots[0]);
        }
        return c;
    }

    /**
     * The penalty matrix: {@code D'D} of the second differences of the {@code nterm + 3}
     * coefficients, first row and column dropped (R's {@code dmat}).
     *
     * @return {@code columnCount()^2} values, row-major
     */
    public double[] penalty() {
        int all = intervals + DEGREE;
        int m = all - 2;
        double[] full = new double[all * all];
        for (int r = 0; r < m; r++) { // row r of D: (1, -2, 1) at columns r, r+1, r+2
            int[] c = {r, r + 1, r + 2};
            double[] v = {1, -2, 1};
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    full[c[a] * all + c[b]] += v[a] * v[b];
                }
            }
        }
        int q = all - 1;
        double[] out = new double[q * q];
        for (int i = 0; i < q; i++) {
            System.arraycopy(full, (i + 1) * all + 1, out, i * q, q);
        }
        return out;
    }

    /**
     * @param x values within the range the basis was made on
     * @return the basis columns ({@code columnCount()} arrays of {@code x.length})
     */
    public double[][] basis(double[] x) {
        int q = columnCount();
        double[][] out = new double[q][x.length];
        double[] n = new double[DEGREE + 1];
        double[] left = new double[DEGREE + 1];
        double[] right = new double[DEGREE + 1];
        for (int r = 0; r < x.length; r++) {
            double v = x[r];
            if (!(v >= lower && v <= upper)) {
                throw Check.fail("value %s is outside the range [%s, %s] of the pspline basis", v, lower, upper);
            }
            int i = interval(v);
            evaluate(i, v, n, left, right);
            for (int j = 0; j <= DEGREE; j++) {
                int col = i - DEGREE + j - 1; // basis function index i-3+j, the first (0) dropped
                if (col >= 0) {
                    out[col][r] = n[j];
                }
            }
        }
        return out;
    }

    /** The knot span [knots[i], knots[i+1]) holding v; the last span is closed at the upper boundary. */
    private int interval(double v) {
        int last = intervals + DEGREE - 1; // span ending at the upper boundary knot
        int i = DEGREE;
        while (i < last && knots[i + 1] <= v) {
            i++;
        }
        return i;
    }

    /** de Boor / Cox: the DEGREE + 1 non-zero B-splines at v in span i (The NURBS Book, A2.2). */
    private void evaluate(int i, double v, double[] n, double[] left, double[] right) {
        n[0] = 1;
        for (int j = 1; j <= DEGREE; j++) {
            left[j] = v - knots[i + 1 - j];
            right[j] = knots[i + j] - v;
            double saved = 0;
            for (int r = 0; r < j; r++) {
                double t = n[r] / (right[r + 1] + left[j - r]);
                n[r] = saved + right[r + 1] * t;
                saved = left[j - r] * t;
            }
            n[j] = saved;
        }
    }
}
