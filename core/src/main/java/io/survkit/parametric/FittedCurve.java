package io.survkit.parametric;

/** The fitted S(t) and h(t) of one model for one covariate profile, for tables and plots. */
interface FittedCurve {
    double survival(double t);

    double hazard(double t);
}
