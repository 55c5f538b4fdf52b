package io.survkit.bench;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.estimate.KaplanMeier;
import io.survkit.regression.CoxRegression;
import java.nio.file.Path;
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
 * survkit on the very files R is timed on by {@code benchmarks/compare-with-r.sh} (data loaded in
 * setup, as R's timings exclude reading). Driven by {@link CompareWithR}; {@code file} and
 * {@code task} are set per run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RComparisonBenchmark {
    @Param("")
    public String file;

    @Param("km")
    public String task;

    private ModelFrame data;

    @Setup
    public void setup() {
        data = CompareWithR.read(Path.of(file), task);
    }

    @Benchmark
    public Object run() {
        return CompareWithR.compute(task, data);
    }

    static Object km(ModelFrame d) {
        return KaplanMeier.withDefaults().fit(d);
    }

    static Object cox(ModelFrame d) {
        return CoxRegression.withDefaults().fit(d);
    }
}
