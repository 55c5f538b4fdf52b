package io.survkit.bench;

import io.survkit.data.SurvivalData;
import io.survkit.parametric.ParametricRegression;
import io.survkit.parametric.ParametricResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Weibull AFT regression (R {@code survreg} defaults) on simulated data: {@code n} subjects x 5
 * standard-normal covariates, Weibull event times (scale 0.7, log-time coefficients 0.1 .. 0.5),
 * uniform censoring (about 30 %). The fit includes everything R's {@code survreg} computes: the
 * starting values, the intercept-only fit, the Newton-Raphson and the variance. The floor is an
 * {@code Arrays.sort} of the same times. {@link #main} writes the same data as CSV for R
 * ({@code benchmarks/survreg-vs-r.R}).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar SurvregBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class SurvregBenchmark {
    /** Subjects. */
    @Param({"1000000"})
    public int n;

    private SurvivalData data;
    private double[] times;
    private ParametricRegression weibull;

    @Setup
    public void setup() {
        double[][] cols = simulate(n);
        SurvivalData.Builder b = SurvivalData.builder().time("time", cols[0]).event("status", toBoolean(cols[1]));
        for (int j = 0; j < 5; j++) {
            b.numeric("x" + (j + 1), cols[2 + j]);
        }
        data = b.build();
        times = cols[0];
        weibull = ParametricRegression.withDefaults();
    }

    /** time, status (0/1), x1..x5; seeded. */
    static double[][] simulate(int n) {
        Random r = new Random(20261129L);
        double[][] c = new double[7][n];
        for (int i = 0; i < n; i++) {
            double eta = 2;
            for (int j = 0; j < 5; j++) {
                double x = r.nextGaussian();
                c[2 + j][i] = x;
                eta += 0.1 * (j + 1) * x;
            }
            double w = Math.log(-Math.log(1 - r.nextDouble())); // minimum extreme value
            double event = Math.exp(eta + 0.7 * w);
            double censor = r.nextDouble() * 30;
            c[0][i] = Math.min(event, censor);
            c[1][i] = event <= censor ? 1 : 0;
        }
        return c;
    }

    private static boolean[] toBoolean(double[] v) {
        boolean[] b = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = v[i] == 1;
        }
        return b;
    }

    @Benchmark
    public ParametricResult fitWeibull() {
        return weibull.fit(data, "x1 + x2 + x3 + x4 + x5");
    }

    @Benchmark
    public double[] sortTimes() {
        double[] t = times.clone();
        Arrays.sort(t);
        return t;
    }

    /** Writes the benchmark's data as CSV: {@code SurvregBenchmark FILE [n]}. */
    public static void main(String[] args) throws IOException {
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        double[][] c = simulate(size);
        try (BufferedWriter w = Files.newBufferedWriter(Path.of(args[0]))) {
            w.write("time,status,x1,x2,x3,x4,x5\n");
            for (int i = 0; i < size; i++) {
                StringBuilder sb = new StringBuilder();
                sb.append(c[0][i]).append(',').append((int) c[1][i]);
                for (int j = 2; j < 7; j++) {
                    sb.append(',').append(c[j][i]);
                }
                w.write(sb.append('\n').toString());
            }
        }
    }
}
