package io.survkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.survkit.compare.LogRankTest;
import io.survkit.data.CountTable;
import io.survkit.data.ModelFrame;
import io.survkit.data.Terms;
import io.survkit.data.SurvivalData;
import io.survkit.regression.CoxRegression;
import io.survkit.regression.CoxResult;
import io.survkit.regression.TieMethod;
import io.survkit.regression.CoxVariance;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * On random data (tied integer times, fractional and whole weights, entry times, two strata, three
 * groups), the cluster's aggregation is core's {@link CountTable#of} cell by cell, and the
 * distributed Cox fit is core's fit to 1e-10 relative. Few tries: each is several Spark jobs.
 */
class SparkPropertyTest {

    private static final StructType SCHEMA = new StructType().add("entry", DataTypes.DoubleType)
            .add("time", DataTypes.DoubleType).add("status", DataTypes.IntegerType).add("w", DataTypes.DoubleType)
            .add("arm", DataTypes.StringType).add("stage", DataTypes.IntegerType).add("x", DataTypes.DoubleType);

    record Data(double[] entry, double[] time, double[] status, double[] w, String[] arm, double[] stage, double[] x) {
        static Data random(long seed, int n, boolean delayed) {
            Random r = new Random(seed);
            Data d = new Data(new double[n], new double[n], new double[n], new double[n], new String[n], new double[n],
                    new double[n]);
            for (int i = 0; i < n; i++) {
                d.entry[i] = delayed ? r.nextInt(5) : 0;
                d.time[i] = d.entry[i] + 1 + r.nextInt(20);
                d.status[i] = r.nextDouble() < 0.6 ? 1 : 0;
                d.w[i] = r.nextBoolean() ? 1 + r.nextInt(3) : 0.5 + r.nextDouble();
                d.arm[i] = "abc".substring(r.nextInt(3)).substring(0, 1);
                d.stage[i] = 1 + r.nextInt(2);
                d.x[i] = r.nextGaussian() + (d.arm[i].equals("a") ? 0.5 : 0);
            }
            return d;
        }

        Dataset<Row> frame(int partitions) {
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < time.length; i++) {
                rows.add(RowFactory.create(entry[i], time[i], (int) status[i], w[i], arm[i], (int) stage[i], x[i]));
            }
            return SparkTests.spark().createDataFrame(rows, SCHEMA).repartition(partitions);
        }

        SurvivalData rows(boolean delayed) {
            var b = SurvivalData.builder().time("time", time).event("status", status, 1)
                    .weights("w", w).text("arm", arm).numeric("stage", stage).numeric("x", x);
            return delayed ? b.start("entry", entry).build() : b.build();
        }
    }

    @Property(tries = 6, seed = "20261129")
    void countsAndCoxAreCores(@ForAll @IntRange(min = 20, max = 300) int n, @ForAll boolean delayed,
            @ForAll @IntRange(min = 1, max = 3) int partitions) {
        Data d = Data.random(n * 31L + partitions, n, delayed);
        SparkSurvival s = SparkSurvival.of(d.frame(partitions)).time("time").event("status", "1").weights("w")
                .group("arm").strata("stage");
        if (delayed) {
            s = s.start("entry");
        }
        SurvivalData rows = d.rows(delayed);
        CountTable a = CountTable.of(ModelFrame.of(rows, Terms.parse("arm + strata(stage)")));
        CountTable b = s.counts();
        assertEquals(a.size(), b.size());
        assertEquals(a.groupLevels(), b.groupLevels());
        assertEquals(a.strataLevels(), b.strataLevels());
        for (int c = 0; c < a.size(); c++) {
            assertEquals(a.block(c), b.block(c));
            assertEquals(a.time(c), b.time(c));
            SparkTests.assertClose(a.events(c), b.events(c), "events");
            SparkTests.assertClose(a.censored(c), b.censored(c), "censored");
            SparkTests.assertClose(a.entered(c), b.entered(c), "entered");
            assertEquals(a.rows(c), b.rows(c));
        }
        SparkTests.assertClose(LogRankTest.withDefaults().test(a).chiSquare(),
                LogRankTest.withDefaults().test(b).chiSquare(), "log-rank chisq");
        CoxRegression cox = CoxRegression.withDefaults().withVariance(CoxVariance.MODEL)
                .withTies(n % 2 == 0 ? TieMethod.EFRON : TieMethod.BRESLOW);
        CoxResult core = cox.fit(rows, "x + strata(stage)");
        SparkCoxResult spark = s.cox(cox, "x");
        SparkTests.assertClose(core.coefficients(), spark.coefficients(), "coef");
        SparkTests.assertClose(core.standardErrors(), spark.standardErrors(), "se");
        SparkTests.assertClose(core.logLikelihood(), spark.logLikelihood(), "loglik");
    }
}
