package io.survkit.compare;

import io.survkit.internal.Check;
import io.survkit.internal.JsonWriter;
import io.survkit.internal.RFormat;
import io.survkit.internal.RFormat.NotANumber;
import io.survkit.table.Exportable;
import io.survkit.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The result of a {@link LogRankTest}, immutable: per group the number of rows, observed and
 * expected (weighted) events and their difference, the variance-covariance matrix of O - E, the
 * chi-square statistic with its degrees of freedom and p-value, and with strata the observed and
 * expected events per group and stratum. The fields are R's {@code survdiff} object:
 * {@code n}, {@code obs}, {@code exp}, {@code var}, {@code chisq}, {@code pvalue}.
 * {@link #toString()} prints R's {@code print(survdiff)} table.
 *
 * <pre>{@code
 * LogRankResult r = LogRankTest.withDefaults().test(data);
 * for (int g = 0; g < r.groupCount(); g++) {
 *     System.out.println(r.groups().get(g) + ": O = " + r.observed()[g] + ", E = " + r.expected()[g]);
 * }
 * System.out.printf("chisq %.2f on %d df, p = %.3g%n", r.chiSquare(), r.degreesOfFreedom(), r.pValue());
 * }</pre>
 */
public final class LogRankResult implements Exportable {
    private final Weighting weighting;
    private final double rho;
    private final double gamma;
    private final List<String> groups;
    private final double[] rows;
    private final double[] observed;
    private final double[] expected;
    private final double[][] variance;
    private final double chiSquare;
    private final int df;
    private final double pValue;
    private final List<String> strata;
    private final double[][] observedByStratum;
    private final double[][] expectedByStratum;
    private final int omitted;
    private final List<String> warnings;

    LogRankResult(Weighting weighting, double rho, double gamma, List<String> groups, double[] rows,
            double[] observed, double[] expected, double[][] variance, double chiSquare, int df, double pValue,
            List<String> strata, double[][] observedByStratum, double[][] expectedByStratum, int omitted,
            List<String> warnings) {
        this.weighting = weighting;
        this.rho = rho;
        this.gamma = gamma;
        this.groups = List.copyOf(groups);
        this.rows = rows;
        this.observed = observed;
        this.expected = expected;
        this.variance = variance;
        this.chiSquare = chiSquare;
        this.df = df;
        this.pValue = pValue;
        this.strata = strata == null ? null : List.copyOf(strata);
        this.observedByStratum = observedByStratum;
        this.expectedByStratum = expectedByStratum;
        this.omitted = omitted;
        this.warnings = List.copyOf(warnings);
    }

    /** Builds the result from the kernel sums; strata labels null without strata. */
    static LogRankResult of(LogRankTest test, LogRankKernel.Sums s, List<String> groupLabels,
            List<String> strataLabels, int omitted, List<String> warnings) {
        ChiSquare chi = ChiSquare.of(s);
        List<String> w = new ArrayList<>(warnings);
        if (chi.warning != null) {
            w.add(chi.warning);
        }
        int k = s.k;
        double[] o = new double[k];
        double[] e = new double[k];
        double[][] v = new double[k][k];
        for (int g = 0; g < k; g++) {
            o[g] = s.observed(g);
            e[g] = s.expected(g);
            for (int h = 0; h < k; h++) {
                v[g][h] = s.variance[g * k + h];
            }
        }
        List<String> strata = null;
        double[][] os = null;
        double[][] es = null;
        if (strataLabels != null) {
            // R keeps the strata that have rows (as.factor of the strata column)
            strata = new ArrayList<>();
            int[] keep = new int[s.strata];
            int m = 0;
            for (int j = 0; j < s.strata; j++) {
                if (s.stratumRows[j] > 0) {
                    keep[m++] = j;
                    strata.add(strataLabels.get(j));
                }
            }
            os = new double[k][m];
            es = new double[k][m];
            for (int g = 0; g < k; g++) {
                for (int j = 0; j < m; j++) {
                    os[g][j] = s.observed[g * s.strata + keep[j]];
                    es[g][j] = s.expected[g * s.strata + keep[j]];
                }
            }
        }
        return new LogRankResult(test.weighting(), test.rho(), test.gamma(), groupLabels, s.rows.clone(), o, e, v,
                chi.chiSquare, chi.degreesOfFreedom, chi.pValue, strata, os, es, omitted, w);
    }

    /** {@return the weighting of the test} */
    public Weighting weighting() {
        return weighting;
    }

    /** {@return Fleming-Harrington rho (0 for other weightings)} */
    public double rho() {
        return rho;
    }

    /** {@return Fleming-Harrington gamma (0 for other weightings)} */
    public double gamma() {
        return gamma;
    }

    /** {@return number of groups compared} */
    public int groupCount() {
        return groups.size();
    }

    /** {@return group labels {@code "<group column>=<level>"} in level order (R's {@code names(fit$n)})} */
    public List<String> groups() {
        return groups;
    }

    /**
     * Index of the group labelled {@code label} ({@code "sex=2"}).
     *
     * @param label the label
     * @return index of the group labelled {@code label} ({@code "sex=2"})
     */
    public int groupIndex(String label) {
        int i = groups.indexOf(label);
        if (i < 0) {
            throw Check.fail("no group '%s'; the groups are %s", label, groups);
        }
        return i;
    }

    /** {@return rows per group, unweighted (R's {@code fit$n}); for a count table, the subjects leaving each group} */
    public double[] rowCounts() {
        return rows.clone();
    }

    /** {@return observed (weighted) events per group, summed over strata: sum w d_g} */
    public double[] observed() {
        return observed.clone();
    }

    /** {@return expected (weighted) events per group, summed over strata: sum w d n_g / n} */
    public double[] expected() {
        return expected.clone();
    }

    /** {@return observed minus expected per group; sums to 0} */
    public double[] observedMinusExpected() {
        double[] r = new double[observed.length];
        for (int g = 0; g < r.length; g++) {
            r[g] = observed[g] - expected[g];
        }
        return r;
    }

    /** {@return Variance-covariance matrix of O - E (groups x groups), summed over strata (R's {@code fit$var})} */
    public double[][] variance() {
        double[][] r = new double[variance.length][];
        for (int g = 0; g < r.length; g++) {
            r[g] = variance[g].clone();
        }
        return r;
    }

    /** {@return the chi-square statistic (R's {@code fit$chisq})} */
    public double chiSquare() {
        return chiSquare;
    }

    /** {@return degrees of freedom: (groups with expected > 0) - 1, as R's {@code print(survdiff)}} */
    public int degreesOfFreedom() {
        return df;
    }

    /** {@return Upper-tail chi-square p-value (R {@code pchisq(chisq, df, lower.tail = FALSE)}); 1 with 0 df} */
    public double pValue() {
        return pValue;
    }

    /** {@return true for a stratified test} */
    public boolean isStratified() {
        return strata != null;
    }

    /** {@return stratum labels {@code "<strata column>=<level>"} with rows, or an empty list without strata} */
    public List<String> strata() {
        return strata == null ? List.of() : strata;
    }

    /**
     * Observed per group (rows) and stratum (columns), R's {@code fit$obs} of a stratified test.
     *
     * @return a copy, or empty without strata (R's {@code obs} is then a vector)
     */
    public Optional<double[][]> observedByStratum() {
        return Optional.ofNullable(observedByStratum).map(LogRankResult::copy);
    }

    /**
     * Expected per group (rows) and stratum (columns), R's {@code fit$exp} of a stratified test.
     *
     * @return a copy, or empty without strata
     */
    public Optional<double[][]> expectedByStratum() {
        return Optional.ofNullable(expectedByStratum).map(LogRankResult::copy);
    }

    /** {@return rows of the source left out for missing values} */
    public int omittedRows() {
        return omitted;
    }

    /** {@return warnings (empty groups left out, rank-deficient variance, data warnings)} */
    public List<String> warnings() {
        return warnings;
    }

    private static double[][] copy(double[][] m) {
        if (m == null) {
            return null;
        }
        double[][] r = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            r[i] = m[i].clone();
        }
        return r;
    }

    /** {@return R's {@code print(survdiff)} table: N, Observed, Expected, (O-E)^2/E, (O-E)^2/V per group} */
    public String summaryTable() {
        int k = groups.size();
        double[] oe2e = new double[k];
        double[] oe2v = new double[k];
        for (int g = 0; g < k; g++) {
            double d = observed[g] - expected[g];
            oe2e[g] = d * d / expected[g];
            oe2v[g] = d * d / variance[g][g];
        }
        String[][] cols = {RFormat.column(rows, 3, NotANumber.NAN), RFormat.column(observed, 3, NotANumber.NAN), RFormat.column(expected, 3, NotANumber.NAN),
            RFormat.column(oe2e, 3, NotANumber.NAN), RFormat.column(oe2v, 3, NotANumber.NAN)};
        String[][] cells = new String[k][5];
        for (int g = 0; g < k; g++) {
            for (int j = 0; j < 5; j++) {
                cells[g][j] = cols[j][g];
            }
        }
        return RFormat.table(new String[] {"N", "Observed", "Expected", "(O-E)^2/E", "(O-E)^2/V"},
                groups.toArray(new String[0]), cells);
    }

    /** R's {@code print(survdiff)}: the table, the chi-square line, then warnings. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (weighting != Weighting.LOG_RANK) {
            sb.append("Weighting: ").append(describe(weighting, rho, gamma)).append("\n\n");
        }
        if (omitted > 0) {
            double n = 0;
            for (double r : rows) {
                n += r;
            }
            sb.append("n=").append(RFormat.signif(n, 15)).append(", ").append(omitted)
                    .append(omitted == 1 ? " observation" : " observations").append(" deleted due to missingness.\n\n");
        }
        sb.append(summaryTable()).append('\n');
        sb.append(" Chisq= ").append(RFormat.signif(RFormat.round(chiSquare, 1), 3, NotANumber.NAN)).append("  on ").append(df)
                .append(" degrees of freedom, p= ").append(RFormat.formatPValue(pValue, 1)).append(" \n");
        if (isStratified()) {
            sb.append(" Stratified by ").append(String.join(", ", strata)).append('\n');
        }
        for (String w : warnings) {
            sb.append("Warning: ").append(w).append('\n');
        }
        return sb.toString();
    }

    static String describe(Weighting w, double rho, double gamma) {
        return switch (w) {
            case LOG_RANK -> "log-rank";
            case FLEMING_HARRINGTON -> "Fleming-Harrington G(rho = " + RFormat.signif(rho, 7) + ", gamma = "
                    + RFormat.signif(gamma, 7) + ")";
            case GEHAN_BRESLOW -> "Gehan-Breslow (generalized Wilcoxon)";
            case TARONE_WARE -> "Tarone-Ware";
            case PETO_PETO -> "Peto-Peto";
        };
    }

    @Override
    public void writeJson(Appendable out) {
        Exports.logRank(this, new JsonWriter(out));
    }

    @Override
    public Table table() {
        return Exports.logRankTable(this);
    }

}
