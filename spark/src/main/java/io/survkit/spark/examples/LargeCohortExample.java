package io.survkit.spark.examples;

import io.survkit.compare.LogRankResult;
import io.survkit.compare.LogRankTest;
import io.survkit.estimate.KaplanMeier;
import io.survkit.estimate.KaplanMeierResult;
import io.survkit.estimate.SurvivalCurve;
import io.survkit.regression.CoxRegression;
import io.survkit.regression.CoxVariance;
import io.survkit.spark.SparkCoxResult;
import io.survkit.spark.SparkSurvival;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * 10^8 synthetic registry rows generated inside Spark ({@link SyntheticCohort}): Kaplan-Meier
 * medians per arm, the log-rank test stratified by stage, and a Cox model of arm and three
 * covariates stratified by stage, each with the time it took. Run (after {@code mvn package}):
 * <pre>
 * java -Xmx4g -cp "$(cat spark/target/classpath.txt)" io.survkit.spark.examples.LargeCohortExample [rows] [master]
 * </pre>
 */
public final class LargeCohortExample {
    private LargeCohortExample() {
    }

    public static void main(String[] args) {
        long n = args.length > 0 ? (long) Double.parseDouble(args[0]) : 100_000_000L;
        String master = args.length > 1 ? args[1] : "local[*]";
        org.apache.logging.log4j.core.config.Configurator.setRootLevel(org.apache.logging.log4j.Level.ERROR);
        SparkSession spark = SparkSession.builder().master(master).appName("survkit-spark example")
                .config("spark.ui.enabled", "false").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        int partitions = Math.max(2, (int) Math.min(2000, n / 2_000_000));
        Dataset<Row> cohort = SyntheticCohort.of(spark, n, partitions);
        SparkSurvival s = SparkSurvival.of(cohort).time("days").event("status", "1").group("arm").strata("stage");
        System.out.printf(Locale.ROOT, "%,d rows, %d partitions, master %s%n%n", n, partitions, master);

        long t0 = System.nanoTime();
        KaplanMeierResult km = SparkSurvival.of(cohort).time("days").event("status", "1").group("arm")
                .kaplanMeier(KaplanMeier.withDefaults());
        long t1 = System.nanoTime();
        for (SurvivalCurve c : km.curves()) {
            System.out.printf(Locale.ROOT, "KM %-6s n=%,d events=%,.0f median=%s days%n", c.name(), c.rowCount(),
                    c.events(), c.median().isPresent() ? String.valueOf(c.median().getAsDouble()) : "not reached");
        }
        System.out.printf(Locale.ROOT, "  Kaplan-Meier: %.1f s%n%n", (t1 - t0) / 1e9);

        LogRankResult lr = s.logRank(LogRankTest.withDefaults());
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "log-rank (stratified by stage): chisq=%.2f df=%d p=%.3g%n", lr.chiSquare(),
                lr.degreesOfFreedom(), lr.pValue());
        System.out.printf(Locale.ROOT, "  log-rank: %.1f s%n%n", (t2 - t1) / 1e9);

        SparkCoxResult cox = SparkSurvival.of(cohort).time("days").event("status", "1").strata("stage")
                .cox(CoxRegression.withDefaults().withVariance(CoxVariance.MODEL), "arm + x1 + x2 + x3");
        long t3 = System.nanoTime();
        double[] hr = cox.hazardRatios();
        double[] lo = cox.hazardRatioLower();
        double[] hi = cox.hazardRatioUpper();
        for (int j = 0; j < hr.length; j++) {
            System.out.printf(Locale.ROOT, "Cox HR %-4s %.4f (%.4f to %.4f)%n", cox.columnNames().get(j), hr[j], lo[j],
                    hi[j]);
        }
        System.out.printf(Locale.ROOT, "  Cox (Efron, strata): %.1f s, %d iterations, %d passes over the data%n",
                (t3 - t2) / 1e9, cox.iterations(), cox.passes());
        System.out.println("(true hazard ratios: arm 0.7, x1 1.350, x2 0.819, x3 1.649)");
        spark.stop();
    }
}
