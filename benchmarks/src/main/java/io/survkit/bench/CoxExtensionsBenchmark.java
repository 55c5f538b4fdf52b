package io.survkit.bench;

import io.survkit.data.SurvivalData;
import io.survkit.regression.ConditionalLogistic;
import io.survkit.regression.CoxRegression;
import io.survkit.regression.CoxResult;
import io.survkit.regression.PenalizedCoxRegression;
import io.survkit.regression.PenalizedCoxResult;
import io.survkit.regression.TieMethod;
import io.survkit.regression.TimeTransformFunction;
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
 * R's Cox extensions (issue 13) on simulated data: {@code n} subjects, two standard-normal
 * covariates, exponential times with log hazard 0.3 x1 + 0.2 x2 rounded up to whole units (ties),
 * ~30 % uniform censoring, 50 clusters with a gamma frailty of variance 0.5. Benchmarks: a
 * {@code tt(x1) + x2} fit with x log(t) (the data expanded at every event time, as R), a
 * {@code pspline(x1, df = 4) + x2} fit (outer search for the df), {@code x1 + x2 + frailty(cluster)}
 * (outer EM-like search for the variance), exact ties on the data split at two cuts ((start, stop]
 * rows), and {@code clogit} on 1:3 matched sets. The floor is an {@code Arrays.sort} of the times.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar CoxExtensionsBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
public class CoxExtensionsBenchmark {
    /** Subjects. */
    @Param({"1000", "5000"})
    public int n;

    private SurvivalData data;
    private SurvivalData split;
    private SurvivalData matched;
    private double[] times;

    @Setup
    public void setup() {
        Random r = new Random(20261129L);
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] cl = new double[n];
        double[] t = new double[n];
        boolean[] e = new boolean[n];
        double[] frail = new double[50];
        for (int k = 0; k < frail.length; k++) {
            frail[k] = Math.log(gamma2(r) / 2); // gamma(shape 2, scale 1/2): mean 1, variance 0.5
        }
        for (int i = 0; i < n; i++) {
            x1[i] = r.nextGaussian();
            x2[i] = r.nextGaussian();
            cl[i] = i % 50;
            double rate = 0.01 * Math.exp(0.3 * x1[i] + 0.2 * x2[i] + frail[i % 50]);
            double ev = -Math.log(r.nextDouble()) / rate;
            double c = r.nextDouble() * 300;
            t[i] = Math.ceil(Math.min(ev, c));
            e[i] = ev <= c;
        }
        times = t;
        data = SurvivalData.builder().time("time", t).event("status", e).numeric("x1", x1).numeric("x2", x2)
                .numeric("cluster", cl).build();
        split = data.splitAt(new double[] {30, 90}, "episode");
        int sets = n / 4;
        double[] set = new double[sets * 4];
        boolean[] isCase = new boolean[sets * 4];
        double[] one = new double[sets * 4];
        for (int i = 0; i < set.length; i++) {
            set[i] = i / 4;
            isCase[i] = i % 4 == 0;
            one[i] = 1;
        }
        matched = SurvivalData.builder().time("one", one).event("case", isCase)
                .numeric("x1", Arrays.copyOf(x1, set.length)).numeric("set", set).build();
    }

    private static double gamma2(Random r) {
        return -Math.log(r.nextDouble()) - Math.log(r.nextDouble());
    }

    @Benchmark
    public double[] floorSortTimes() {
        double[] s = times.clone();
        Arrays.sort(s);
        return s;
    }

    @Benchmark
    public CoxResult timeTransformed() {
        return CoxRegression.withDefaults().withTimeTransform(TimeTransformFunction.X_TIMES_LOG_T)
                .fit(data, "tt(x1) + x2");
    }

    @Benchmark
    public PenalizedCoxResult penalizedSpline() {
        return PenalizedCoxRegression.withDefaults().fit(data, "pspline(x1, df = 4) + x2");
    }

    @Benchmark
    public PenalizedCoxResult gammaFrailty() {
        return PenalizedCoxRegression.withDefaults().fit(data, "x1 + x2 + frailty(cluster)");
    }

    @Benchmark
    public CoxResult exactCountingProcess() {
        return CoxRegression.withDefaults().withTies(TieMethod.EXACT).fit(split, "x1 + x2");
    }

    @Benchmark
    public CoxResult conditionalLogistic() {
        return ConditionalLogistic.withDefaults().fit(matched, "x1 + strata(set)");
    }
}
