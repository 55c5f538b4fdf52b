package io.survkit.bench;

import io.survkit.data.SurvivalData;
import io.survkit.relative.Demography;
import io.survkit.relative.RateTable;
import io.survkit.relative.RelativeSurvival;
import io.survkit.relative.RelativeSurvivalMethod;
import io.survkit.relative.RelativeSurvivalResult;
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
 * Pohar-Perme net survival (daily integration steps, US table) on a synthetic registry
 * ({@link RelativeSurvivalData}: 5-year follow-up, about 10 cells crossed per subject) beside its
 * floor, a plain {@link Arrays#sort} of a copy of the follow-up times. R's {@code rs.surv} on the
 * same CSV is timed by {@code benchmarks/r/relsurv_timing.R}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar RelativeSurvivalBenchmark -f 1 -wi 2 -i 3 -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RelativeSurvivalBenchmark {
    @Param("1000000")
    public int n;

    private SurvivalData data;
    private Demography demography;
    private double[] raw;
    private final RelativeSurvival poharPerme = RelativeSurvival.withDefaults()
            .withMethod(RelativeSurvivalMethod.POHAR_PERME).withRateTable(RateTable.us());

    @Setup
    public void setup() {
        RelativeSurvivalData d = RelativeSurvivalData.generate(n);
        data = d.survivalData();
        demography = d.demography();
        raw = d.time.clone();
    }

    /** The floor: sort a copy of the follow-up times once. */
    @Benchmark
    public double[] sortFloor() {
        double[] c = raw.clone();
        Arrays.sort(c);
        return c;
    }

    /** The whole Pohar-Perme curve: every curve time's counts, net survival, standard error and limits. */
    @Benchmark
    public RelativeSurvivalResult poharPerme() {
        return poharPerme.estimate(data, demography);
    }

    /**
     * One timed run outside JMH that also reports the thread's CPU time, comparable with R's
     * {@code system.time()} user time on a loaded machine: {@code java -cp benchmarks.jar
     * io.survkit.bench.RelativeSurvivalBenchmark N [METHOD]}, METHOD one of relsurv's names
     * (default pohar-perme).
     */
    public static void main(String[] args) {
        RelativeSurvivalBenchmark b = new RelativeSurvivalBenchmark();
        b.n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        b.setup();
        RelativeSurvival method = b.poharPerme.withMethod(RelativeSurvivalMethod.fromRName(
                args.length > 1 ? args[1] : "pohar-perme"));
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int rep = 0; rep < 3; rep++) {
            long cpu = mx.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            RelativeSurvivalResult r = method.estimate(b.data, b.demography);
            System.out.printf(java.util.Locale.ROOT, "n = %d %s: wall %.2f s, cpu %.2f s, survival 1/3/5 y %.10f %.10f %.10f%n",
                    b.n, r.method().rName(), (System.nanoTime() - wall) / 1e9, (mx.getCurrentThreadCpuTime() - cpu) / 1e9,
                    r.curve(0).survivalAt(365), r.curve(0).survivalAt(1096), r.curve(0).survivalAt(1826));
        }
    }
}
