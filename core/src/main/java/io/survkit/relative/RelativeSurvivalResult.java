package io.survkit.relative;

import io.survkit.internal.JsonWriter;
import io.survkit.table.Exportable;
import io.survkit.table.Table;
import java.util.List;

/**
 * Relative or net survival curves, one per group, from {@link RelativeSurvival#estimate}. Immutable.
 */
public final class RelativeSurvivalResult implements Exportable {
    private final RelativeSurvivalMethod method;
    private final double confLevel;
    private final String rateTable;
    private final List<RelativeSurvivalCurve> curves;
    private final int omitted;
    private final int zeroTime;

    RelativeSurvivalResult(RelativeSurvivalMethod method, double confLevel, String rateTable,
            List<RelativeSurvivalCurve> curves, int omitted, int zeroTime) {
        this.method = method;
        this.confLevel = confLevel;
        this.rateTable = rateTable;
        this.curves = List.copyOf(curves);
        this.omitted = omitted;
        this.zeroTime = zeroTime;
    }

    /** {@return the estimator} */
    public RelativeSurvivalMethod method() {
        return method;
    }

    /** {@return confidence level of the limits} */
    public double confidenceLevel() {
        return confLevel;
    }

    /** {@return name of the rate table used} */
    public String rateTableName() {
        return rateTable;
    }

    /** {@return the curves, in group order (ascending group values), or one named {@code all}} */
    public List<RelativeSurvivalCurve> curves() {
        return curves;
    }

    /**
     * Curve {@code k}.
     *
     * @param k the 0-based curve index
     * @return curve {@code k}
     */
    public RelativeSurvivalCurve curve(int k) {
        return curves.get(k);
    }

    /** {@return rows left out for a missing value} */
    public int omittedRows() {
        return omitted;
    }

    /** {@return rows left out because their follow-up time is 0 (relsurv drops them too)} */
    public int zeroTimeRows() {
        return zeroTime;
    }

    /**
     * The oracle's {@code relsurv} result: {@code nOmitted}, {@code stdErrScale} ("log") and
     * {@code strata[]} with {@code at[]} at {@code times} (none when empty).
     *
     * @param times the times
     * @return the oracle's {@code relsurv} result: {@code nOmitted}, {@code stdErrScale} ("log") and {@code strata[]} with {@code at[]} at {@code times} (none when empty)
     */
    public String toJson(double... times) {
        StringBuilder b = new StringBuilder();
        writeJson(b, times);
        return b.toString();
    }

    /**
     * {@link #toJson(double...)} streamed into {@code out}.
     *
     * @param out where the text goes
     * @param times the times
     */
    public void writeJson(Appendable out, double... times) {
        JsonWriter w = new JsonWriter(out).beginObject();
        w.name("method").value(method.rName()).name("ratetable").value(rateTable);
        w.name("nOmitted").value(omitted).name("nZeroTime").value(zeroTime).name("stdErrScale").value("log");
        w.name("strata").beginArray();
        for (RelativeSurvivalCurve c : curves) {
            c.writeJson(w, times);
        }
        w.endArray().endObject();
    }

    /** The curves without chosen times. */
    @Override
    public void writeJson(Appendable out) {
        writeJson(out, new double[0]);
    }

    /** One row per curve and curve time: curve, time, nRisk, nEvent, nCensor, surv, stdErr (log), lower, upper. */
    @Override
    public Table table() {
        Table.Builder b = Table.builder().textColumn("curve").numberColumn("time").numberColumn("nRisk")
                .numberColumn("nEvent").numberColumn("nCensor").numberColumn("surv").numberColumn("stdErr")
                .numberColumn("lower").numberColumn("upper");
        for (RelativeSurvivalCurve c : curves) {
            c.addRows(b);
        }
        return b.build();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("Relative survival (").append(method.rName()).append(", rate table ").append(rateTable)
                .append(", ").append(confLevel).append(" log intervals)\n");
        if (omitted > 0 || zeroTime > 0) {
            sb.append(omitted).append(" rows omitted for missing values, ").append(zeroTime)
                    .append(" with follow-up 0\n");
        }
        for (RelativeSurvivalCurve c : curves) {
            sb.append(c);
        }
        return sb.toString();
    }
}
