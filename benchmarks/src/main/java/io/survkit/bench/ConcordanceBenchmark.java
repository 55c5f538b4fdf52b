package io.survkit.bench;

import io.survkit.data.SurvivalData;
import io.survkit.validation.Concordance;
import io.survkit.validation.Direction;
import io.survkit.validation.Score;
import io.survkit.validation.TimeWeight;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Concordance (Harrell and Uno, with standard error and counts) and Score (AUC and Brier with
 * influence-function standard errors at 3 times) on simulated data: {@code n} subjects, a normal
 * marker, exponential event times with log hazard 0.5 * marker rounded to 0.01 (ties), uniform
 * censoring (~30 %). The floor is an {@code Arrays.sort} of the same times.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ConcordanceBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class ConcordanceBenchmark {
    @Param({"100000", "1000000"})
    public int n;

    private SurvivalData data;
    private double[] marker;
    private double[] times;
    private double[][] risk;

    @Setup
    public void setup() {
        Random r = new Random(20261129L);
        double[] t = new double[n];
        boolean[] e = new boolean[n];
        marker = new double[n];
        risk = new double[3][n];
        for (int i = 0; i < n; i++) {
            marker[i] = r.nextGaussian();
            double event = -Math.log(1 - r.nextDouble()) / (0.1 * Math.exp(0.5 * marker[i]));
            double censor = r.nextDouble() * 25;
            t[i] = Math.max(0.01, Math.round(Math.min(event, censor) * 100) / 100.0);
            e[i] = event <= censor;
            for (int k = 0; k < 3; k++) {
                risk[k][i] = 1 - Math.exp(-0.1 * (k + 1) * 3 * Math.exp(0.5 * marker[i]));
            }
        }
        data = SurvivalData.builder().time("time", t).event("status", e).build();
        times = t;
    }

    @Benchmark
    public double floorSortTimes() {
        double[] c = times.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    @Benchmark
    public double harrell() {
        return Concordance.withDefaults().withDirection(Direction.HIGHER_RISK).estimate(data, marker).standardError();
    }

    @Benchmark
    public double uno() {
        return Concordance.withDefaults().withDirection(Direction.HIGHER_RISK).withTimeWeight(TimeWeight.UNO)
                .estimate(data, marker).standardError();
    }

    @Benchmark
    public double scoreThreeTimes() {
        return Score.withDefaults().estimate(data, new double[] {3, 6, 9}, risk).at(2).auc().standardError();
    }
}
