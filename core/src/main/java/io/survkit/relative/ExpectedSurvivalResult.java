package io.survkit.relative;

import io.survkit.internal.JsonWriter;
import io.survkit.internal.RFormat;
import io.survkit.table.Exportable;
import io.survkit.table.Table;
import java.util.List;
import java.util.Locale;

/** Expected (population) survival of one or more cohorts, from {@link ExpectedSurvival}. Immutable. */
public final class ExpectedSurvivalResult implements Exportable {
    private final String rateTable;
    private final List<ExpectedSurvivalCurve> curves;

    ExpectedSurvivalResult(String rateTable, List<ExpectedSurvivalCurve> curves) {
        this.rateTable = rateTable;
        this.curves = List.copyOf(curves);
    }

    /** {@return name of the rate table} */
    public String rateTableName() {
        return rateTable;
    }

    /** {@return the curves, in group order} */
    public List<ExpectedSurvivalCurve> curves() {
        return curves;
    }

    /**
     * Curve {@code k}.
     *
     * @param k the 0-based curve index
     * @return curve {@code k}
     */
    public ExpectedSurvivalCurve curve(int k) {
        return curves.get(k);
    }

    /**
     * The oracle's {@code expected} result: {@code nOmitted} and {@code strata[]} of name, time, surv, nRisk.
     *
     * @param omittedRows the omitted rows
     * @return the oracle's {@code expected} result: {@code nOmitted} and {@code strata[]} of name, time, surv, nRisk
     */
    public String toJson(int omittedRows) {
        StringBuilder b = new StringBuilder();
        writeJson(b, omittedRows);
        return b.toString();
    }

    /**
     * {@link #toJson(int)} streamed into {@code out}.
     *
     * @param out where the text goes
     * @param omittedRows the omitted rows
     */
    public void writeJson(Appendable out, int omittedRows) {
        JsonWriter w = new JsonWriter(out).beginObject().name("ratetable").value(rateTable).name("nOmitted")
                .value(omittedRows).name("strata").beginArray();
        for (ExpectedSurvivalCurve c : curves) {
            double[] risk = new double[c.size()];
            java.util.Arrays.fill(risk, c.rowCount());
            w.beginObject().name("name").value(c.name()).name("time").array(c.times()).name("surv")
                    .array(c.survival()).name("nRisk").array(risk).endObject();
        }
        w.endArray().endObject();
    }

    /** The curves with {@code nOmitted} 0 (rows given as a {@link Demography} have none missing). */
    @Override
    public void writeJson(Appendable out) {
        writeJson(out, 0);
    }

    /** One row per curve and time: curve, time, nRisk, surv. */
    @Override
    public Table table() {
        Table.Builder b = Table.builder().textColumn("curve").numberColumn("time").numberColumn("nRisk")
                .numberColumn("surv");
        for (ExpectedSurvivalCurve c : curves) {
            for (int j = 0; j < c.size(); j++) {
                b.text(c.name()).number(c.time(j)).number(c.rowCount()).number(c.survival(j));
            }
        }
        return b.build();
    }

    /** As R prints {@code summary(survexp(...))}: time, n.risk and survival per curve. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Expected survival (Ederer), rate table ").append(rateTable).append('\n');
        for (ExpectedSurvivalCurve c : curves) {
            sb.append(c.name()).append('\n');
            sb.append(String.format(Locale.ROOT, "%8s %7s %10s%n", "time", "n.risk", "survival"));
            for (int j = 0; j < c.size(); j++) {
                sb.append(String.format(Locale.ROOT, "%8s %7d %10s%n", JsonWriter.number(c.time(j)), c.rowCount(),
                        RFormat.fixed(c.survival(j), 4)));
            }
        }
        return sb.toString();
    }
}
