package io.survkit.bench;

import io.survkit.compare.LogRankResult;
import io.survkit.compare.LogRankTest;
import io.survkit.data.SurvivalData;
import java.util.Arrays;
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
 * Two-group log-rank test on 1,000,000 subjects against its floor, a plain {@link Arrays#sort} of
 * a copy of the same times. {@code times}: {@code continuous} = exponential follow-up (means 300
 * and 430 days, distinct doubles), {@code months} = whole months 0..150 (heavy ties). 30 % of the
 * subjects are censored. Same data as {@link KaplanMeierBenchmark}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar LogRankBenchmark -f 1 -wi 3 -i 5 -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LogRankBenchmark {
    @Param({"continuous", "months"})
    public String times;

    @Param("1000000")
    public int n;

    private SurvivalData data;
    private double[] raw;
    private final LogRankTest logRank = LogRankTest.withDefaults();

    @Setup
    public void setup() {
        SplittableRandom rnd = new SplittableRandom(42);
        double[] t = new double[n];
        boolean[] event = new boolean[n];
        String[] arm = new String[n];
        for (int i = 0; i < n; i++) {
            boolean b = rnd.nextBoolean();
            double mean = b ? 300 : 430; // days
            double days = -mean * Math.log(1 - rnd.nextDouble());
            t[i] = times.equals("months") ? Math.min(150, Math.floor(days / 30.4375)) : days;
            event[i] = rnd.nextDouble() >= 0.3;
            arm[i] = b ? "B" : "A";
        }
        data = SurvivalData.builder().time("time", t).event("dead", event).group("arm", arm).build();
        raw = data.times();
    }

    /** The floor: sort a copy of the same times once. */
    @Benchmark
    public double[] sortFloor() {
        double[] c = raw.clone();
        Arrays.sort(c);
        return c;
    }

    /** The full log-rank result (O, E, V, chisq, p). */
    @Benchmark
    public LogRankResult logRank() {
        return logRank.test(data);
    }
}
