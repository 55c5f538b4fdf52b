package io.survkit.validation;

/**
 * Sums of pair weights of a {@link Concordance} (R {@code fit$count}): whole numbers without case
 * or time weights. With {@link Direction#HIGHER_RISK} concordant and discordant are already
 * swapped, as R's {@code reverse = TRUE} does.
 *
 * @param concordant pairs ordered as the direction says (R {@code concordant})
 * @param discordant pairs ordered the other way (R {@code discordant})
 * @param tiedRisk comparable pairs with equal predictor (R {@code tied.x})
 * @param tiedTime events at the same time with different predictor (R {@code tied.y})
 * @param tiedBoth events at the same time with equal predictor (R {@code tied.xy})
 */
public record PairCounts(double concordant, double discordant, double tiedRisk, double tiedTime, double tiedBoth) {
    /** From the kernel's counts, in R's orientation before {@code reverse}. */
    static PairCounts of(double[] c, Direction direction) {
        boolean swap = direction == Direction.HIGHER_RISK;
        return new PairCounts(swap ? c[1] : c[0], swap ? c[0] : c[1], c[2], c[3], c[4]);
    }

    /** {@return comparable pairs: concordant + discordant + tiedRisk (R's denominator)} */
    public double comparable() {
        return concordant + discordant + tiedRisk;
    }
}
