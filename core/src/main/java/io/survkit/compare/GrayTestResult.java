package io.survkit.compare;

import io.survkit.table.Exportable;
import io.survkit.table.Table;
import io.survkit.internal.JsonWriter;
import io.survkit.internal.Check;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Gray's K-sample test per cause, immutable: the rows of R {@code cuminc(...)$Tests} ({@code stat},
 * {@code pv}, {@code df}) with the scores and their covariance matrix. Causes are indexed 0.. in
 * the order of {@link #causes()}. {@link #toString()} prints R's {@code Tests} table.
 *
 * <pre>{@code
 * GrayTestResult r = GrayTest.withDefaults().test(data);
 * for (int c = 0; c < r.causeCount(); c++) {
 *     System.out.println(r.cause(c) + ": chi2 = " + r.statistic(c) + ", p = " + r.pValue(c));
 * }
 * }</pre>
 */
public final class GrayTestResult implements Exportable {
    private final List<String> groups;
    private final List<String> causes;
    private final int[] causeCodes;
    private final double[] statistic;
    private final double[] pValue;
    private final int df;
    private final List<double[]> scores;
    private final List<double[]> covariances;
    private final boolean[] singular;
    private final double rho;
    private final List<String> warnings;

    GrayTestResult(List<String> groups, List<String> causes, int[] causeCodes, double[] statistic, double[] pValue,
            int df, List<double[]> scores, List<double[]> covariances, boolean[] singular, double rho) {
        this(groups, causes, causeCodes, statistic, pValue, df, scores, covariances, singular, rho, List.of());
    }

    GrayTestResult(List<String> groups, List<String> causes, int[] causeCodes, double[] statistic, double[] pValue,
            int df, List<double[]> scores, List<double[]> covariances, boolean[] singular, double rho,
            List<String> warnings) {
        this.warnings = List.copyOf(warnings);
        this.groups = List.copyOf(groups);
        this.causes = List.copyOf(causes);
        this.causeCodes = causeCodes;
        this.statistic = statistic;
        this.pValue = pValue;
        this.df = df;
        this.scores = new ArrayList<>(scores);
        this.covariances = new ArrayList<>(covariances);
        this.singular = singular;
        this.rho = rho;
    }

    /** The groups compared (levels with rows, in level order). */
    public List<String> groups() {
        return groups;
    }

    /** The causes tested (those with events), in code order. */
    public List<String> causes() {
        return causes;
    }

    /** Number of causes tested. */
    public int causeCount() {
        return causes.size();
    }

    /** Label of cause {@code c}. */
    public String cause(int c) {
        return causes.get(check(c));
    }

    /** Status code of cause {@code c}. */
    public int causeCode(int c) {
        return causeCodes[check(c)];
    }

    /** Index of the cause labelled {@code label}. */
    public int indexOf(String label) {
        int i = causes.indexOf(label);
        if (i < 0) {
            throw Check.fail("no cause '%s' was tested; the causes are %s", label, causes);
        }
        return i;
    }

    /** Chi-square statistic of cause {@code c} (cuminc {@code stat}; -1 when the variance is singular). */
    public double statistic(int c) {
        return statistic[check(c)];
    }

    /** p-value of cause {@code c} (cuminc {@code pv}). */
    public double pValue(int c) {
        return pValue[check(c)];
    }

    /** Degrees of freedom (groups - 1; cuminc {@code df}). */
    public int degreesOfFreedom() {
        return df;
    }

    /** Degrees of freedom of cause {@code c} (the same for every cause). */
    public int degreesOfFreedom(int c) {
        check(c);
        return df;
    }

    /** Scores of the first {@code groups - 1} groups for cause {@code c} (copy). */
    public double[] scores(int c) {
        return scores.get(check(c)).clone();
    }

    /** Covariance matrix of the scores for cause {@code c} (copy). */
    public double[][] covariance(int c) {
        double[] v = covariances.get(check(c));
        double[][] m = new double[df][df];
        for (int i = 0; i < df; i++) {
            System.arraycopy(v, i * df, m[i], 0, df);
        }
        return m;
    }

    /** True when the covariance of cause {@code c} is singular and the statistic is cuminc's -1. */
    public boolean singular(int c) {
        return singular[check(c)];
    }

    /** Weight power rho. */
    public double rho() {
        return rho;
    }

    /**
     * Warnings: a cause with fewer than 5 events per group compared (the chi-square on groups - 1
     * degrees of freedom is then a poor approximation and the test has little power).
     *
     * @return the warnings, empty when none
     */
    public List<String> warnings() {
        return warnings;
    }

    private int check(int c) {
        if (c < 0 || c >= causes.size()) {
            throw Check.fail("cause index %d is outside 0..%d %s", c, causes.size() - 1, causes);
        }
        return c;
    }

    /** R's {@code print(cuminc(...)$Tests)} table. */
    @Override
    public String toString() {
        int k = causes.size();
        String[][] cells = new String[k][3];
        for (int c = 0; c < k; c++) {
            cells[c][0] = signif(statistic[c]);
            cells[c][1] = signif(pValue[c]);
            cells[c][2] = Integer.toString(df);
        }
        String[] head = {"stat", "pv", "df"};
        int nameWidth = 0;
        for (String s : causes) {
            nameWidth = Math.max(nameWidth, s.length());
        }
        int[] width = new int[3];
        for (int j = 0; j < 3; j++) {
            width[j] = head[j].length();
            for (int c = 0; c < k; c++) {
                width[j] = Math.max(width[j], cells[c][j].length());
            }
        }
        StringBuilder sb = new StringBuilder(" ".repeat(nameWidth));
        for (int j = 0; j < 3; j++) {
            sb.append(' ').append(pad(head[j], width[j]));
        }
        sb.append('\n');
        for (int c = 0; c < k; c++) {
            sb.append(causes.get(c)).append(" ".repeat(nameWidth - causes.get(c).length()));
            for (int j = 0; j < 3; j++) {
                sb.append(' ').append(pad(cells[c][j], width[j]));
            }
            sb.append('\n');
        }
        for (String w : warnings) {
            sb.append("Warning: ").append(io.survkit.internal.Escape.terminal(w)).append('\n');
        }
        return sb.toString();
    }

    private static String pad(String raw, int w) {
        String s = io.survkit.internal.Escape.terminal(raw); // one line, no terminal control
        return " ".repeat(Math.max(0, w - s.length())) + s;
    }

    /** 7 significant digits, R style (scientific below 1e-4). */
    private static String signif(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "NA" : v > 0 ? "Inf" : "-Inf";
        }
        if (v != 0 && Math.abs(v) < 1e-4) {
            return String.format(Locale.ROOT, "%.6e", v).replaceAll("\\.?0+e", "e");
        }
        return new BigDecimal(v).round(new MathContext(7, RoundingMode.HALF_EVEN)).stripTrailingZeros()
                .toPlainString();
    }

    @Override
    public void writeJson(Appendable out) {
        Exports.gray(this, new JsonWriter(out));
    }

    @Override
    public Table table() {
        return Exports.grayTable(this);
    }

}
