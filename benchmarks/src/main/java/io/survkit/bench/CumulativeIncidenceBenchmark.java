package io.survkit.bench;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.estimate.CifMethod;
import io.survkit.estimate.CumulativeIncidence;
import io.survkit.estimate.CumulativeIncidenceResult;
import io.survkit.estimate.KaplanMeier;
import io.survkit.estimate.KaplanMeierResult;
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
 * Cumulative incidence on 1,000,000 subjects in 2 groups with 2 competing causes, beside the
 * Kaplan-Meier of {@link KaplanMeierBenchmark} on the same rows (every cause an event) and the
 * floor, a plain {@link Arrays#sort} of a copy of the times, so one run gives both ratios. Times
 * as in {@link KaplanMeierBenchmark} ({@code continuous} days or whole {@code months}); 30 %
 * censored, the events split 60 / 40 between cause 1 and cause 2.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar CumulativeIncidenceBenchmark -f 1 -wi 3 -i 5 -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CumulativeIncidenceBenchmark {
    @Param({"continuous", "months"})
    public String times;

    @Param("1000000")
    public int n;

    private ModelFrame data;
    private double[] raw;
    private final KaplanMeier km = KaplanMeier.withDefaults();
    private final CumulativeIncidence cuminc = CumulativeIncidence.withDefaults();
    private final CumulativeIncidence aalenJohansen = CumulativeIncidence.withDefaults()
            .withMethod(CifMethod.AALEN_JOHANSEN);

    @Setup
    public void setup() {
        SplittableRandom rnd = new SplittableRandom(42);
        double[] t = new double[n];
        double[] status = new double[n];
        String[] arm = new String[n];
        for (int i = 0; i < n; i++) {
            boolean b = rnd.nextBoolean();
            double mean = b ? 300 : 430; // days
            double days = -mean * Math.log(1 - rnd.nextDouble());
            t[i] = times.equals("months") ? Math.min(150, Math.floor(days / 30.4375)) : days;
            status[i] = rnd.nextDouble() < 0.3 ? 0 : rnd.nextDouble() < 0.6 ? 1 : 2;
            arm[i] = b ? "B" : "A";
        }
        data = ModelFrame.of(SurvivalData.builder().time("time", t).causes("cause", status, 0).text("arm", arm).build(), "arm");
        raw = data.times();
    }

    /** The floor: sort a copy of the same times once. */
    @Benchmark
    public double[] sortFloor() {
        double[] c = raw.clone();
        Arrays.sort(c);
        return c;
    }

    /** All-cause Kaplan-Meier of both groups (as KaplanMeierBenchmark). */
    @Benchmark
    public KaplanMeierResult kaplanMeier() {
        return km.fit(data);
    }

    /** cuminc: 2 groups x 2 causes curves with Gray's variance, and Gray's test per cause. */
    @Benchmark
    public CumulativeIncidenceResult cumulativeIncidence() {
        return cuminc.fit(data);
    }

    /** Multi-state Aalen-Johansen of both groups with jackknife standard errors. */
    @Benchmark
    public CumulativeIncidenceResult aalenJohansen() {
        return aalenJohansen.fit(data);
    }
}
