package io.survkit.validation;

import java.util.OptionalDouble;

/**
 * One group of predicted risk in a {@link Calibration}: predicted against observed risk at t.
 *
 * @param label the interval of predicted risk, as R's {@code cut} labels it ({@code "[0.195,0.392]"})
 * @param rows rows in the group
 * @param events event rows in the group (at any time)
 * @param meanRisk mean predicted risk
 * @param observed observed risk 1 - S_KM(t) within the group
 * @param lower lower limit of the observed risk (1 - upper limit of S, R's log interval); absent
 *     where R gives NA (S(t) = 0)
 * @param upper upper limit of the observed risk; absent where R gives NA
 */
public record CalibrationGroup(String label, int rows, int events, double meanRisk, double observed,
        OptionalDouble lower, OptionalDouble upper) {
}
