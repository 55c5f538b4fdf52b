package io.survkit.compare;

import io.survkit.data.ModelFrame;
import io.survkit.data.Terms;
import io.survkit.data.CountTable;
import io.survkit.data.SurvivalData;
import io.survkit.internal.Check;
import java.util.Optional;

/**
 * Test for trend across ordered groups: with scores c_g, U = sum c_g (O_g - E_g) and
 * Var U = c' V c from the (weighted, stratified) log-rank sums of {@link LogRankTest}, and
 * chisq = U^2 / Var U on 1 degree of freedom (Tarone 1975; Collett, Modelling Survival Data in
 * Medical Research, 3rd ed., section 2.7). Immutable.
 *
 * <p>Defaults ({@link #withDefaults()}): log-rank weights, scores = the group order 1, 2, ..., k
 * (level index + 1, so a level without rows keeps the spacing of the others). Scores are one per
 * level of the group column; levels without rows are left out. The statistic does not change when
 * the scores are shifted or scaled.
 *
 * <pre>{@code
 * TrendResult r = TrendTest.withDefaults().test(stageData);           // stage I < II < III
 * TrendResult d = TrendTest.withDefaults().withScores(0, 1, 5).test(doseData);
 * System.out.println(r.zScore() + " " + r.pValue());
 * }</pre>
 */
public final class TrendTest {
    private static final TrendTest DEFAULTS = new TrendTest(LogRankTest.withDefaults(), null);

    private final LogRankTest test;
    private final double[] scores;

    private TrendTest(LogRankTest test, double[] scores) {
        this.test = test;
        this.scores = scores;
    }

    /**
     * Log-rank weights, scores 1..k in group order.
     *
     * @return the shared default instance
     */
    public static TrendTest withDefaults() {
        return DEFAULTS;
    }

    /**
     * The same trend test on the sums of {@code t} (its weighting, rho and gamma).
     *
     * @param t the log rank test
     * @return a new instance with this setting (this one is unchanged)
     */
    public TrendTest withTest(LogRankTest t) {
        return new TrendTest(Check.notNull("log-rank test", t), scores);
    }

    /**
     * The same trend test with one finite score per group level, in level order.
     *
     * @param scores the scores
     * @return a new instance with this setting (this one is unchanged)
     */
    public TrendTest withScores(double... scores) {
        Check.notNull("scores", scores);
        if (scores.length < 2) {
            throw Check.fail("scores must have one value per group level (>= 2), got %d", scores.length);
        }
        for (int i = 0; i < scores.length; i++) {
            Check.finite(Check.format("score %d", i + 1), scores[i]);
        }
        return new TrendTest(test, scores.clone());
    }

    /** {@return the log-rank test whose sums are used} */
    public LogRankTest logRankTest() {
        return test;
    }

    /**
     * The user scores.
     *
     * @return a copy, or empty when the groups are scored 1, 2, ... in level order
     */
    public Optional<double[]> scores() {
        return Optional.ofNullable(scores).map(double[]::clone);
    }

    /**
     * Tests subject rows.
     *
     * @param data the data
     * @param formula the model formula (R syntax)
     * @return the result
     * @throws IllegalArgumentException as {@link LogRankTest#test(SurvivalData, String)}, when the number of
     *         scores differs from the number of group levels, or when c' V c is 0 (e.g. equal scores)
     */
    public TrendResult test(SurvivalData data, String formula) {
        return test(data, Terms.parse(Check.notNull("formula", formula)));
    }

    /**
     * Tests the groups (and strata) of a resolved model frame.
     *
     * @param frame the frame
     * @return the test
     */
    public TrendResult test(ModelFrame frame) {
        return test(Source.of(Check.notNull("frame", frame)));
    }

    /**
     * Tests the groups (and strata) of {@code terms}.
     *
     * @param data the data
     * @param terms the groups and strata
     * @return the test
     */
    public TrendResult test(SurvivalData data, Terms terms) {
        return test(Source.of(ModelFrame.of(Check.notNull("data", data), Check.notNull("terms", terms))));
    }

    /**
     * Tests pre-aggregated counts; as {@link #test(SurvivalData, String)}.
     *
     * @param counts the count table
     * @return the result
     */
    public TrendResult test(CountTable counts) {
        return test(Source.of(Check.notNull("counts", counts)));
    }

    /**
     * The chi-square statistic alone.
     *
     * @param data the data
     * @param formula the model formula (R syntax)
     * @return the chi-square statistic alone
     */
    public double statistic(SurvivalData data, String formula) {
        return test(data, formula).chiSquare();
    }

    /**
     * @param frame a resolved model frame
     * @return the chi-square statistic
     */
    public double statistic(ModelFrame frame) {
        return test(frame).chiSquare();
    }

    /**
     * The chi-square statistic of pre-aggregated counts.
     *
     * @param counts the count table
     * @return the chi-square statistic of pre-aggregated counts
     */
    public double statistic(CountTable counts) {
        return test(counts).chiSquare();
    }

    private TrendResult test(Source src) {
        if (scores != null && scores.length != src.levelCount) {
            throw Check.fail("%d scores given but group column '%s' has %d levels; give one score per level",
                    scores.length, src.groupName, src.levelCount);
        }
        int k = src.present.length;
        double[] c = new double[k];
        for (int j = 0; j < k; j++) {
            c[j] = scores == null ? src.present[j] + 1 : scores[src.present[j]];
        }
        LogRankKernel.Sums s = src.sums(test, src.present);
        if (s.deaths == 0) {
            throw Check.fail("no events: every subject is censored, so there is nothing to test");
        }
        double[] o = new double[k];
        double[] e = new double[k];
        double u = 0;
        for (int j = 0; j < k; j++) {
            o[j] = s.observed(j);
            e[j] = s.expected(j);
            u += c[j] * (o[j] - e[j]);
        }
        double var = 0;
        double[][] v = new double[k][k];
        for (int j = 0; j < k; j++) {
            for (int h = 0; h < k; h++) {
                v[j][h] = s.variance[j * k + h];
                var += c[j] * v[j][h] * c[h];
            }
        }
        if (!(var > 0)) {
            throw Check.fail("the variance of the trend statistic is %s (scores %s of groups %s); give scores "
                    + "that differ between groups with events", var, java.util.Arrays.toString(c), src.labels);
        }
        return new TrendResult(test.weighting(), test.rho(), test.gamma(), src.labels, c, s.rows.clone(), o, e, v, u,
                var, src.omitted, src.warnings);
    }

    @Override
    public String toString() {
        return "TrendTest[" + test + ", scores=" + (scores == null ? "group order" : java.util.Arrays.toString(scores))
                + "]";
    }
}
