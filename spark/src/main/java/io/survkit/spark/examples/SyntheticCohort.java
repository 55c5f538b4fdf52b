package io.survkit.spark.examples;

import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.randn;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A registry-like cohort generated inside Spark ({@code spark.range}), never materialised: two
 * arms, three strata (stage), three covariates (x1, x2 ~ N(0, 1), x3 ~ U(0, 1)), exponential
 * event times with hazard {@code 0.001 exp(0.4 stage + log(0.7) arm + 0.3 x1 - 0.2 x2 + 0.5 x3)}
 * per day, uniform censoring over ten years, times in whole days (ties, as registry data have).
 * Seeded: every pass over it (each Newton-Raphson step) sees the same rows.
 */
public final class SyntheticCohort {
    private SyntheticCohort() {
    }

    /** {@code n} rows in {@code partitions} partitions. */
    public static Dataset<Row> of(SparkSession spark, long n, int partitions) {
        Column hazard = lit(0.001).multiply(exp(col("stage").multiply(0.4).plus(col("arm").multiply(Math.log(0.7)))
                .plus(col("x1").multiply(0.3)).minus(col("x2").multiply(0.2)).plus(col("x3").multiply(0.5))));
        return spark.range(0, n, 1, partitions)
                .withColumn("arm", col("id").mod(2).cast("int"))
                .withColumn("stage", col("id").divide(2).cast("long").mod(3).cast("int"))
                .withColumn("x1", randn(11))
                .withColumn("x2", randn(12))
                .withColumn("x3", rand(13))
                .withColumn("event_day", ceil(log(rand(14)).multiply(-1).divide(hazard)))
                .withColumn("censor_day", ceil(rand(15).multiply(3650)))
                .withColumn("days", least(col("event_day"), col("censor_day")).cast("double"))
                .withColumn("status", when(col("event_day").leq(col("censor_day")), 1).otherwise(0))
                .drop("event_day", "censor_day");
    }
}
