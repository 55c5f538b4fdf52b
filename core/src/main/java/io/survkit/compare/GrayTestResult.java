package io.survkit.compare;

import io.survkit.estimate.IncidenceTest;
import io.survkit.table.Exportable;
import io.survkit.table.Table;
import io.survkit.internal.JsonWriter;
import io.survkit.internal.RFormat;
import io.survkit.internal.Check;
import java.util.ArrayList;
import java.util.List;

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
public final class GrayTestResult implements Exportable, IncidenceTest {
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

    /** {@return the groups compared (levels with rows, in level order)} */
    public List<String> groups() {
        return groups;
    }

    /** {@return the causes tested (those with events), in code order} */
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

    /**
     * Status code of cause {@code c}.
     *
     * @param c the 0-based cause index
     * @return status code of cause {@code c}
     */
    public int causeCode(int c) {
        return causeCodes[check(c)];
    }

    /**
     * Index of the cause labelled {@code label}.
     *
     * @param label the label
     * @return index of the cause labelled {@code label}
     */
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

    /** {@return degrees of freedom (groups - 1; cuminc {@code df})} */
    public int degreesOfFreedom() {
        return df;
    }

    /** Degrees of freedom of cause {@code c} (the same for every cause). */
    public int degreesOfFreedom(int c) {
        check(c);
        return df;
    }

    /**
     * Scores of the first {@code groups - 1} groups for cause {@code c} (copy).
     *
     * @param c the 0-based cause index
     * @return scores of the first {@code groups - 1} groups for cause {@code c} (copy)
     */
    public double[] scores(int c) {
        return scores.get(check(c)).clone();
    }

    /**
     * Covariance matrix of the scores for cause {@code c} (copy).
     *
     * @param c the 0-based cause index
     * @return covariance matrix of the scores for cause {@code c} (copy)
     */
    public double[][] covariance(int c) {
        double[] v = covariances.get(check(c));
        double[][] m = new double[df][df];
        for (int i = 0; i < df; i++) {
            System.arraycopy(v, i * df, m[i], 0, df);
        }
        return m;
    }

    /**
     * True when the covariance of cause {@code c} is singular and the statistic is cuminc's -1.
     *
     * @param c the 0-based cause index
     * @return true when the covariance of cause {@code c} is singular and the statistic is cuminc's -1
     */
    public boolean singular(int c) {
        return singular[check(c)];
    }

    /** {@return weight power rho} */
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

    /** The {@link #testsTable()}, then the warnings. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(testsTable());
        for (String w : warnings) {
            sb.append("Warning: ").append(io.survkit.internal.Escape.terminal(w)).append('\n');
        }
        return sb.toString();
    }

    /** {@return R's {@code print(cuminc(...)$Tests)}: a numeric matrix, each column formatted at 7 digits} */
    @Override
    public String testsTable() {
        int k = causes.size();
        String[] stat = RFormat.format(statistic, 7);
        String[] pv = RFormat.format(pValue, 7);
        String[][] cells = new String[k][3];
        for (int c = 0; c < k; c++) {
            cells[c][0] = stat[c];
            cells[c][1] = pv[c];
            cells[c][2] = Integer.toString(df);
        }
        return RFormat.table(new String[] {"stat", "pv", "df"}, causes.toArray(new String[0]), cells);
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
