package io.survkit.validation;

import io.survkit.internal.Escape;
import io.survkit.internal.JsonWriter;
import io.survkit.internal.RFormat;
import io.survkit.table.Exportable;
import io.survkit.table.Table;
import java.util.List;
import java.util.Locale;

/** The result of a {@link Calibration} at one time. */
public final class CalibrationResult implements Exportable {
    private final double time;
    private final int n;
    private final int omitted;
    private final List<CalibrationGroup> groups;
    private final Estimate slope;
    private final double observedExpected;

    CalibrationResult(double time, int n, int omitted, List<CalibrationGroup> groups, Estimate slope,
            double observedExpected) {
        this.time = time;
        this.n = n;
        this.omitted = omitted;
        this.groups = List.copyOf(groups);
        this.slope = slope;
        this.observedExpected = observedExpected;
    }

    /** {@return the time t} */
    public double time() {
        return time;
    }

    /** {@return rows used} */
    public int size() {
        return n;
    }

    /** {@return rows left out for a missing value} */
    public int omittedRows() {
        return omitted;
    }

    /** {@return the groups of predicted risk, lowest first} */
    public List<CalibrationGroup> groups() {
        return groups;
    }

    /**
     * Group k (0-based).
     *
     * @param k the 0-based index
     * @return group k (0-based)
     */
    public CalibrationGroup group(int k) {
        return groups.get(k);
    }

    /** {@return calibration slope with its standard error and Wald limits (not clipped)} */
    public Estimate slope() {
        return slope;
    }

    /** {@return observed risk of all rows (1 - KM(t)) over the mean predicted risk} */
    public double observedExpected() {
        return observedExpected;
    }

    /** A table of the groups, then the slope and observed/expected. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("Calibration at t = ").append(RFormat.signif(time, 6)).append(", n= ").append(n).append('\n');
        sb.append(String.format(Locale.ROOT, "%-18s %5s %6s %9s %9s %9s %9s%n", "predicted risk", "n", "events",
                "predicted", "observed", "lower", "upper"));
        for (CalibrationGroup g : groups) {
            sb.append(String.format(Locale.ROOT, "%-18s %5d %6d %9s %9s %9s %9s%n", Escape.terminal(g.label()), g.rows(),
                    g.events(), RFormat.fixed(g.meanRisk(), 4), RFormat.fixed(g.observed(), 4), fixed(g.lower()),
                    fixed(g.upper())));
        }
        sb.append(String.format(Locale.ROOT, "slope %s (se %s, %s to %s), observed/expected %s%n",
                RFormat.fixed(slope.value(), 4), RFormat.fixed(slope.standardError(), 4), RFormat.fixed(slope.lower(), 4),
                RFormat.fixed(slope.upper(), 4), RFormat.fixed(observedExpected, 4)));
        return sb.toString();
    }

    private static String fixed(java.util.OptionalDouble v) {
        return v.isPresent() ? RFormat.fixed(v.getAsDouble(), 4) : "NA";
    }

    /** Tidy rows, one per group: label, rows, events, meanRisk, observed, lower, upper (NaN where R gives NA). */
    @Override
    public Table table() {
        Table.Builder b = Table.builder().textColumn("group").numberColumn("rows").numberColumn("events")
                .numberColumn("meanRisk").numberColumn("observed").numberColumn("lower").numberColumn("upper");
        for (CalibrationGroup g : groups) {
            b.text(g.label()).number(g.rows()).number(g.events()).number(g.meanRisk()).number(g.observed())
                    .number(g.lower().orElse(Double.NaN)).number(g.upper().orElse(Double.NaN));
        }
        return b.build();
    }

    /** JSON: time, n, nOmitted, groups (label, rows, events, meanRisk, observed, lower, upper), slope, slopeSe, observedExpected. */
    @Override
    public void writeJson(Appendable out) {
        JsonWriter w = new JsonWriter(out).beginObject();
        w.name("time").value(time).name("n").value(n).name("nOmitted").value(omitted);
        w.name("groups").beginArray();
        for (CalibrationGroup g : groups) {
            w.beginObject().name("label").value(g.label()).name("rows").value(g.rows()).name("events")
                    .value(g.events()).name("meanRisk").value(g.meanRisk()).name("observed").value(g.observed());
            w.name("lower");
            optional(w, g.lower());
            w.name("upper");
            optional(w, g.upper());
            w.endObject();
        }
        w.endArray();
        w.name("slope").value(slope.value()).name("slopeSe").value(slope.standardError());
        w.name("observedExpected").value(observedExpected);
        w.endObject();
    }

    private static void optional(JsonWriter w, java.util.OptionalDouble v) {
        if (v.isPresent()) {
            w.value(v.getAsDouble());
        } else {
            w.nullValue();
        }
    }
}
