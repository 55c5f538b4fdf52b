package io.survkit.bench;

import io.survkit.data.SurvivalData;
import io.survkit.estimate.MultiStateResult;
import io.survkit.estimate.MultiStateSurvival;
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
 * Multi-state Aalen-Johansen ({@link MultiStateSurvival}, R's survfitCI) on illness-death paths:
 * {@code n} subjects entering at 0-30 days, each either dying directly or progressing first (two
 * rows: entry to progression, progression to death or censoring), times in whole days, 2 groups.
 * The jackknife update touches every subject at every time with a transition, as R's survfitci.c.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar MultiStateBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MultiStateBenchmark {
    @Param({"2000", "20000"})
    public int n;

    private SurvivalData data;
    private final MultiStateSurvival aj = MultiStateSurvival.withDefaults();

    @Setup
    public void setup() {
        SplittableRandom rnd = new SplittableRandom(7);
        int rows = 0;
        double[] start = new double[2 * n];
        double[] stop = new double[2 * n];
        String[] state = new String[2 * n];
        String[] id = new String[2 * n];
        String[] arm = new String[2 * n];
        for (int i = 0; i < n; i++) {
            double entry = Math.floor(30 * rnd.nextDouble());
            double death = entry + 1 + Math.floor(-700 * Math.log(1 - rnd.nextDouble()));
            double progression = entry + 1 + Math.floor(-900 * Math.log(1 - rnd.nextDouble()));
            double censor = entry + 1 + Math.floor(1500 * rnd.nextDouble());
            String g = rnd.nextBoolean() ? "A" : "B";
            double end = Math.min(death, censor);
            if (progression < end) {
                start[rows] = entry;
                stop[rows] = progression;
                state[rows] = "pcm";
                id[rows] = "s" + i;
                arm[rows++] = g;
                start[rows] = progression;
                stop[rows] = Math.max(end, progression + 1);
                state[rows] = death <= censor ? "death" : "censor";
                id[rows] = "s" + i;
                arm[rows++] = g;
            } else {
                start[rows] = entry;
                stop[rows] = end;
                state[rows] = death <= censor ? "death" : "censor";
                id[rows] = "s" + i;
                arm[rows++] = g;
            }
        }
        data = SurvivalData.builder().start("t1", java.util.Arrays.copyOf(start, rows))
                .time("t2", java.util.Arrays.copyOf(stop, rows))
                .causes("state", java.util.Arrays.copyOf(state, rows), "censor")
                .id("id", java.util.Arrays.copyOf(id, rows)).text("arm", java.util.Arrays.copyOf(arm, rows)).build();
    }

    /** Both groups' state probabilities, cumulative hazards and jackknife standard errors. */
    @Benchmark
    public MultiStateResult aalenJohansen() {
        return aj.fit(data, "arm");
    }
}
