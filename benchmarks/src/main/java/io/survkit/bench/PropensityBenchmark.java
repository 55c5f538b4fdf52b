package io.survkit.bench;

import io.survkit.data.ModelFrame;
import io.survkit.arms.MatchedSets;
import io.survkit.arms.PropensityMatching;
import io.survkit.arms.PropensityScore;
import io.survkit.arms.PropensityScoreResult;
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
 * Propensity score (logistic regression on age, tumour size and a 3-level stage factor = 5 model
 * columns) and greedy 1:1 caliper matching on the logit, on 1,000,000 subjects (about 35 % treated,
 * confounded by all three covariates), against the floor, a plain {@link Arrays#sort} of a copy of
 * the logits. {@code fitAndMatch} = the whole pipeline; {@code match} = matching alone on the
 * precomputed scores.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar PropensityBenchmark -f 1 -wi 3 -i 5 -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PropensityBenchmark {
    @Param("1000000")
    public int n;

    private SurvivalData data;
    private PropensityScoreResult scores;
    private double[] logits;
    private final PropensityScore ps = PropensityScore.withDefaults().withCovariates(
            io.survkit.data.Terms.parse("age + size + factor(stage, ref = I)"));
    private final PropensityMatching matching = PropensityMatching.withDefaults();

    @Setup
    public void setup() {
        SplittableRandom rnd = new SplittableRandom(42);
        double[] t = new double[n];
        boolean[] event = new boolean[n];
        double[] age = new double[n];
        double[] size = new double[n];
        String[] stage = new String[n];
        String[] arm = new String[n];
        String[] stages = {"I", "II", "III"};
        for (int i = 0; i < n; i++) {
            age[i] = 60 + 10 * gaussian(rnd);
            size[i] = Math.exp(1.5 + 0.5 * gaussian(rnd));
            int s = rnd.nextInt(3);
            stage[i] = stages[s];
            double eta = -0.6 - 0.05 * (age[i] - 60) - 0.1 * (size[i] - 5) - 0.4 * s;
            arm[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-eta)) ? "surgery" : "chemo";
            t[i] = 1 + rnd.nextInt(120);
            event[i] = rnd.nextDouble() < 0.6;
        }
        data = SurvivalData.builder().time("months", t).event("dead", event).text("arm", arm)
                .numeric("age", age).numeric("size", size).text("stage", stage).build();
        scores = ps.estimate(data, "arm", "surgery");
        logits = scores.logits();
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box-Muller, one value
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    /** The floor: sort a copy of the logits once. */
    @Benchmark
    public double[] sortFloor() {
        double[] c = logits.clone();
        Arrays.sort(c);
        return c;
    }

    /** Logistic fit (IRLS) + 1:1 matching with caliper 0.2 SD of the logit. */
    @Benchmark
    public MatchedSets fitAndMatch() {
        return matching.match(ps.estimate(data, "arm", "surgery"));
    }

    /** 1:1 matching alone. */
    @Benchmark
    public MatchedSets match() {
        return matching.match(scores);
    }
}
