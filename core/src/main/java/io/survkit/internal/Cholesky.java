package io.survkit.internal;

/**
 * Generalized Cholesky decomposition {@code A = F D F'} (F unit lower triangular, D diagonal) of a
 * symmetric non-negative definite matrix with a singularity tolerance, and the solve and inverse
 * that go with it. These are R {@code survival}'s {@code cholesky2}, {@code chsolve2} and
 * {@code chinv2} (Therneau), written out so that rank-deficient matrices behave exactly as in R: a
 * pivot below {@code toler * max(diag)} marks its column redundant, its diagonal is set to 0, and
 * the solve and the inverse give 0 for that coordinate.
 *
 * <p>Matrices are flat row-major {@code double[n * n]} arrays. {@link #decompose} reads the upper
 * triangle (entries {@code m[i*n + j]}, {@code i <= j}) and leaves the factor in the lower triangle
 * and the diagonal. {@link #invert} leaves the full symmetric inverse.
 *
 * <pre>{@code
 * double[] info = {4, 2, 2, 3};
 * Cholesky.decompose(info, 2, 1e-12);
 * double[] b = {1, 1};
 * Cholesky.solve(info, 2, b);   // b = info^-1 (1, 1)
 * }</pre>
 */
public final class Cholesky {
    private Cholesky() {
    }

    /**
     * Decomposes {@code m} in place (R {@code cholesky2}). Returns the rank, negated when the
     * matrix is not non-negative definite (a pivot below {@code -8 * toler * max(diag)}), or 0
     * when no diagonal element is positive.
     */
    public static int decompose(double[] m, int n, double toler) {
        double eps = 0;
        for (int i = 0; i < n; i++) {
            if (m[i * n + i] > eps) {
                eps = m[i * n + i];
            }
            for (int j = i + 1; j < n; j++) {
                m[j * n + i] = m[i * n + j];
            }
        }
        if (eps == 0) {
            return 0;
        }
        return factor(m, n, eps * toler, false);
    }

    /**
     * Decomposes {@code m} in place from its lower triangle (entries {@code m[i*n + j]},
     * {@code i >= j}), with R {@code survreg}'s singularity rule ({@code cholesky3} without sparse
     * terms): a pivot below {@code toler} (absolute, when no diagonal element is negative; else
     * {@code toler} times the most negative diagonal element) marks its column redundant and zeroes
     * it. Returns the rank, negated when a pivot is below {@code -8} times that threshold (not
     * non-negative definite). Follow with {@link #solve} or {@link #invert}.
     */
    public static int decomposeLower(double[] m, int n, double toler) {
        double eps = 0;
        for (int i = 0; i < n; i++) {
            if (m[i * n + i] < eps) {
                eps = m[i * n + i];
            }
        }
        return factor(m, n, eps == 0 ? toler : eps * toler, true);
    }

    /**
     * The elimination shared by {@code cholesky2} and {@code cholesky3}: a pivot below
     * {@code eps} marks its column redundant (its diagonal set to 0, and with {@code zeroColumn}
     * the whole column below); returns the rank, negated when a pivot is below {@code -8 eps}.
     */
    private static int factor(double[] m, int n, double eps, boolean zeroColumn) {
        int nonneg = 1;
        int rank = 0;
        for (int i = 0; i < n; i++) {
            double pivot = m[i * n + i];
            if (!Double.isFinite(pivot) || pivot < eps) {
                m[i * n + i] = 0;
                for (int j = i + 1; zeroColumn && j < n; j++) {
                    m[j * n + i] = 0;
                }
                if (pivot < -8 * eps) {
                    nonneg = -1;
                }
            } else {
                rank++;
                for (int j = i + 1; j < n; j++) {
                    double temp = m[j * n + i] / pivot;
                    m[j * n + i] = temp;
                    m[j * n + j] -= temp * temp * pivot;
                    for (int k = j + 1; k < n; k++) {
                        m[k * n + j] -= temp * m[k * n + i];
                    }
                }
            }
        }
        return rank * nonneg;
    }

    /** Solves {@code A b = y} in place from the decomposition (R {@code chsolve2}); redundant coordinates get 0. */
    public static void solve(double[] m, int n, double[] y) {
        for (int i = 0; i < n; i++) {
            double temp = y[i];
            for (int j = 0; j < i; j++) {
                temp -= y[j] * m[i * n + j];
            }
            y[i] = temp;
        }
        for (int i = n - 1; i >= 0; i--) {
            if (m[i * n + i] == 0) {
                y[i] = 0;
            } else {
                double temp = y[i] / m[i * n + i];
                for (int j = i + 1; j < n; j++) {
                    temp -= y[j] * m[j * n + i];
                }
                y[i] = temp;
            }
        }
    }

    /**
     * Replaces the decomposition by the inverse of the original matrix (R {@code chinv2}, then the
     * upper triangle mirrored into the lower); rows and columns of redundant coordinates are 0.
     */
    public static void invert(double[] m, int n) {
        for (int i = 0; i < n; i++) {
            if (m[i * n + i] > 0) {
                m[i * n + i] = 1 / m[i * n + i];
                for (int j = i + 1; j < n; j++) {
                    m[j * n + i] = -m[j * n + i];
                    for (int k = 0; k < i; k++) {
                        m[j * n + k] += m[j * n + i] * m[i * n + k];
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (m[i * n + i] == 0) {
                for (int j = 0; j < i; j++) {
                    m[j * n + i] = 0;
                }
                for (int j = i; j < n; j++) {
                    m[i * n + j] = 0;
                }
            } else {
                for (int j = i + 1; j < n; j++) {
                    double temp = m[j * n + i] * m[j * n + j];
                    m[i * n + j] = temp;
                    for (int k = i; k < j; k++) {
                        m[i * n + k] += temp * m[j * n + k];
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                m[i * n + j] = m[j * n + i];
            }
        }
    }

    /**
     * The quadratic form {@code b' V^-1 b} through a tolerant decomposition of {@code V} (R
     * {@code coxph.wtest}); redundant directions contribute 0. {@code v} is not modified.
     *
     * @param v the n x n matrix, row-major
     * @param n its order
     * @param b the vector
     * @param toler the pivot tolerance ({@link Tolerances#COX_CHOLESKY} for R's coxph)
     * @return the statistic and the rank kept
     */
    public static QuadraticForm quadraticForm(double[] v, int n, double[] b, double toler) {
        if (n == 1) {
            return new QuadraticForm(b[0] * b[0] / v[0], 1);
        }
        double[] m = v.clone();
        decompose(m, n, toler);
        int df = 0;
        for (int i = 0; i < n; i++) {
            if (m[i * n + i] > 0) {
                df++;
            }
        }
        double[] s = b.clone();
        solve(m, n, s);
        double sum = 0;
        for (int j = 0; j < n; j++) {
            sum += b[j] * s[j];
        }
        return new QuadraticForm(sum, df);
    }
}
