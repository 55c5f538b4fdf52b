package io.survkit.estimate;

/**
 * A test that the cumulative incidence curves of each cause are equal across groups, as it is
 * printed and exported beside the curves (cmprsk {@code cuminc}'s {@code Tests}). The estimate
 * package defines what it shows; {@code io.survkit.compare.GrayTestResult} implements it, and
 * {@code io.survkit.compare.CumulativeIncidenceComparison} fits the curves and attaches the test
 * ({@link CumulativeIncidenceResult#withTest}), so that estimating curves never runs a test.
 *
 * <pre>{@code
 * CumulativeIncidenceResult r = CumulativeIncidenceComparison.withDefaults().fit(data, "group");
 * r.test().ifPresent(t -> System.out.println(t.cause(0) + ": p = " + t.pValue(0)));
 * }</pre>
 */
public interface IncidenceTest {
    /**
     * Number of causes tested.
     *
     * @return the count
     */
    int causeCount();

    /**
     * Label of cause {@code c}.
     *
     * @param c the 0-based cause index
     * @return the label
     */
    String cause(int c);

    /**
     * The chi-square statistic of cause {@code c}.
     *
     * @param c the 0-based cause index
     * @return the statistic
     */
    double statistic(int c);

    /**
     * The p-value of cause {@code c}.
     *
     * @param c the 0-based cause index
     * @return the p-value
     */
    double pValue(int c);

    /**
     * Degrees of freedom of cause {@code c}'s statistic.
     *
     * @param c the 0-based cause index
     * @return the degrees of freedom
     */
    int degreesOfFreedom(int c);

    /**
     * The test as cuminc prints its {@code Tests} matrix, without warnings (those travel with the
     * curves' warnings, printed once after the estimates).
     *
     * @return the table text, one line per cause after the header
     */
    String testsTable();
}
