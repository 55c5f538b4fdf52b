package io.survkit.validation;

import io.survkit.internal.JsonWriter;
import io.survkit.internal.RFormat;
import io.survkit.table.Exportable;
import io.survkit.table.Table;
import java.util.List;
import java.util.Locale;

/** The result of a {@link BootstrapValidation}: one {@link ValidationIndex} per index. */
public final class ValidationResult implements Exportable {
    private final List<ValidationIndex> indices;
    private final int requested;
    private final int failed;
    private final long seed;

    ValidationResult(List<ValidationIndex> indices, int requested, int failed, long seed) {
        this.indices = List.copyOf(indices);
        this.requested = requested;
        this.failed = failed;
        this.seed = seed;
    }

    /** {@return the indices: C, Dxy, Slope} */
    public List<ValidationIndex> indices() {
        return indices;
    }

    /**
     * The index called {@code name}.
     *
     * @param name the name
     * @return the index called {@code name}
     */
    public ValidationIndex index(String name) {
        for (ValidationIndex v : indices) {
            if (v.name().equals(name)) {
                return v;
            }
        }
        throw io.survkit.internal.Check.fail("no index '%s'; the indices are C, Dxy and Slope", name);
    }

    /** {@return replicates asked for} */
    public int replicatesRequested() {
        return requested;
    }

    /** {@return replicates left out because the model did not converge or had an infinite coefficient} */
    public int replicatesFailed() {
        return failed;
    }

    /** {@return the seed used} */
    public long seed() {
        return seed;
    }

    /** As {@code print(rms::validate(fit, B = ...))}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-6s %10s %9s %9s %9s %15s %5s%n", "", "index.orig", "training", "test",
                "optimism", "index.corrected", "n"));
        for (ValidationIndex v : indices) {
            sb.append(String.format(Locale.ROOT, "%-6s %10s %9s %9s %9s %15s %5d%n", v.name(), RFormat.fixed(v.apparent(), 4),
                    RFormat.fixed(v.training(), 4), RFormat.fixed(v.test(), 4), RFormat.fixed(v.optimism(), 4),
                    RFormat.fixed(v.corrected(), 4), v.replicates()));
        }
        if (failed > 0) {
            sb.append(failed).append(" of ").append(requested)
                    .append(" replicates left out (no convergence or an infinite coefficient)\n");
        }
        return sb.toString();
    }

    /** Tidy rows, one per index, as R's {@code validate} table. */
    @Override
    public Table table() {
        Table.Builder b = Table.builder().textColumn("index").numberColumn("apparent").numberColumn("training")
                .numberColumn("test").numberColumn("optimism").numberColumn("corrected").numberColumn("n");
        for (ValidationIndex v : indices) {
            b.text(v.name()).number(v.apparent()).number(v.training()).number(v.test()).number(v.optimism())
                    .number(v.corrected()).number(v.replicates());
        }
        return b.build();
    }

    /** JSON: seed, replicates, failed, and per index name, apparent, training, test, optimism, corrected, n. */
    @Override
    public void writeJson(Appendable out) {
        JsonWriter w = new JsonWriter(out).beginObject();
        w.name("seed").value(seed).name("replicates").value(requested).name("failed").value(failed);
        w.name("indices").beginArray();
        for (ValidationIndex v : indices) {
            w.beginObject().name("name").value(v.name()).name("apparent").value(v.apparent()).name("training")
                    .value(v.training()).name("test").value(v.test()).name("optimism").value(v.optimism())
                    .name("corrected").value(v.corrected()).name("n").value(v.replicates()).endObject();
        }
        w.endArray().endObject();
    }
}
