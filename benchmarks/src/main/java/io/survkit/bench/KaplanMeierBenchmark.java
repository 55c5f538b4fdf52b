package io.survkit.bench;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.estimate.KaplanMeier;
import io.survkit.estimate.KaplanMeierResult;
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

    private ModelFrame data;
    private double[] raw;
    private java.util.ArrayList<org.biojava.nbio.survival.cox.SurvivalInfo> peerInput;
    private final KaplanMeier km = KaplanMeier.withDefaults();

    @Setup
    public void setup() {
        data = TwoArmData.generate(n, times);
        raw = data.times();
        peerInput = BiojavaPeer.input(data, true);
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
