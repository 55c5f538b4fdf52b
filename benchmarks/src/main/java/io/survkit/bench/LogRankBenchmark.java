package io.survkit.bench;

import io.survkit.data.ModelFrame;
import io.survkit.compare.LogRankResult;
import io.survkit.compare.LogRankTest;
import io.survkit.data.SurvivalData;
import java.util.Arrays;
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

    private ModelFrame data;
    private double[] raw;
    private final LogRankTest logRank = LogRankTest.withDefaults();

    @Setup
    public void setup() {
        data = TwoArmData.generate(n, times);
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
