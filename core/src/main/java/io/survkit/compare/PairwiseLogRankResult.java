package io.survkit.compare;

import io.survkit.internal.Check;
import io.survkit.internal.JsonWriter;
import io.survkit.internal.RFormat;
import io.survkit.table.Exportable;
import io.survkit.table.Table;
import java.util.List;

/**
 * The result of {@link PairwiseLogRank}, immutable: lower-triangular matrices with one row per
 * group from the second on and one column per group up to the second-to-last (survminer's
 * {@code pairwise_survdiff(...)$p.value} layout); entry [i][j] compares group i + 1 with group j
 * and is NaN above the diagonal (R's NA).
 *
 * <pre>{@code
 * PairwiseLogRankResult r = PairwiseLogRank.withDefaults().test(data);
 * double[][] p = r.pValues();        // p[i][j]: groups().get(i + 1) vs groups().get(j)
 * double q = r.pValue(0, 2);         // symmetric lookup by group index
 * }</pre>
 */
public final class PairwiseLogRankResult implements Exportable {
    private final Weighting weighting;
    private final double rho;
    private final double gamma;
    private final PValueAdjustment adjustment;
    private final List<String> groups;
    private final double[][] chiSquare;
    private final double[][] unadjusted;
    private final double[][] adjusted;
    private final int omitted;
    private final List<String> warnings;

    PairwiseLogRankResult(Weighting weighting, double rho, double gamma, PValueAdjustment adjustment,
            List<String> groups, double[][] chiSquare, double[][] unadjusted, double[][] adjusted, int omitted,
            List<String> warnings) {
        this.weighting = weighting;
        this.rho = rho;
        this.gamma = gamma;
        this.adjustment = adjustment;
        this.groups = List.copyOf(groups);
        this.chiSquare = chiSquare;
        this.unadjusted = unadjusted;
        this.adjusted = adjusted;
        this.omitted = omitted;
        this.warnings = List.copyOf(warnings);
    }

    /** {@return weighting of each pairwise test} */
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

    /** {@return the p-value adjustment} */
    public PValueAdjustment adjustment() {
        return adjustment;
    }

    /** {@return group labels (groups with rows, level order)} */
    public List<String> groups() {
        return groups;
    }

    /** {@return row labels of the matrices: groups 2..k} */
    public List<String> rowGroups() {
        return groups.subList(1, groups.size());
    }

    /** {@return column labels of the matrices: groups 1..k-1} */
    public List<String> columnGroups() {
        return groups.subList(0, groups.size() - 1);
    }

    /** {@return adjusted p-values, (k-1) x (k-1), lower triangular, NaN above the diagonal} */
    public double[][] pValues() {
        return copy(adjusted);
    }

    /** {@return unadjusted p-values, same layout} */
    public double[][] unadjustedPValues() {
        return copy(unadjusted);
    }

    /** {@return Chi-square statistics of the pairs, same layout} */
    public double[][] chiSquares() {
        return copy(chiSquare);
    }

    /**
     * Adjusted p-value comparing groups {@code a} and {@code b} (indices into {@link #groups()}, a != b).
     *
     * @param a the 0-based groups index
     * @param b the number of replicates
     * @return adjusted p-value comparing groups {@code a} and {@code b} (indices into {@link #groups()}, a != b)
     */
    public double pValue(int a, int b) {
        return entry(adjusted, a, b);
    }

    /**
     * Adjusted p-value comparing the groups labelled {@code a} and {@code b}.
     *
     * @param a the name
     * @param b the number of replicates
     * @return adjusted p-value comparing the groups labelled {@code a} and {@code b}
     */
    public double pValue(String a, String b) {
        return pValue(index(a), index(b));
    }

    /**
     * Unadjusted p-value comparing groups {@code a} and {@code b}.
     *
     * @param a the 0-based groups index
     * @param b the number of replicates
     * @return unadjusted p-value comparing groups {@code a} and {@code b}
     */
    public double unadjustedPValue(int a, int b) {
        return entry(unadjusted, a, b);
    }

    /**
     * Chi-square comparing groups {@code a} and {@code b}.
     *
     * @param a the 0-based groups index
     * @param b the number of replicates
     * @return Chi-square comparing groups {@code a} and {@code b}
     */
    public double chiSquare(int a, int b) {
        return entry(chiSquare, a, b);
    }

    /** {@return rows left out for missing values} */
    public int omittedRows() {
        return omitted;
    }

    /** {@return warnings} */
    public List<String> warnings() {
        return warnings;
    }

    private double entry(double[][] m, int a, int b) {
        int k = groups.size();
        if (a < 0 || a >= k || b < 0 || b >= k || a == b) {
            throw Check.fail("group indices %d and %d must differ and lie in 0..%d", a, b, k - 1);
        }
        int hi = Math.max(a, b);
        int lo = Math.min(a, b);
        return m[hi - 1][lo];
    }

    private int index(String label) {
        int i = groups.indexOf(label);
        if (i < 0) {
            throw Check.fail("no group '%s'; the groups are %s", label, groups);
        }
        return i;
    }

    private static double[][] copy(double[][] m) {
        double[][] r = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            r[i] = m[i].clone();
        }
        return r;
    }

    /**
     * R's {@code print(pairwise.htest)} (survminer's {@code pairwise_survdiff} result): the p-value
     * matrix through {@code format.pval(p, digits = 2, na.form = "-")} (all values formatted
     * together, so they share their decimals), printed as a character matrix (left-aligned), then
     * the adjustment method.
     */
    @Override
    public String toString() {
        int m = adjusted.length;
        double[] present = new double[m * m];
        int n = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                if (!Double.isNaN(adjusted[i][j])) {
                    present[n++] = adjusted[i][j];
                }
            }
        }
        String[] text = RFormat.formatPValues(java.util.Arrays.copyOf(present, n), 2);
        String[][] cells = new String[m][m];
        n = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                cells[i][j] = j > i || Double.isNaN(adjusted[i][j]) ? "-" : text[n++];
            }
        }
        StringBuilder sb = new StringBuilder("Pairwise comparisons using ")
                .append(weighting == Weighting.LOG_RANK ? "Log-Rank test"
                        : LogRankResult.describe(weighting, rho, gamma) + " weighted log-rank test")
                .append("\n\n");
        sb.append(RFormat.textMatrix(columnGroups().toArray(new String[0]), rowGroups().toArray(new String[0]), cells));
        sb.append("\nP value adjustment method: ").append(rName(adjustment)).append(" \n");
        for (String w : warnings) {
            sb.append("Warning: ").append(w).append('\n');
        }
        return sb.toString();
    }

    /** R's {@code p.adjust} method name. */
    static String rName(PValueAdjustment a) {
        return switch (a) {
            case NONE -> "none";
            case BONFERRONI -> "bonferroni";
            case HOLM -> "holm";
            case BENJAMINI_HOCHBERG -> "BH";
        };
    }

    @Override
    public void writeJson(Appendable out) {
        Exports.pairwise(this, new JsonWriter(out));
    }

    @Override
    public Table table() {
        return Exports.pairwiseTable(this);
    }

}
