package io.survkit.bench;

import io.survkit.data.ModelFrame;
import io.survkit.arms.ArmComparison;
import io.survkit.arms.ArmComparisonResult;
import io.survkit.data.SurvivalData;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * The full two-arm comparison on 1,000,000 subjects against its floor, a plain {@link Arrays#sort}
 * of a copy of the times: two endpoints (OS and CSS on the same patients, whole months 0..150 as in
 * registry data), per arm Kaplan-Meier with medians, landmarks 12/36/60 and RMST at 120; between
 * arms the log-rank test, the crude Cox model and its Schoenfeld test. Two arms of about 500,000;
 * cancer death and other-cause death are competing exponential times; 30 % administratively
 * censored.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ArmComparisonBenchmark -f 1 -wi 2 -i 3 -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ArmComparisonBenchmark {
    @Param("1000000")
    public int n;

    private Map<String, SurvivalData> endpoints;
    private double[] raw;

    @Setup
    public void setup() {
        SplittableRandom rnd = new SplittableRandom(42);
        double[] t = new double[n];
        boolean[] death = new boolean[n];
        boolean[] cancer = new boolean[n];
        String[] arm = new String[n];
        for (int i = 0; i < n; i++) {
            boolean surgery = rnd.nextBoolean();
            double c = -Math.log(1 - rnd.nextDouble()) * (surgery ? 160 : 60); // months
            double o = -Math.log(1 - rnd.nextDouble()) * (surgery ? 300 : 180);
            double admin = rnd.nextDouble() < 0.3 ? rnd.nextDouble() * 150 : 150;
            double first = Math.min(c, o);
            t[i] = Math.floor(Math.min(first, admin));
            death[i] = first <= admin;
            cancer[i] = death[i] && c <= o;
            arm[i] = surgery ? "Surgery + chemotherapy" : "Chemotherapy alone";
        }
        endpoints = new LinkedHashMap<>();
        endpoints.put("CSS", SurvivalData.builder().time("months", t).event("cancer death", cancer)
                .factor("arm", arm, "Chemotherapy alone", "Surgery + chemotherapy").build());
        endpoints.put("OS", SurvivalData.builder().time("months", t).event("death", death)
                .factor("arm", arm, "Chemotherapy alone", "Surgery + chemotherapy").build());
        raw = t.clone();
    }

    /** The floor: sort a copy of the times once. */
    @Benchmark
    public double[] sortFloor() {
        double[] c = raw.clone();
        Arrays.sort(c);
        return c;
    }

    /** The whole comparison: 2 endpoints x (2 KM curves, landmarks, RMST, log-rank, crude Cox, Schoenfeld test). */
    @Benchmark
    public ArmComparisonResult armComparison() {
        return ArmComparison.of(endpoints).arm("arm").treatment("Surgery + chemotherapy").control("Chemotherapy alone")
                .landmarks(12, 36, 60).horizon(120).run();
    }
}
