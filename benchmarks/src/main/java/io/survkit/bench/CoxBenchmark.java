package io.survkit.bench;

import io.survkit.data.SurvivalData;
import io.survkit.regression.CoxRegression;
import io.survkit.regression.CoxResult;
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
 * Cox regression (Efron ties, R's defaults) on simulated data: {@code n} subjects x {@code p}
 * standard-normal covariates, exponential event times with log hazard 0.1 * sum(x), times rounded
 * to 0.01 (some ties), uniform censoring (~30 %). The fit includes everything R's {@code coxph}
 * computes: sorting, Newton-Raphson, variance, tests and the concordance. The floor is an
 * {@code Arrays.sort} of the same times; {@code biojavaCox} is the JVM peer on the same data.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar CoxBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class CoxBenchmark {
    /** {@code n x p}. */
    @Param({"100000x10", "1000000x3"})
    public String shape;

    private SurvivalData data;
    private io.survkit.data.Terms terms;
    private double[] times;
    private CoxRegression cox;
    private java.util.ArrayList<org.biojava.nbio.survival.cox.SurvivalInfo> peerInput;
    private java.util.ArrayList<String> peerCovariates;

    @Setup
    public void setup() {
        String[] np = shape.split("x");
        int n = Integer.parseInt(np[0]);
        int p = Integer.parseInt(np[1]);
        Random r = new Random(20240601L);
        double[][] x = new double[p][n];
        double[] t = new double[n];
        boolean[] e = new boolean[n];
        for (int i = 0; i < n; i++) {
            double eta = 0;
            for (int j = 0; j < p; j++) {
                x[j][i] = r.nextGaussian();
                eta += 0.1 * x[j][i];
            }
            double event = -Math.log(1 - r.nextDouble()) / (0.1 * Math.exp(eta));
            double censor = r.nextDouble() * 25;
            t[i] = Math.max(0.01, Math.round(Math.min(event, censor) * 100) / 100.0);
            e[i] = event <= censor;
        }
        SurvivalData.Builder b = SurvivalData.builder().time("time", t).event("status", e);
        io.survkit.data.Term[] model = new io.survkit.data.Term[p];
        for (int j = 0; j < p; j++) {
            b.numeric("x" + (j + 1), x[j]);
            model[j] = io.survkit.data.Terms.numeric("x" + (j + 1));
        }
        data = b.build();
        terms = io.survkit.data.Terms.of(model);
        times = t;
        cox = CoxRegression.withDefaults();
        io.survkit.data.ModelFrame frame = io.survkit.data.ModelFrame.of(data, terms);
        peerInput = BiojavaPeer.input(frame, false);
        peerCovariates = new java.util.ArrayList<>(frame.columnNames());
    }

    /** The JVM peer, biojava-survival 6.0.5 {@code CoxR} (Efron), on the same data (input built in setup). */
    @Benchmark
    public Object biojavaCox() {
        return BiojavaPeer.cox(peerCovariates, peerInput);
    }

    /** The floor: sorting the times once. */
    @Benchmark
    public double[] sortTimes() {
        double[] c = times.clone();
        Arrays.sort(c);
        return c;
    }

    /** Efron fit with R's defaults. */
    @Benchmark
    public CoxResult fitEfron() {
        return cox.fit(data, terms);
    }
}
