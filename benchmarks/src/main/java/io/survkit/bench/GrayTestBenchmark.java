package io.survkit.bench;

import io.survkit.compare.GrayTest;
import io.survkit.compare.GrayTestResult;
import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Gray's test (issue 12) of 50, 200 and 1000 groups on 3000 rows with two competing causes, times
 * {@code distinct} (continuous, about 3000 distinct times) or {@code days} (whole days, about 60
 * distinct times). cmprsk's crstm costs O(groups^3) per time; survkit's form O(groups^2) per time.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar GrayTestBenchmark -f 1 -wi 1 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GrayTestBenchmark {
    @Param({"50", "200", "1000"})
    public int groups;

    @Param({"distinct", "days"})
    public String times;

    @Param("3000")
    public int n;

    private ModelFrame data;

    @Setup
    public void setup() {
        SplittableRandom rnd = new SplittableRandom(12);
        double[] t = new double[n];
        double[] status = new double[n];
        String[] g = new String[n];
        for (int i = 0; i < n; i++) {
            double days = -12 * Math.log(1 - rnd.nextDouble());
            t[i] = times.equals("days") ? Math.min(60, Math.floor(days) + 1) : days;
            double u = rnd.nextDouble();
            status[i] = u < 0.3 ? 0 : u < 0.7 ? 1 : 2;
            g[i] = "g" + (i % groups);
        }
        data = ModelFrame.of(SurvivalData.builder().time("time", t).causes("cause", status, 0).text("group", g)
                .build(), "group");
    }

    /** Gray's test of both causes. */
    @Benchmark
    public GrayTestResult gray() {
        return GrayTest.withDefaults().test(data);
    }
}
