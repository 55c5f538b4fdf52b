package io.survkit.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.survkit.data.CountTable;
import io.survkit.data.CountTableBuilder;
import io.survkit.data.TimeFix;
import io.survkit.internal.Check;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The one distributed aggregation behind {@link SparkSurvival#counts()}: every row is checked and
 * keyed by (flag, stratum, group, time) where the flag is {@link RowChecks#OK}, missing or an
 * error; with entry times each row also contributes an entry at its start time (an exploded copy,
 * in the same scan). Partial sums per key are combined across the cluster, so only the distinct
 * keys reach the driver, which labels the levels, merges near-equal times (R's aeqSurv) and hands
 * the cells to core's {@link CountTableBuilder}.
 */
final class CountAggregation {
    private CountAggregation() {
    }

    /** Output columns of the aggregation. */
    private static final String[] OUT = {"flag", "s", "g", "t", "events", "censored", "entered", "rows", "k"};

    static CountTable counts(SparkSurvival roles) {
        RowChecks checks = new RowChecks(roles.dataset(), roles);
        List<Row> cells = aggregate(roles, checks).collectAsList();
        return table(roles, checks, cells);
    }

    /** The aggregation as a Spark plan (exposed for the benchmarks). */
    static Dataset<Row> aggregate(SparkSurvival roles, RowChecks checks) {
        Column flag = checks.flag();
        Column ok = col("flag").equalTo(RowChecks.OK);
        Dataset<Row> rows = roles.dataset().select(flag.as("flag"),
                roles.strataColumnOrNull() == null ? lit(null).as("s0") : checks.column(roles.strataColumnOrNull()).as("s0"),
                roles.groupColumnOrNull() == null ? lit(null).as("g0") : checks.column(roles.groupColumnOrNull()).as("g0"),
                checks.time(roles.timeColumnOrNull()).as("t0"),
                roles.startColumnOrNull() == null ? lit(null).cast("double").as("st0") : checks.time(roles.startColumnOrNull()).as("st0"),
                checks.event().as("ev0"), checks.weight().as("w0"),
                roles.censorValueOrNull() == null ? lit(null).as("k0") : checks.causeKey().as("k0"));
        Column kind;
        if (roles.startColumnOrNull() != null) {
            rows = rows.withColumn("kind", explode(array(lit(0), lit(1))))
                    .filter(col("kind").equalTo(0).or(ok));
            kind = col("kind");
        } else {
            kind = lit(0);
        }
        Column exit = kind.equalTo(0);
        Column time = when(kind.equalTo(1), col("st0")).otherwise(col("t0"));
        Dataset<Row> keyed = rows.select(col("flag"), when(ok, col("s0")).as("s"), when(ok, col("g0")).as("g"),
                when(ok, time).as("t"), when(ok.and(exit).and(col("ev0")), col("w0")).as("e"),
                when(ok.and(exit).and(col("ev0").unary_$bang()), col("w0")).as("c"),
                when(ok.and(kind.equalTo(1)), col("w0")).as("n"), when(exit, lit(1)).as("r"),
                when(ok.and(exit).and(col("ev0")), col("k0")).as("k"));
        return keyed.groupBy(col("flag"), col("s"), col("g"), col("t"), col("k")).agg(
                coalesce(sum(col("e")), lit(0.0)).as("events"), coalesce(sum(col("c")), lit(0.0)).as("censored"),
                coalesce(sum(col("n")), lit(0.0)).as("entered"), count(col("r")).as("rows")).select(cols(OUT));
    }

    private static Column[] cols(String[] names) {
        Column[] c = new Column[names.length];
        for (int i = 0; i < names.length; i++) {
            c[i] = col(names[i]);
        }
        return c;
    }

    /** The collected cells as a core count table (errors and omitted rows first). */
    static CountTable table(SparkSurvival roles, RowChecks checks, List<Row> cells) {
        long omitted = 0;
        long total = 0;
        int complete = 0;
        for (Row r : cells) {
            int flag = r.getInt(0);
            total += r.getLong(7);
            if (flag > RowChecks.MISSING) {
                checks.failOnFirstInvalid();
            }
            if (flag == RowChecks.MISSING) {
                omitted += r.getLong(7);
            } else {
                complete++;
            }
        }
        if (complete == 0) {
            throw Check.fail(total == 0 ? "the data have no rows"
                    : "no row is complete: every one of the %d rows has a missing value in a used column", total);
        }
        double[] times = new double[complete];
        int k = 0;
        for (Row r : cells) {
            if (r.getInt(0) == RowChecks.OK) {
                times[k++] = r.getDouble(3) + 0.0;
            }
        }
        Arrays.sort(times);
        double[] distinct = distinct(times);
        double[] merged = TimeFix.merged(distinct);
        CountTableBuilder b = roles.strataColumnOrNull() == null ? CountTable.builder(roles.groupColumnOrNull())
                : CountTable.builder(roles.groupColumnOrNull(), roles.strataColumnOrNull());
        List<String> causes = causes(roles, cells);
        if (causes != null && !causes.isEmpty()) {
            b.causes(causes.toArray(new String[0]));
        }
        for (Row r : cells) {
            if (r.getInt(0) != RowChecks.OK) {
                continue;
            }
            double t = merged[Arrays.binarySearch(distinct, r.getDouble(3) + 0.0)];
            String s = roles.strataColumnOrNull() == null ? null : RowChecks.label(r.get(1));
            String g = roles.groupColumnOrNull() == null ? null : RowChecks.label(r.get(2));
            if (causes == null || causes.isEmpty()) {
                b.add(s, g, t, r.getDouble(4), r.getDouble(5), r.getDouble(6), r.getLong(7));
            } else {
                double[] byCause = new double[causes.size()];
                if (!r.isNullAt(8)) {
                    byCause[causes.indexOf(RowChecks.causeLabel(r.get(8)))] = r.getDouble(4);
                }
                b.add(s, g, t, byCause, r.getDouble(5), r.getDouble(6), r.getLong(7));
            }
        }
        return b.weighted(roles.weightsColumnOrNull() != null).omittedRows(Math.toIntExact(omitted)).build();
    }

    /**
     * With competing risks, the causes: the labels of the event values of the complete rows, in
     * core's order (numeric when every label is a number); null without causes.
     */
    private static List<String> causes(SparkSurvival roles, List<Row> cells) {
        if (roles.censorValueOrNull() == null) {
            return null;
        }
        java.util.Set<String> present = new java.util.HashSet<>();
        for (Row r : cells) {
            if (r.getInt(0) == RowChecks.OK && !r.isNullAt(8)) {
                present.add(RowChecks.causeLabel(r.get(8)));
            }
        }
        return RowChecks.sortedLevels(present);
    }

    /** The distinct values of a sorted array. */
    static double[] distinct(double[] sorted) {
        int u = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[u++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, u);
    }
}
