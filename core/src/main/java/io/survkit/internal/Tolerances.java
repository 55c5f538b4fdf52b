package io.survkit.internal;

/**
 * The numerical tolerances of survkit in one place, each with the R name and value it reproduces.
 * A method that needs a tolerance takes it from here, so that one change (or one reading) covers
 * every procedure that shares it.
 *
 * <p>Defaults of user options (Cox {@code eps}, survreg {@code rel.tolerance}, glm
 * {@code epsilon}, crr {@code gtol}) are here too; the procedures' {@code withX} options override them.
 */
public final class Tolerances {
    private Tolerances() {
    }

    /** R's {@code .Machine$double.eps} = 2^-52 = 2.220446e-16. */
    public static final double MACHINE_EPSILON = Math.ulp(1.0);

    /**
     * Times closer than this (absolutely, or relative to the mean absolute time) are one time:
     * survival's {@code aeqSurv} with {@code timefix = TRUE},
     * {@code tolerance = sqrt(.Machine$double.eps)} = 1.490116e-08.
     */
    public static final double TIME_FIX = Math.sqrt(MACHINE_EPSILON);

    /**
     * Reading a quantile or median off a step curve: a survival within this of the target counts as
     * equal to it (survival's {@code quantile.survfit}, {@code tolerance = sqrt(.Machine$double.eps)}).
     */
    public static final double CURVE_READING = Math.sqrt(MACHINE_EPSILON);

    /**
     * Cholesky pivot below which a column is singular: {@code coxph.control(toler.chol =
     * .Machine$double.eps^0.75)} = 1.8190e-12 (survival's {@code cholesky2}). survkit also takes it for
     * the generalised inverse of the log-rank and net-survival comparison variances, where R's
     * {@code survdiff} calls {@code solve()} on the non-singular block: the same statistic, with a
     * rank-deficient variance reduced instead of stopping.
     */
    public static final double COX_CHOLESKY = Math.pow(MACHINE_EPSILON, 0.75);

    /** Cholesky pivot tolerance of survreg: {@code survreg.control(toler.chol = 1e-10)}. */
    public static final double SURVREG_CHOLESKY = 1e-10;

    /**
     * Cholesky pivot tolerance of the Fine-Gray Newton step and variance. cmprsk's {@code crr}
     * inverts with {@code solve()} (LU, no pivot tolerance); survkit's positive-definite information
     * matrix is decomposed with this small threshold, which only flags an exactly singular matrix.
     */
    public static final double FINE_GRAY_CHOLESKY = 1e-12;

    /**
     * Relative pivot tolerance of a rank check by QR: R's {@code qr(x, tol = 1e-07)} default (used by
     * {@code ns()}'s boundary constraint and cmprsk's {@code crstm} variance rank).
     */
    public static final double QR_RANK = 1e-7;

    /**
     * LINPACK {@code dqrdc2}'s threshold for recomputing a column norm after a Householder step
     * ({@code if (dabs(tt) .lt. 1d-6)}).
     */
    public static final double QR_NORM_DOWNDATE = 1e-6;

    /** Cox convergence: relative change of the log partial likelihood, {@code coxph.control(eps = 1e-9)}. */
    public static final double COX_CONVERGENCE = 1e-9;

    /** survreg convergence: relative change of the log-likelihood, {@code survreg.control(rel.tolerance = 1e-9)}. */
    public static final double SURVREG_CONVERGENCE = 1e-9;

    /** glm convergence: {@code |dev - devold| / (|dev| + 0.1)}, {@code glm.control(epsilon = 1e-8)}. */
    public static final double GLM_CONVERGENCE = 1e-8;

    /** Fine-Gray convergence on the score, cmprsk {@code crr(gtol = 1e-6)}. */
    public static final double CRR_GTOL = 1e-6;

    /**
     * glm.fit's QR rank tolerance: {@code min(1e-07, control$epsilon / 1000)}.
     *
     * @param epsilon the glm convergence tolerance
     * @return the tolerance passed to {@code C_Cdqrls}
     */
    public static double glmRank(double epsilon) {
        return Math.min(QR_RANK, epsilon / 1000);
    }

    /**
     * R's {@code pretty()} {@code rounding.eps = 1e-10} (R 4.2.0 and later): a bound within this many
     * units of a tick is on it.
     */
    public static final double PRETTY_ROUNDING = 1e-10;
}
