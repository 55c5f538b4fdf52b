package io.survkit.compare;

import io.survkit.data.ModelFrame;
import io.survkit.data.Terms;
import io.survkit.data.CountTable;
import io.survkit.data.SurvivalData;
import io.survkit.internal.Check;
import java.util.ArrayList;
import java.util.List;

/**
 * Log-rank tests between every pair of groups with p-values adjusted for multiple testing, as
 * survminer's {@code pairwise_survdiff(formula, data, p.adjust.method, rho)}: each pair is tested
 * on its own rows (stratified when the data have strata; the weights' Kaplan-Meier pools the two
 * groups), p = P(chi^2_1 > chisq), and the p-values of all pairs are adjusted together with R's
 * {@code p.adjust}. A pair without events has chisq 0 and p = 1 (survdiff's chisq 0 on 1 df, as
 * survminer reports it). Immutable.
 *
 * <p>Defaults ({@link #withDefaults()}): log-rank weights, {@link PValueAdjustment#BENJAMINI_HOCHBERG}
 * (survminer's default {@code "BH"}).
 *
 * <p>Cost: the rows are sorted once; each pair is one merge over its two groups.
 *
 * <pre>{@code
 * PairwiseLogRankResult r = PairwiseLogRank.withDefaults()
 *         .withAdjustment(PValueAdjustment.HOLM)
 *         .test(veteran);                         // group = celltype
 * double p = r.pValue("celltype=adeno", "celltype=large");
 * System.out.println(r);                          // lower-triangular p-value matrix
 * }</pre>
 */
public final class PairwiseLogRank {
    private static final PairwiseLogRank DEFAULTS = new PairwiseLogRank(LogRankTest.withDefaults(),
            PValueAdjustment.BENJAMINI_HOCHBERG);

    private final LogRankTest test;
    private final PValueAdjustment adjustment;

    private PairwiseLogRank(LogRankTest test, PValueAdjustment adjustment) {
        this.test = test;
        this.adjustment = adjustment;
    }

    /**
     * Log-rank tests, Benjamini-Hochberg adjustment.
     *
     * @return the shared default instance
     */
    public static PairwiseLogRank withDefaults() {
        return DEFAULTS;
    }

    /**
     * The same comparisons with the weights of {@code t}.
     *
     * @param t the log rank test
     * @return a new instance with this setting (this one is unchanged)
     */
    public PairwiseLogRank withTest(LogRankTest t) {
        return new PairwiseLogRank(Check.notNull("log-rank test", t), adjustment);
    }

    /**
     * The same comparisons with p-value adjustment {@code a}.
     *
     * @param a the pvalue adjustment
     * @return a new instance with this setting (this one is unchanged)
     */
    public PairwiseLogRank withAdjustment(PValueAdjustment a) {
        return new PairwiseLogRank(test, Check.notNull("p-value adjustment", a));
    }

    /** {@return the test of each pair} */
    public LogRankTest logRankTest() {
        return test;
    }

    /** {@return the p-value adjustment} */
    public PValueAdjustment adjustment() {
        return adjustment;
    }

    /**
     * Compares every pair of groups with rows.
     *
     * @param data the data
     * @param formula the model formula (R syntax)
     * @return the result
     * @throws IllegalArgumentException without a group column or with fewer than 2 groups with rows
     */
    public PairwiseLogRankResult test(SurvivalData data, String formula) {
        return test(data, Terms.parse(Check.notNull("formula", formula)));
    }

    /**
     * Tests the groups (and strata) of a resolved model frame.
     *
     * @param frame the frame
     * @return the test
     */
    public PairwiseLogRankResult test(ModelFrame frame) {
        return test(Source.of(Check.notNull("frame", frame)));
    }

    /**
     * Tests the groups (and strata) of {@code terms}.
     *
     * @param data the data
     * @param terms the groups and strata
     * @return the test
     */
    public PairwiseLogRankResult test(SurvivalData data, Terms terms) {
        return test(Source.of(ModelFrame.of(Check.notNull("data", data), Check.notNull("terms", terms))));
    }

    /**
     * Compares every pair of groups of pre-aggregated counts.
     *
     * @param counts the count table
     * @return the result
     */
    public PairwiseLogRankResult test(CountTable counts) {
        return test(Source.of(Check.notNull("counts", counts)));
    }

    private PairwiseLogRankResult test(Source src) {
        int k = src.present.length;
        int m = k - 1;
        double[][] chisq = new double[m][m];
        double[][] raw = new double[m][m];
        double[] flat = new double[m * (m + 1) / 2];
        List<String> warnings = new ArrayList<>(src.warnings);
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                chisq[i][j] = Double.NaN;   // above the diagonal: R's NA
                raw[i][j] = Double.NaN;
            }
        }
        int f = 0;
        // R's pairwise.table: column j, then rows i > j (lower triangle, column-major)
        for (int j = 0; j < m; j++) {
            for (int i = j + 1; i < k; i++) {
                LogRankKernel.Sums s = src.sums(test, new int[] {src.present[j], src.present[i]});
                double x;
                try {
                    x = s.deaths == 0 ? 0 : ChiSquare.of(s).chiSquare;
                } catch (IllegalArgumentException e) {
                    warnings.add(src.labels.get(i) + " vs " + src.labels.get(j) + ": " + e.getMessage());
                    x = Double.NaN;
                }
                chisq[i - 1][j] = x;
                raw[i - 1][j] = Double.isNaN(x) ? Double.NaN : ChiSquare.upperTail(x, 1);
                flat[f++] = raw[i - 1][j];
            }
        }
        double[] adj = adjustment.adjust(flat);
        double[][] p = new double[m][m];
        f = 0;
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < j; i++) {
                p[i][j] = Double.NaN;
            }
            for (int i = j + 1; i < k; i++) {
                p[i - 1][j] = adj[f++];
            }
        }
        return new PairwiseLogRankResult(test.weighting(), test.rho(), test.gamma(), adjustment, src.labels, chisq,
                raw, p, src.omitted, warnings);
    }

    @Override
    public String toString() {
        return "PairwiseLogRank[" + test + ", adjustment=" + adjustment + "]";
    }
}
