package io.survkit.regression;

import io.survkit.internal.JsonWriter;
import io.survkit.table.Exportable;
import io.survkit.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An analysis-of-deviance table of Cox models ({@link CoxAnova}), immutable: one row per term added
 * (or per model compared) with the log-likelihood, the likelihood-ratio chi-square against the
 * row before, its degrees of freedom and p-value (absent in the first row, R's {@code NA}).
 *
 * <pre>{@code
 * AnovaResult a = CoxAnova.compare(small, large);
 * double p = a.test(1).pValue();
 * }</pre>
 */
public final class AnovaResult implements Exportable {
    private final boolean sequential;
    private final List<String> labels;
    private final double[] loglik;
    private final List<ChiSquareTest> tests;

    private AnovaResult(boolean sequential, List<String> labels, List<Double> loglik, List<Integer> df) {
        this.sequential = sequential;
        this.labels = List.copyOf(labels);
        this.loglik = loglik.stream().mapToDouble(Double::doubleValue).toArray();
        List<ChiSquareTest> t = new ArrayList<>();
        t.add(null);
        for (int k = 1; k < this.loglik.length; k++) {
            double chisq = sequential ? 2 * (this.loglik[k] - this.loglik[k - 1])
                    : Math.abs(2 * (this.loglik[k] - this.loglik[k - 1]));
            t.add(new ChiSquareTest(chisq, Math.abs(df.get(k) - df.get(k - 1))));
        }
        this.tests = java.util.Collections.unmodifiableList(t);
    }

    static AnovaResult sequential(List<String> labels, List<Double> loglik, List<Integer> df) {
        return new AnovaResult(true, labels, loglik, df);
    }

    static AnovaResult models(List<String> labels, List<Double> loglik, List<Integer> df) {
        return new AnovaResult(false, labels, loglik, df);
    }

    /** @return the number of rows */
    public int rowCount() {
        return labels.size();
    }

    /** @return the row labels: {@code NULL} and the terms (sequential), or each model's terms */
    public List<String> labels() {
        return labels;
    }

    /**
     * @param row 0-based row
     * @return the log partial likelihood of that row's model
     */
    public double logLikelihood(int row) {
        return loglik[row];
    }

    /**
     * @param row 0-based row, at least 1 (the first row has no test)
     * @return the likelihood-ratio test against the row before
     */
    public ChiSquareTest test(int row) {
        if (row < 1 || row >= labels.size()) {
            throw io.survkit.internal.Check.fail("anova row %d has no test; rows with a test are 1..%d", row,
                    labels.size() - 1);
        }
        return tests.get(row);
    }

    @Override
    public void writeJson(Appendable out) {
        JsonWriter w = new JsonWriter(out);
        w.beginObject().name("type").value(sequential ? "sequential" : "models").name("terms").array(labels);
        w.column("loglik", loglik.length, i -> loglik[i]);
        w.column("chisq", loglik.length, i -> i == 0 ? Double.NaN : tests.get(i).statistic());
        w.column("df", loglik.length, i -> i == 0 ? Double.NaN : tests.get(i).degreesOfFreedom());
        w.column("p", loglik.length, i -> i == 0 ? Double.NaN : tests.get(i).pValue());
        w.endObject();
    }

    @Override
    public Table table() {
        Table.Builder b = Table.builder().textColumn("term").numberColumn("loglik").numberColumn("chisq")
                .numberColumn("df").numberColumn("p");
        for (int i = 0; i < loglik.length; i++) {
            b.text(labels.get(i)).number(loglik[i]);
            if (i == 0) {
                b.number(Double.NaN).number(Double.NaN).number(Double.NaN);
            } else {
                b.number(tests.get(i).statistic()).number(tests.get(i).degreesOfFreedom())
                        .number(tests.get(i).pValue());
            }
        }
        return b.build();
    }

    /** R's {@code print(anova(...))} table (without significance stars). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Analysis of Deviance Table\n");
        sb.append(sequential ? "Terms added sequentially (first to last)\n\n" : "\n");
        int w = 4;
        for (String l : labels) {
            w = Math.max(w, l.length());
        }
        sb.append(String.format(Locale.ROOT, "%-" + w + "s %10s %9s %3s %11s%n", "", "loglik", "Chisq", "Df",
                "Pr(>|Chi|)"));
        for (int i = 0; i < loglik.length; i++) {
            if (i == 0) {
                sb.append(String.format(Locale.ROOT, "%-" + w + "s %10.2f%n", labels.get(i), loglik[i]));
            } else {
                ChiSquareTest t = tests.get(i);
                sb.append(String.format(Locale.ROOT, "%-" + w + "s %10.2f %9.4f %3d %11.4g%n", labels.get(i),
                        loglik[i], t.statistic(), t.degreesOfFreedom(), t.pValue()));
            }
        }
        return sb.toString();
    }
}
