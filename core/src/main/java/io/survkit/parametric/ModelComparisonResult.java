package io.survkit.parametric;

import io.survkit.internal.Check;
import io.survkit.internal.JsonWriter;
import io.survkit.internal.RFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The model-choice table of {@link ModelComparison}: one row per fitted distribution, the fitted
 * curves for plotting, and the distributions that failed with their reasons. Immutable.
 *
 * <pre>{@code
 * ModelComparisonResult r = ModelComparison.withDefaults().withHorizon(3650).fit(data);
 * String best = r.bestByAic().distribution();
 * double[] s = r.survival(0, new double[] {365, 730});
 * }</pre>
 */
public final class ModelComparisonResult implements io.survkit.table.Exportable {
    private final double horizon;
    private final List<ModelComparisonRow> rows;
    private final List<FittedCurve> curves;
    private final List<String> failures;

    ModelComparisonResult(double horizon, List<ModelComparisonRow> rows, List<FittedCurve> curves,
            List<String> failures) {
        this.horizon = horizon;
        this.rows = List.copyOf(rows);
        this.curves = List.copyOf(curves);
        this.failures = List.copyOf(failures);
    }

    /** {@return the horizon of the restricted means} */
    public double horizon() {
        return horizon;
    }

    /** {@return the rows, in fitting order (exponential, Weibull, Gompertz, log-logistic, log-normal, generalized gamma)} */
    public List<ModelComparisonRow> rows() {
        return rows;
    }

    /** {@return distributions that could not be fitted, with the reason} */
    public List<String> failures() {
        return failures;
    }

    /** {@return the row with the smallest AIC} */
    public ModelComparisonRow bestByAic() {
        return rows.stream().min(Comparator.comparingDouble(ModelComparisonRow::aic)).orElseThrow();
    }

    /** {@return the row with the smallest BIC} */
    public ModelComparisonRow bestByBic() {
        return rows.stream().min(Comparator.comparingDouble(ModelComparisonRow::bic)).orElseThrow();
    }

    /**
     * Fitted survival of row {@code index} at {@code times}.
     *
     * @param index the 0-based index
     * @param times the times
     * @return fitted survival of row {@code index} at {@code times}
     */
    public double[] survival(int index, double[] times) {
        FittedCurve c = curves.get(index);
        double[] r = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            r[i] = c.survival().applyAsDouble(times[i]);
        }
        return r;
    }

    /**
     * Fitted hazard of row {@code index} at {@code times} (positive times).
     *
     * @param index the 0-based index
     * @param times the times
     * @return fitted hazard of row {@code index} at {@code times} (positive times)
     */
    public double[] hazard(int index, double[] times) {
        FittedCurve c = curves.get(index);
        double[] r = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            r[i] = times[i] > 0 ? c.hazard().applyAsDouble(times[i]) : Double.NaN;
        }
        return r;
    }

    /** Tidy rows: dist, loglik, parameters, aic, bic, median, mean, rmst (NaN where infinite). */
    @Override
    public io.survkit.table.Table table() {
        io.survkit.table.Table.Builder b = io.survkit.table.Table.builder().textColumn("dist").numberColumn("loglik")
                .numberColumn("parameters").numberColumn("aic").numberColumn("bic").numberColumn("median")
                .numberColumn("mean").numberColumn("rmst");
        for (ModelComparisonRow r : rows) {
            b.text(r.distribution()).number(r.logLikelihood()).number(r.parameters()).number(r.aic()).number(r.bic())
                    .number(r.median().orElse(Double.NaN)).number(r.mean().orElse(Double.NaN))
                    .number(r.restrictedMean());
        }
        return b.build();
    }

    /** Streams the table as JSON: {@code horizon}, {@code models[]} with the row fields, {@code failures}. */
    @Override
    public void writeJson(Appendable out) {
        JsonWriter w = new JsonWriter(out).beginObject();
        w.name("horizon").value(horizon);
        w.name("models").beginArray();
        for (ModelComparisonRow r : rows) {
            w.beginObject().name("dist").value(r.distribution()).name("loglik").value(r.logLikelihood())
                    .name("parameters").value(r.parameters()).name("aic").value(r.aic()).name("bic").value(r.bic());
            w.name("median").value(r.median().orElse(Double.NaN)).name("mean").value(r.mean().orElse(Double.NaN));
            w.name("rmst").value(r.restrictedMean()).name("converged").value(r.converged()).endObject();
        }
        w.endArray();
        w.name("bestByAic").value(bestByAic().distribution()).name("bestByBic").value(bestByBic().distribution());
        w.name("failures").array(failures);
        w.endObject();
    }

    /** The table, sorted by AIC, as text. */
    @Override
    public String toString() {
        List<ModelComparisonRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingDouble(ModelComparisonRow::aic));
        String[] head = {"distribution", "loglik", "k", "AIC", "BIC", "median", "mean",
            "RMST(" + RFormat.signif(horizon, 6) + ")"};
        List<String[]> cells = new ArrayList<>();
        cells.add(head);
        for (ModelComparisonRow r : sorted) {
            cells.add(new String[] {r.distribution() + (r.converged() ? "" : " (not converged)"),
                RFormat.fixed(r.logLikelihood(), 2), Integer.toString(r.parameters()), RFormat.fixed(r.aic(), 2),
                RFormat.fixed(r.bic(), 2), opt(r.median()), opt(r.mean()), RFormat.signif(r.restrictedMean(), 5)});
        }
        int[] w = new int[head.length];
        for (String[] row : cells) {
            for (int c = 0; c < w.length; c++) {
                w[c] = Math.max(w[c], row[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] row : cells) {
            sb.append(RFormat.padRight(row[0], w[0]));
            for (int c = 1; c < w.length; c++) {
                sb.append("  ").append(RFormat.pad(row[c], w[c]));
            }
            sb.append('\n');
        }
        for (String f : failures) {
            sb.append("not fitted: ").append(f).append('\n');
        }
        return sb.toString();
    }

    private static String opt(OptionalDouble v) {
        return v.isPresent() ? RFormat.signif(v.getAsDouble(), 5) : "Inf";
    }
}
