package io.survkit.bench;

import io.survkit.data.SurvivalData;
import io.survkit.regression.CoxPredictedValues;
import io.survkit.regression.CoxPredictionType;
import io.survkit.regression.CoxRegression;
import io.survkit.regression.CoxResult;
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
 * Cox predictions for many new rows at once (R {@code predict(fit, newdata, type, se.fit = TRUE)}):
 * a fit on {@code n} subjects x 10 standard-normal covariates (the data of {@link CoxBenchmark}),
 * then the linear predictor and the expected number of events with standard errors for {@code n}
 * new rows (the same rows read as new data: the model matrix is rebuilt by column name).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar CoxPredictBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
public class CoxPredictBenchmark {
    /** Rows of the fit and of the new data. */
    @Param({"100000"})
    public int n;

    private SurvivalData data;
    private CoxResult fit;

    @Setup
    public void setup() {
        int p = 10;
        Random r = new Random(20240601L);
        double[][] x = new double[p][n];
        double[] t = new double[n];
        boolean[] e = new boolean[n];
        StringBuilder formula = new StringBuilder();
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
        for (int j = 0; j < p; j++) {
            b.numeric("x" + (j + 1), x[j]);
            formula.append(j > 0 ? " + " : "").append("x").append(j + 1);
        }
        data = b.build();
        fit = CoxRegression.withDefaults().fit(data, formula.toString());
    }

    /** The fit itself, for the ratio. */
    @Benchmark
    public CoxResult fit() {
        return CoxRegression.withDefaults().fit(data, fit.formula());
    }

    /** lp and se.fit for n new rows. */
    @Benchmark
    public CoxPredictedValues linearPredictor() {
        return fit.prediction().predict(data, CoxPredictionType.LINEAR_PREDICTOR);
    }

    /** Expected events and se.fit for n new rows (a binary search per row into the risk sets). */
    @Benchmark
    public CoxPredictedValues expected() {
        return fit.prediction().predict(data, CoxPredictionType.EXPECTED);
    }
}
