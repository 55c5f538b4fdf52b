package io.survkit.parametric;

import java.util.function.DoubleUnaryOperator;

/** The fitted S(t) and h(t) of one model for one covariate profile, for tables and plots. */
record FittedCurve(DoubleUnaryOperator survival, DoubleUnaryOperator hazard) {
}
