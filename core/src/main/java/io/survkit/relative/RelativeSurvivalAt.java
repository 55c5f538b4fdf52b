package io.survkit.relative;

import java.util.OptionalDouble;

/**
 * A relative (or net) survival curve read at a chosen time, as R's
 * {@code summary(rs.surv(...), times = , extend = TRUE)}: the curve's values at the last curve time
 * at or before {@code time} (1 before the first), the standard error on the survival scale (survival
 * × se of log survival), the number at risk at the first curve time at or after {@code time} (0
 * after the last), and the events and censorings since the previous chosen time.
 *
 * @param time the chosen time (days)
 * @param survival relative or net survival
 * @param standardError its standard error (survival scale)
 * @param lower lower confidence limit (log interval), empty where survival is negative
 * @param upper upper confidence limit, empty where survival is negative
 * @param numberAtRisk rows at risk at the time
 * @param numberOfEvents events since the previous chosen time
 * @param numberCensored censorings since the previous chosen time
 */
public record RelativeSurvivalAt(double time, double survival, double standardError, OptionalDouble lower,
        OptionalDouble upper, int numberAtRisk, int numberOfEvents, int numberCensored) {
}
