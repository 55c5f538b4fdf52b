package io.survkit.internal;

/**
 * Householder QR with R's limited column pivoting: LINPACK {@code dqrdc2} (as modified for R by
 * Ross Ihaka and Doug Bates, 1999) and the coefficient solve of {@code dqrsl}, which together are
 * R's {@code C_Cdqrls} used by {@code lm.fit} and {@code glm.fit}. A column whose remaining norm
 * falls below {@code tol} times its original norm is moved to the end and counted as redundant
 * (its coefficient is 0 in the solve; R reports it as {@code NA}).
 *
 * <p>The matrix is column-major, {@code a[j][i]} = row i of column j, n rows, p columns; column
 * arrays are permuted by reference, never copied. After {@link #decompose} the upper triangle
 * {@code a[j][i], i <= j < rank} holds R, and below the diagonal with {@code qraux} the
 * Householder vectors. Used by logistic regression's IRLS and by the natural-spline basis
 * ({@code splines::ns} removes its boundary constraints with {@code qr.qty}).
 */
public final class HouseholderQr {
    private HouseholderQr() {
    }

    /**
     * Decomposes {@code a} in place (R {@code dqrdc2}). {@code pivot} receives the original column
     * index of each position. Returns the rank.
     */
    public static int decompose(double[][] a, int n, int p, double tol, double[] qraux, int[] pivot) {
        double[] work1 = new double[p];
        double[] work2 = new double[p];
        for (int j = 0; j < p; j++) {
            pivot[j] = j;
            double nrm = norm(a[j], 0, n);
            qraux[j] = nrm;
            work1[j] = nrm;
            work2[j] = nrm == 0 ? 1.0 : nrm;
        }
        int lup = Math.min(n, p);
        int k = p + 1; // 1-based as in the Fortran
        for (int l = 0; l < lup; l++) {
            // cycle negligible columns (norm below tol * original norm) to the end
            while (l + 1 < k && !(qraux[l] >= work2[l] * tol)) {
                double[] col = a[l];
                int pv = pivot[l];
                double q = qraux[l];
                double w1 = work1[l];
                double w2 = work2[l];
                for (int j = l + 1; j < p; j++) {
                    a[j - 1] = a[j];
                    pivot[j - 1] = pivot[j];
                    qraux[j - 1] = qraux[j];
                    work1[j - 1] = work1[j];
                    work2[j - 1] = work2[j];
                }
                a[p - 1] = col;
                pivot[p - 1] = pv;
                qraux[p - 1] = q;
                work1[p - 1] = w1;
                work2[p - 1] = w2;
                k--;
            }
            if (l == n - 1) {
                break;
            }
            double[] xl = a[l];
            double nrmxl = norm(xl, l, n);
            if (nrmxl == 0) {
                continue;
            }
            if (xl[l] != 0) {
                nrmxl = Math.copySign(nrmxl, xl[l]);
            }
            double inv = 1.0 / nrmxl;
            for (int i = l; i < n; i++) {
                xl[i] *= inv;
            }
            xl[l] = 1.0 + xl[l];
            for (int j = l + 1; j < p; j++) {
                double[] xj = a[j];
                double dot = 0;
                for (int i = l; i < n; i++) {
                    dot += xl[i] * xj[i];
                }
                double t = -dot / xl[l];
                for (int i = l; i < n; i++) {
                    xj[i] += t * xl[i];
                }
                if (qraux[j] != 0) {
                    double r = Math.abs(xj[l]) / qraux[j];
                    double tt = Math.max(1.0 - r * r, 0.0);
                    if (Math.abs(tt) < Tolerances.QR_NORM_DOWNDATE) {
                        qraux[j] = norm(xj, l + 1, n);
                        work1[j] = qraux[j];
                    } else {
                        qraux[j] = qraux[j] * Math.sqrt(tt);
                    }
                }
            }
            qraux[l] = xl[l];
            xl[l] = -nrmxl;
        }
        return Math.min(k - 1, n);
    }

    /**
     * Least-squares coefficients (R {@code dqrsl} with job 100): applies Q' to {@code y} (which
     * is overwritten) and back-solves R. Returns the coefficients in pivoted order; positions at
     * or beyond {@code rank} are 0.
     */
    public static double[] solve(double[][] a, int n, int p, int rank, double[] qraux, double[] y) {
        qty(a, n, rank, qraux, y);
        double[] b = new double[p];
        for (int j = rank - 1; j >= 0; j--) {
            double s = y[j];
            for (int m = j + 1; m < rank; m++) {
                s -= a[m][j] * b[m];
            }
            b[j] = s / a[j][j];
        }
        return b;
    }

    /**
     * Applies Q' to {@code y} in place (R {@code qr.qty}, LINPACK {@code dqrsl} job 1000) with the
     * first {@code k} Householder reflections of a decomposition.
     */
    public static void qty(double[][] a, int n, int k, double[] qraux, double[] y) {
        int ju = Math.min(k, n - 1);
        for (int l = 0; l < ju; l++) {
            if (qraux[l] == 0) {
                continue;
            }
            double[] xl = a[l];
            double diag = xl[l];
            xl[l] = qraux[l];
            double dot = 0;
            for (int i = l; i < n; i++) {
                dot += xl[i] * y[i];
            }
            double t = -dot / xl[l];
            for (int i = l; i < n; i++) {
                y[i] += t * xl[i];
            }
            xl[l] = diag;
        }
    }

    /**
     * {@code (R'R)^-1} of the leading {@code rank x rank} block (R {@code chol2inv}), in pivoted
     * order, row-major {@code rank * rank}.
     */
    public static double[] unscaledCovariance(double[][] a, int rank) {
        // invert the upper triangular R: Rinv upper triangular
        double[] rinv = new double[rank * rank];
        for (int j = 0; j < rank; j++) {
            rinv[j * rank + j] = 1.0 / a[j][j];
            for (int i = j - 1; i >= 0; i--) {
                double s = 0;
                for (int m = i + 1; m <= j; m++) {
                    s += a[m][i] * rinv[m * rank + j];
                }
                rinv[i * rank + j] = -s / a[i][i];
            }
        }
        double[] cov = new double[rank * rank];
        for (int i = 0; i < rank; i++) {
            for (int j = i; j < rank; j++) {
                double s = 0;
                for (int m = j; m < rank; m++) {
                    s += rinv[i * rank + m] * rinv[j * rank + m];
                }
                cov[i * rank + j] = s;
                cov[j * rank + i] = s;
            }
        }
        return cov;
    }

    /** Euclidean norm of {@code x[from..to)}, scaled against overflow (as BLAS {@code dnrm2}). */
    public static double norm(double[] x, int from, int to) {
        double scale = 0;
        double ssq = 1;
        for (int i = from; i < to; i++) {
            double v = x[i];
            if (v != 0) {
                double av = Math.abs(v);
                if (scale < av) {
                    double r = scale / av;
                    ssq = 1 + ssq * r * r;
                    scale = av;
                } else {
                    double r = av / scale;
                    ssq += r * r;
                }
            }
        }
        return scale * Math.sqrt(ssq);
    }
}
