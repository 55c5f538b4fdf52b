package io.survkit.regression;

/** The Fine-Gray weighted partial likelihood of one data set: crr's crrfsv/crrf, crrvv and crrfit. */
interface FineGrayLikelihood {
    /** crr's objective at b: {@code -loglik}, and with {@code derivatives} its gradient and Hessian. */
    FineGrayKernel.Eval evaluate(double[] b, boolean derivatives);

    /** The middle of Fine and Gray's sandwich variance (crrvv's {@code v2}). */
    double[] sandwichMiddle(double[] b);

    /** The baseline cumulative subdistribution hazard's jumps at the failure times (crrfit, {@code bfitj}). */
    double[] baselineJumps(double[] b);

    /** The distinct failure times of the cause (crr's {@code uftime}). */
    double[] failureTimes();
}
