package io.survkit.regression;

import io.survkit.internal.Probabilities;
import io.survkit.internal.RFormat;

/**
 * A chi-square test result: statistic, degrees of freedom and upper-tail p-value. Immutable.
 *
 * <pre>{@code
 * ChiSquareTest lrt = coxResult.likelihoodRatioTest();
 * double p = lrt.pValue();
 * }</pre>
 */
public final class ChiSquareTest {
    private final double statistic;
    private final int degreesOfFreedom;
    private final double pValue;

    ChiSquareTest(double statistic, int degreesOfFreedom) {
        this.statistic = statistic;
        this.degreesOfFreedom = degreesOfFreedom;
        this.pValue = Probabilities.chiSquareUpper(statistic, degreesOfFreedom);
    }

    /**
     * A test with statistic {@code statistic} on {@code degreesOfFreedom} degrees of freedom; the
     * p-value is the upper chi-square tail.
     *
     * @param statistic the statistic
     * @param degreesOfFreedom degrees of freedom (>= 0)
     * @return the test
     */
    public static ChiSquareTest of(double statistic, int degreesOfFreedom) {
        if (degreesOfFreedom < 0) {
            throw io.survkit.internal.Check.fail("degrees of freedom must be >= 0, got %d", degreesOfFreedom);
        }
        return new ChiSquareTest(statistic, degreesOfFreedom);
    }

    /** {@return the chi-square statistic} */
    public double statistic() {
        return statistic;
    }

    /** {@return degrees of freedom} */
    public int degreesOfFreedom() {
        return degreesOfFreedom;
    }

    /** {@return Upper-tail p-value {@code P(chi2_df > statistic)}} */
    public double pValue() {
        return pValue;
    }

    @Override
    public String toString() {
        return "chisq = " + RFormat.signif(statistic, 6) + " on " + degreesOfFreedom + " df, p = " + RFormat.signif(pValue, 4);
    }
}
