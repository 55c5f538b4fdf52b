package io.survkit.bench;

import io.survkit.data.SurvivalData;
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
 * Kaplan-Meier on 1,000,000 subjects in 2 groups against its floor, a plain {@link Arrays#sort}
 * of a copy of the same times. {@code times}: {@code continuous} = exponential follow-up (mean 365
 * days, distinct doubles), {@code months} = whole months 0..150 as in registry data (heavy ties).
 * 30 % of the subjects are censored in both. {@code biojavaKaplanMeier} is the JVM peer on the
 * same subjects.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar KaplanMeierBenchmark -f 1 -wi 3 -i 5 -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KaplanMeierBenchmark {
    @Param({"continuous", "months"})
    public String times;

    @Param("1000000")
    public int n;

    private SurvivalData data;
    private double[] raw;
    private java.util.ArrayList<org.biojava.nbio.survival.cox.SurvivalInfo> peerInput;
    private final KaplanMeier km = KaplanMeier.withDefaults();

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
        peerInput = BiojavaPeer.input(data);
    }

    /** The floor: sort a copy of the same times once. */
    @Benchmark
    public double[] sortFloor() {
        double[] c = raw.clone();
        Arrays.sort(c);
        return c;
    }

    /** The JVM peer, biojava-survival 6.0.5 {@code SurvFitKM}, on the same subjects (input built in setup). */
    @Benchmark
    public Object biojavaKaplanMeier() {
        return BiojavaPeer.kaplanMeier(peerInput);
    }

    /** Kaplan-Meier curves with Greenwood errors and Nelson-Aalen hazards for both groups. */
    @Benchmark
    public KaplanMeierResult kaplanMeier() {
        return km.fit(data);
    }
}
