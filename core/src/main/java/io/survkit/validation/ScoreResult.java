package io.survkit.validation;

import io.survkit.internal.Check;
import io.survkit.internal.JsonWriter;
import io.survkit.internal.RFormat;
import io.survkit.table.Exportable;
import io.survkit.table.Table;
import java.util.List;

/** The result of a {@link Score}: one {@link TimeScore} per evaluation time. */
public final class ScoreResult implements Exportable {
    private final int n;
    private final int omitted;
    private final double confLevel;
    private final TimeScore[] scores;

    ScoreResult(int n, int omitted, double confLevel, TimeScore[] scores) {
        this.n = n;
        this.omitted = omitted;
        this.confLevel = confLevel;
        this.scores = scores.clone();
    }

    /** {@return rows scored} */
    public int size() {
        return n;
    }

    /** {@return rows left out for a missing value} */
    public int omittedRows() {
        return omitted;
    }

    /** {@return confidence level of the limits} */
    public double confidenceLevel() {
        return confLevel;
    }

    /** {@return number of evaluation times} */
    public int timeCount() {
        return scores.length;
    }

    /**
     * The scores at the k-th time (0-based, in the order given).
     *
     * @param k the 0-based index
     * @return the scores at the k-th time (0-based, in the order given)
     */
    public TimeScore at(int k) {
        return scores[k];
    }

    /** {@return all scores, in the order of the times} */
    public List<TimeScore> scores() {
        return List.of(scores);
    }

    /**
     * The integrated Brier score over [0, t_k], as {@code riskRegression::Score(summary = "ibs")}:
     * the Brier score as a step function on the grid 0, t_1, ..., t_k (0 before t_1), integrated
     * and divided by t_k. It depends on the grid: give many times for a smooth integral.
     * Requires the times in ascending order.
     *
     * @param k the 0-based index
     * @return the integrated Brier score over [0, t_k], as {@code riskRegression::Score(summary = "ibs")}: the Brier score as a step function on the grid 0, t_1, ..., t_k (0 before t_1), integrated and divided by t_k
     */
    public double integratedBrier(int k) {
        for (int j = 1; j < scores.length; j++) {
            if (!(scores[j].time() > scores[j - 1].time())) {
                throw Check.fail("the integrated Brier score needs ascending times; time %d (%s) follows %s", j + 1,
                        scores[j].time(), scores[j - 1].time());
            }
        }
        double stop = scores[k].time();
        if (!(stop > 0)) {
            throw Check.fail("the integrated Brier score needs a time > 0, got %s", stop);
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            sum += scores[j].brier().value() * (scores[j + 1].time() - scores[j].time());
        }
        return sum / stop;
    }

    /**
     * As riskRegression's {@code print(Score(...))}: the AUC and Brier tables in percent with one
     * decimal (null model first), and the comparison of the model with the null model.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("\nMetric AUC:\n\nResults by model:\n\n");
        String[][] auc = new String[scores.length][];
        for (int k = 0; k < scores.length; k++) {
            Estimate e = scores[k].auc();
            auc[k] = new String[] {"model", time(k), pct(e.value()), pct(e.lower()), pct(e.upper())};
        }
        dataTable(sb, new String[] {"model", "times", "AUC", "lower", "upper"}, auc);
        sb.append("\nNOTE: Values are multiplied by 100 and given in %.\nNOTE: The higher AUC the better.\n");
        sb.append("\nMetric Brier:\n\nResults by model:\n\n");
        String[][] brier = new String[2 * scores.length][];
        for (int k = 0; k < scores.length; k++) {
            Estimate nul = scores[k].brierNull();
            Estimate e = scores[k].brier();
            brier[k] = new String[] {"Null model", time(k), pct(nul.value()), pct(nul.lower()), pct(nul.upper())};
            brier[scores.length + k] = new String[] {"model", time(k), pct(e.value()), pct(e.lower()), pct(e.upper())};
        }
        dataTable(sb, new String[] {"model", "times", "Brier", "lower", "upper"}, brier);
        sb.append("\nResults of model comparisons:\n\n");
        String[][] cmp = new String[scores.length][];
        String[] p = pColumn();
        for (int k = 0; k < scores.length; k++) {
            Contrast c = scores[k].brierVersusNull();
            cmp[k] = new String[] {time(k), "model", "Null model", pct(c.value()), pct(c.lower()), pct(c.upper()),
                p[k]};
        }
        dataTable(sb, new String[] {"times", "model", "reference", "delta.Brier", "lower", "upper", "p"}, cmp);
        sb.append("\nNOTE: Values are multiplied by 100 and given in %.\nNOTE: The lower Brier the better.\n");
        return sb.toString();
    }

    /**
     * The p-values as R prints a numeric column: 7 significant digits, all fixed or all scientific
     * ({@code 1.071551e-03}), whichever is narrower.
     */
    private String[] pColumn() {
        double[] v = new double[scores.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = scores[k].brierVersusNull().pValue();
        }
        return RFormat.format(v, 7);
    }

    private String time(int k) {
        return RFormat.signif(scores[k].time(), 7);
    }

    private static String pct(double v) {
        return RFormat.fixed(RFormat.round(100 * v, 1), 1);
    }

    /** data.table's print: row labels {@code 1:}, every column right-aligned to its widest cell. */
    private static void dataTable(StringBuilder sb, String[] header, String[][] rows) {
        int label = (rows.length + ":").length();
        int[] w = new int[header.length];
        for (int j = 0; j < header.length; j++) {
            w[j] = header[j].length();
            for (String[] r : rows) {
                w[j] = Math.max(w[j], r[j].length());
            }
        }
        sb.append(" ".repeat(label));
        for (int j = 0; j < header.length; j++) {
            sb.append(' ').append(RFormat.pad(header[j], w[j]));
        }
        sb.append('\n');
        for (int i = 0; i < rows.length; i++) {
            sb.append(RFormat.pad((i + 1) + ":", label));
            for (int j = 0; j < header.length; j++) {
                sb.append(' ').append(RFormat.pad(rows[i][j], w[j]));
            }
            sb.append('\n');
        }
    }

    /** Tidy rows, one per time, with the oracle's field names as columns. */
    @Override
    public Table table() {
        Table.Builder b = Table.builder().numberColumn("time");
        for (String nm : FIELDS) {
            b.numberColumn(nm);
        }
        double[][] cols = new double[FIELDS.length + 1][];
        cols[0] = column("time");
        for (int f = 0; f < FIELDS.length; f++) {
            cols[f + 1] = column(FIELDS[f]);
        }
        for (int k = 0; k < scores.length; k++) {
            for (double[] c : cols) {
                b.number(c[k]);
            }
        }
        return b.build();
    }

    /**
     * JSON with the oracle's {@code score} result fields, then the null model's standard error and
     * limits and the model-minus-null contrast ({@code deltaBrier*}, riskRegression's
     * {@code fit$Brier$contrasts}).
     */
    @Override
    public void writeJson(Appendable out) {
        JsonWriter w = new JsonWriter(out).beginObject();
        w.name("nOmitted").value(omitted).name("n").value(n);
        w.name("times").array(column("time"));
        for (String f : FIELDS) {
            w.name(f).array(column(f));
        }
        w.endObject();
    }

    private static final String[] FIELDS = {"auc", "aucSe", "aucLower", "aucUpper", "brier", "brierSe", "brierLower",
        "brierUpper", "brierNull", "brierNullSe", "brierNullLower", "brierNullUpper", "deltaBrier", "deltaBrierSe",
        "deltaBrierLower", "deltaBrierUpper", "deltaBrierP"};

    private double[] column(String f) {
        double[] v = new double[scores.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = field(scores[k], f);
        }
        return v;
    }

    private static double field(TimeScore s, String f) {
        Estimate a = s.auc();
        Estimate b = s.brier();
        Estimate z = s.brierNull();
        Contrast c = s.brierVersusNull();
        return switch (f) {
            case "time" -> s.time();
            case "auc" -> a.value();
            case "aucSe" -> a.standardError();
            case "aucLower" -> a.lower();
            case "aucUpper" -> a.upper();
            case "brier" -> b.value();
            case "brierSe" -> b.standardError();
            case "brierLower" -> b.lower();
            case "brierUpper" -> b.upper();
            case "brierNull" -> z.value();
            case "brierNullSe" -> z.standardError();
            case "brierNullLower" -> z.lower();
            case "brierNullUpper" -> z.upper();
            case "deltaBrier" -> c.value();
            case "deltaBrierSe" -> c.standardError();
            case "deltaBrierLower" -> c.lower();
            case "deltaBrierUpper" -> c.upper();
            default -> c.pValue();
        };
    }
}
