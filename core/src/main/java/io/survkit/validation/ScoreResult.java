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

    /** Rows scored. */
    public int size() {
        return n;
    }

    /** Rows left out for a missing value. */
    public int omittedRows() {
        return omitted;
    }

    /** Confidence level of the limits. */
    public double confLevel() {
        return confLevel;
    }

    /** Number of evaluation times. */
    public int timeCount() {
        return scores.length;
    }

    /** The scores at the k-th time (0-based, in the order given). */
    public TimeScore at(int k) {
        return scores[k];
    }

    /** All scores, in the order of the times. */
    public List<TimeScore> scores() {
        return List.of(scores);
    }

    /**
     * The integrated Brier score over [0, t_k], as {@code riskRegression::Score(summary = "ibs")}:
     * the Brier score as a step function on the grid 0, t_1, ..., t_k (0 before t_1), integrated
     * and divided by t_k. It depends on the grid: give many times for a smooth integral.
     * Requires the times in ascending order.
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

    /** A table: time, AUC with se and limits, Brier with se and limits, null model's Brier. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("n= ").append(n);
        if (omitted > 0) {
            sb.append(" (").append(omitted).append(" omitted)");
        }
        String pct = RFormat.signif(100 * confLevel, 4) + "%";
        sb.append(String.format(java.util.Locale.ROOT, "%n%8s %8s %8s %8s %8s %8s %8s %8s %8s %10s%n", "time", "AUC",
                "se", "lower", "upper", "Brier", "se", "lower", "upper", "Brier null"));
        for (TimeScore s : scores) {
            sb.append(String.format(java.util.Locale.ROOT, "%8s %8.4f %8.4f %8.4f %8.4f %8.4f %8.4f %8.4f %8.4f %10.4f%n",
                    RFormat.signif(s.time(), 6), s.auc().value(), s.auc().standardError(), s.auc().lower(),
                    s.auc().upper(), s.brier().value(), s.brier().standardError(), s.brier().lower(),
                    s.brier().upper(), s.brierNull()));
        }
        sb.append("limits: ").append(pct).append(" Wald, clipped to [0, 1]\n");
        return sb.toString();
    }

    /** Tidy rows, one per time, with the oracle's field names as columns. */
    @Override
    public Table table() {
        String[] names = {"auc", "aucSe", "aucLower", "aucUpper", "brier", "brierSe", "brierLower", "brierUpper",
            "brierNull"};
        Table.Builder b = Table.builder().numberColumn("time");
        for (String nm : names) {
            b.numberColumn(nm);
        }
        double[][] cols = new double[names.length + 1][];
        for (int f = -1; f < names.length; f++) {
            cols[f + 1] = column(f);
        }
        for (int k = 0; k < scores.length; k++) {
            for (double[] c : cols) {
                b.number(c[k]);
            }
        }
        return b.build();
    }

    /** JSON with the oracle's {@code score} result fields. */
    @Override
    public void writeJson(Appendable out) {
        JsonWriter w = new JsonWriter(out).beginObject();
        w.name("nOmitted").value(omitted).name("n").value(n);
        w.name("times").array(column(-1));
        String[] names = {"auc", "aucSe", "aucLower", "aucUpper", "brier", "brierSe", "brierLower", "brierUpper",
            "brierNull"};
        for (int f = 0; f < names.length; f++) {
            w.name(names[f]).array(column(f));
        }
        w.endObject();
    }

    private double[] column(int f) {
        double[] v = new double[scores.length];
        for (int k = 0; k < v.length; k++) {
            TimeScore s = scores[k];
            Estimate e = f < 4 ? s.auc() : s.brier();
            switch (f) {
                case -1 -> v[k] = s.time();
                case 0, 4 -> v[k] = e.value();
                case 1, 5 -> v[k] = e.standardError();
                case 2, 6 -> v[k] = e.lower();
                case 3, 7 -> v[k] = e.upper();
                default -> v[k] = s.brierNull();
            }
        }
        return v;
    }
}
