package io.survkit.relative;

import io.survkit.internal.JsonWriter;
import java.util.List;

/** Actuarial life tables, one per group ({@link LifeTable}). Immutable. */
public final class LifeTableResult {
    private final double width;
    private final List<LifeTableGroup> groups;
    private final int omitted;

    LifeTableResult(double width, List<LifeTableGroup> groups, int omitted) {
        this.width = width;
        this.groups = List.copyOf(groups);
        this.omitted = omitted;
    }

    /** Interval width. */
    public double intervalWidth() {
        return width;
    }

    /** The tables, in group order. */
    public List<LifeTableGroup> groups() {
        return groups;
    }

    /** Table {@code k}. */
    public LifeTableGroup group(int k) {
        return groups.get(k);
    }

    /** Rows left out for a missing value. */
    public int omittedRows() {
        return omitted;
    }

    /** {@code nOmitted}, {@code width} and {@code strata[]} with KMsurv::lifetab's column names. */
    public String toJson() {
        JsonWriter w = new JsonWriter().beginObject().name("nOmitted").value(omitted).name("width").value(width)
                .name("strata").beginArray();
        for (LifeTableGroup g : groups) {
            g.writeJson(w);
        }
        return w.endArray().endObject().toString();
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
