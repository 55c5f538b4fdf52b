package io.survkit.relative;

import io.survkit.internal.JsonWriter;
import io.survkit.table.Exportable;
import io.survkit.table.Table;
import java.util.List;

/** Actuarial life tables, one per group ({@link LifeTable}). Immutable. */
public final class LifeTableResult implements Exportable {
    private final double width;
    private final List<LifeTableGroup> groups;
    private final int omitted;

    LifeTableResult(double width, List<LifeTableGroup> groups, int omitted) {
        this.width = width;
        this.groups = List.copyOf(groups);
        this.omitted = omitted;
    }

    /** {@return interval width} */
    public double intervalWidth() {
        return width;
    }

    /** {@return the tables, in group order} */
    public List<LifeTableGroup> groups() {
        return groups;
    }

    /**
     * Table {@code k}.
     *
     * @param k the 0-based table index
     * @return the table {@code k}
     */
    public LifeTableGroup group(int k) {
        return groups.get(k);
    }

    /** {@return rows left out for a missing value} */
    public int omittedRows() {
        return omitted;
    }

    /** {@code nOmitted}, {@code width} and {@code strata[]} with KMsurv::lifetab's column names. */
    @Override
    public void writeJson(Appendable out) {
        JsonWriter w = new JsonWriter(out).beginObject().name("nOmitted").value(omitted).name("width").value(width)
                .name("strata").beginArray();
        for (LifeTableGroup g : groups) {
            g.writeJson(w);
        }
        w.endArray().endObject();
    }

    /** One row per group and interval, with KMsurv::lifetab's columns (and the relative ones when present). */
    @Override
    public Table table() {
        boolean relative = !groups.isEmpty() && groups.get(0).hasRelative();
        Table.Builder b = Table.builder().textColumn("group").numberColumn("start").numberColumn("end")
                .numberColumn("nsubs").numberColumn("nlost").numberColumn("nrisk").numberColumn("nevent")
                .numberColumn("surv").numberColumn("se.surv").numberColumn("pdf").numberColumn("se.pdf")
                .numberColumn("hazard").numberColumn("se.hazard");
        if (relative) {
            b.numberColumn("expected").numberColumn("relSurv").numberColumn("relSurvSe");
        }
        for (LifeTableGroup g : groups) {
            for (int j = 0; j < g.size(); j++) {
                b.text(g.name()).number(g.start(j)).number(g.end(j)).number(g.entered(j)).number(g.withdrawn(j))
                        .number(g.effectiveAtRisk(j)).number(g.events(j)).number(g.survival(j))
                        .number(g.survivalStandardError(j)).number(g.density(j).orElse(Double.NaN))
                        .number(g.densityStandardError(j).orElse(Double.NaN)).number(g.hazard(j).orElse(Double.NaN))
                        .number(g.hazardStandardError(j).orElse(Double.NaN));
                if (relative) {
                    b.number(g.expectedConditionalSurvival(j).getAsDouble()).number(g.relativeSurvival(j).getAsDouble())
                            .number(g.relativeSurvivalStandardError(j).getAsDouble());
                }
            }
        }
        return b.build();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Life table, intervals of ").append(JsonWriter.number(width)).append('\n');
        for (LifeTableGroup g : groups) {
            sb.append(g);
        }
        return sb.toString();
    }
}
