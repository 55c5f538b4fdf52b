package io.survkit.spark.examples;

import io.survkit.compare.LogRankTest;
import io.survkit.data.SurvivalData;
import io.survkit.estimate.CumulativeIncidence;
import io.survkit.estimate.KaplanMeier;
import io.survkit.regression.CoxRegression;
import io.survkit.regression.CoxVariance;
import io.survkit.spark.SparkCoxResult;
import io.survkit.spark.SparkSurvival;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The benchmark of spark/README.md, run on request:
 * <pre>
 * java -Xmx4g -cp "$(cat spark/target/classpath.txt)" io.survkit.spark.examples.SparkBenchmark local[2] 1e6 1e7
 * </pre>
 * Per size, on {@link SyntheticCohort} data: the engine's floor (a plain
 * {@code groupBy(days).count()} collected), survkit-spark's Kaplan-Meier by arm within stage, the log-rank test
 * by arm stratified by stage, and a Cox fit (arm + 3 covariates, strata) with its time per
 * distributed evaluation; cumulative incidence with Gray's test by arm (two causes: the event's
 * cause is 1 or 2 by the row's id, so one aggregation with a per-cause key); the same Cox fit with
 * the cluster-robust variance (clusters of 5 rows: the second distributed pass); then core on one
 * JVM on data of the same law (up to 10^7 rows). Each
 * timing is the best of {@code REPEATS} runs after one warm-up at 10^5 rows.
 */
public final class SparkBenchmark {
    private static final int REPEATS = 2;

    private SparkBenchmark() {
    }

    public static void main(String[] args) {
        String master = args.length > 0 ? args[0] : "local[2]";
        org.apache.logging.log4j.core.config.Configurator.setRootLevel(org.apache.logging.log4j.Level.ERROR);
        SparkSession spark = SparkSession.builder().master(master).appName("survkit-spark benchmark")
                .config("spark.ui.enabled", "false").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        run(spark, 100_000, false);
        System.out.println("rows,floor_s,km_s,km_ratio,logrank_s,logrank_ratio,cox_s,cox_evaluations,"
                + "cox_eval_s,cox_eval_ratio,cif_s,cif_ratio,cox_robust_s,robust_pass_s,robust_pass_ratio,"
                + "core_km_s,core_logrank_s,core_cox_s");
        for (int i = 1; i < args.length; i++) {
            run(spark, (long) Double.parseDouble(args[i]), true);
        }
        spark.stop();
    }

    private static void run(SparkSession spark, long n, boolean print) {
        int partitions = Math.max(2, (int) Math.min(2000, n / 2_000_000));
        Dataset<Row> cohort = SyntheticCohort.of(spark, n, partitions);
        double floor = best(() -> cohort.groupBy("days").count().collectAsList().size());
        SparkSurvival byArm = SparkSurvival.of(cohort).time("days").event("status", "1").group("arm");
        double km = best(() -> byArm.strata("stage").kaplanMeier(KaplanMeier.withDefaults()).curveCount());
        double lr = best(() -> byArm.strata("stage").logRank(LogRankTest.withDefaults()).degreesOfFreedom());
        SparkCoxResult[] fit = new SparkCoxResult[1];
        double cox = best(() -> {
            fit[0] = SparkSurvival.of(cohort).time("days").event("status", "1").strata("stage")
                    .cox(CoxRegression.withDefaults().withVariance(CoxVariance.MODEL), "arm + x1 + x2 + x3");
            return fit[0].iterations();
        });
        int evaluations = fit[0].passes() - 3;
        double perEvaluation = fit[0].iterationNanos() / 1e9 / evaluations;
        Dataset<Row> causes = cohort.withColumn("cause", org.apache.spark.sql.functions.col("status")
                .multiply(org.apache.spark.sql.functions.col("id").mod(2).plus(1)))
                .withColumn("cluster", org.apache.spark.sql.functions.col("id").divide(5).cast("long"));
        double cif = best(() -> SparkSurvival.of(causes).time("days").causes("cause", "0").group("arm")
                .cumulativeIncidence(CumulativeIncidence.withDefaults()).curveCount());
        SparkCoxResult[] robust = new SparkCoxResult[1];
        double coxRobust = best(() -> {
            robust[0] = SparkSurvival.of(causes).time("days").event("status", "1").strata("stage").cluster("cluster")
                    .cox(CoxRegression.withDefaults(), "arm + x1 + x2 + x3");
            return robust[0].iterations();
        });
        // the robust pass: the robust fit's Newton-Raphson and robust time less its evaluations at the
        // model-based fit's time per evaluation
        double robustPass = robust[0].iterationNanos() / 1e9 - perEvaluation * (robust[0].passes() - 4);
        String core = n <= 10_000_000 ? core(n) : ",,";
        if (print) {
            System.out.printf(Locale.ROOT, "%d,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%d,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%s%n",
                    n, floor, km, km / floor, lr, lr / floor, cox, evaluations, perEvaluation, perEvaluation / floor,
                    cif, cif / floor, coxRobust, robustPass, robustPass / floor, core);
        }
    }

    /** Core on one JVM: the same law generated into arrays, then KM, log-rank and Cox timed. */
    private static String core(long rows) {
        int n = (int) rows;
        Random r = new Random(42);
        double[] days = new double[n];
        double[] status = new double[n];
        double[] arm = new double[n];
        double[] stage = new double[n];
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] x3 = new double[n];
        for (int i = 0; i < n; i++) {
            arm[i] = i % 2;
            stage[i] = (i / 2) % 3;
            x1[i] = r.nextGaussian();
            x2[i] = r.nextGaussian();
            x3[i] = r.nextDouble();
            double h = 0.001 * Math.exp(0.4 * stage[i] + Math.log(0.7) * arm[i] + 0.3 * x1[i] - 0.2 * x2[i]
                    + 0.5 * x3[i]);
            double e = Math.ceil(-Math.log(r.nextDouble()) / h);
            double c = Math.ceil(r.nextDouble() * 3650);
            days[i] = Math.min(e, c);
            status[i] = e <= c ? 1 : 0;
        }
        SurvivalData d = SurvivalData.builder().time("days", days).event("status", status, 1)
                .numeric("stage", stage).numeric("arm", arm).numeric("x1", x1).numeric("x2", x2).numeric("x3", x3)
                .build();
        double km = best(() -> KaplanMeier.withDefaults().fit(d, "arm + strata(stage)").curveCount());
        double lr = best(() -> LogRankTest.withDefaults().test(d, "arm + strata(stage)").degreesOfFreedom());
        double cox = best(() -> CoxRegression.withDefaults().withVariance(CoxVariance.MODEL)
                .fit(d, "arm + x1 + x2 + x3 + strata(stage)").iterations());
        return String.format(Locale.ROOT, "%.2f,%.2f,%.2f", km, lr, cox);
    }

    private static double best(Supplier<Object> task) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < REPEATS; i++) {
            long t0 = System.nanoTime();
            task.get();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }
}
