package io.survkit.compare;

import io.survkit.internal.JsonWriter;
import io.survkit.internal.RFormat;
import io.survkit.internal.RFormat.NotANumber;
import io.survkit.table.Exportable;
import io.survkit.table.Table;
import java.util.List;

/**
 * The result of a {@link TrendTest}, immutable: the scores used, per group observed and expected
 * events and the variance matrix of O - E, the score statistic U = sum c (O - E), its variance
 * c' V c, z = U / sqrt(c' V c), chisq = z^2 on 1 degree of freedom and the p-value.
 *
 * <pre>{@code
 * TrendResult r = TrendTest.withDefaults().test(data);
 * System.out.println(r);   // table and "Trend: chisq= ... on 1 degree of freedom, p= ..."
 * }</pre>
 */
public final class TrendResult implements Exportable {
    private final Weighting weighting;
    private final double rho;
    private final double gamma;
    private final List<String> groups;
    private final double[] scores;
    private final double[] rows;
    private final double[] observed;
    private final double[] expected;
    private final double[][] variance;
    private final double statistic;
    private final double statisticVariance;
    private final int omitted;
    private final List<String> warnings;

    TrendResult(Weighting weighting, double rho, double gamma, List<String> groups, double[] scores, double[] rows,
            double[] observed, double[] expected, double[][] variance, double statistic, double statisticVariance,
            int omitted, List<String> warnings) {
        this.weighting = weighting;
        this.rho = rho;
        this.gamma = gamma;
        this.groups = List.copyOf(groups);
        this.scores = scores;
        this.rows = rows;
        this.observed = observed;
        this.expected = expected;
        this.variance = variance;
        this.statistic = statistic;
        this.statisticVariance = statisticVariance;
        this.omitted = omitted;
        this.warnings = List.copyOf(warnings);
    }

    /** {@return the weighting of the underlying log-rank sums} */
    public Weighting weighting() {
        return weighting;
    }

    /** {@return Fleming-Harrington rho} */
    public double rho() {
        return rho;
    }

    /** {@return Fleming-Harrington gamma} */
    public double gamma() {
        return gamma;
    }

    /** {@return group labels (groups with rows, level order)} */
    public List<String> groups() {
        return groups;
    }

    /** {@return score of each group} */
    public double[] scores() {
        return scores.clone();
    }

    /** {@return rows per group (unweighted)} */
    public double[] rowCounts() {
        return rows.clone();
    }

    /** {@return observed (weighted) events per group} */
    public double[] observed() {
        return observed.clone();
    }

    /** {@return expected (weighted) events per group} */
    public double[] expected() {
        return expected.clone();
    }

    /** {@return variance matrix of O - E} */
    public double[][] variance() {
        double[][] r = new double[variance.length][];
        for (int i = 0; i < r.length; i++) {
            r[i] = variance[i].clone();
        }
        return r;
    }

    /** {@return U = sum c_g (O_g - E_g)} */
    public double statistic() {
        return statistic;
    }

    /** {@return var U = c' V c} */
    public double statisticVariance() {
        return statisticVariance;
    }

    /** {@return z = U / sqrt(Var U); positive when groups with higher scores have more events than expected} */
    public double zScore() {
        return statistic / Math.sqrt(statisticVariance);
    }

    /** {@return chisq = U^2 / Var U} */
    public double chiSquare() {
        return statistic * statistic / statisticVariance;
    }

    /** {@return degrees of freedom: 1} */
    public int degreesOfFreedom() {
        return 1;
    }

    /** {@return Upper-tail chi-square p-value on 1 df (two-sided in z)} */
    public double pValue() {
        return ChiSquare.upperTail(chiSquare(), 1);
    }

    /** {@return rows left out for missing values} */
    public int omittedRows() {
        return omitted;
    }

    /** {@return warnings} */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        int k = groups.size();
        String[][] cols = {RFormat.column(scores, 7, NotANumber.NAN), RFormat.column(rows, 3, NotANumber.NAN), RFormat.column(observed, 3, NotANumber.NAN),
            RFormat.column(expected, 3, NotANumber.NAN)};
        String[][] cells = new String[k][4];
        for (int g = 0; g < k; g++) {
            for (int j = 0; j < 4; j++) {
                cells[g][j] = cols[j][g];
            }
        }
        StringBuilder sb = new StringBuilder();
        if (weighting != Weighting.LOG_RANK) {
            sb.append("Weighting: ").append(LogRankResult.describe(weighting, rho, gamma)).append("\n\n");
        }
        sb.append(RFormat.table(new String[] {"score", "N", "Observed", "Expected"}, groups.toArray(new String[0]),
                cells)).append('\n');
        sb.append(" Trend: z= ").append(RFormat.signif(zScore(), 3, NotANumber.NAN)).append(", Chisq= ")
                .append(RFormat.signif(chiSquare(), 3, NotANumber.NAN)).append("  on 1 degree of freedom, p= ")
                .append(RFormat.formatPValue(pValue(), 1)).append(" \n");
        for (String w : warnings) {
            sb.append("Warning: ").append(w).append('\n');
        }
        return sb.toString();
    }

    @Override
    public void writeJson(Appendable out) {
        Exports.trend(this, new JsonWriter(out));
    }

    @Override
    public Table table() {
        return Exports.trendTable(this);
    }

}
