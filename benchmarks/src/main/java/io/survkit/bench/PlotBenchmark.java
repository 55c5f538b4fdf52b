package io.survkit.bench;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.estimate.KaplanMeier;
import io.survkit.estimate.KaplanMeierResult;
import io.survkit.plot.KaplanMeierPlot;
import io.survkit.plot.KaplanMeierPlots;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * SVG of a 2-arm Kaplan-Meier plot of 1,000,000 subjects with continuous times (about 10^6
 * distinct curve times), with confidence bands, censor marks and the risk table. Target (issue 6):
 * under 50 ms and under 2 MB of output.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar PlotBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PlotBenchmark {
    private List<KaplanMeierPlot.Curve> curves;
    private final KaplanMeierPlot plot = KaplanMeierPlot.withDefaults().withTimeLabel("Days").withConfidenceBands(true);

    @Setup
    public void setup() {
        int n = 1_000_000;
        SplittableRandom rnd = new SplittableRandom(42);
        double[] t = new double[n];
        boolean[] event = new boolean[n];
        String[] arm = new String[n];
        for (int i = 0; i < n; i++) {
            boolean b = rnd.nextBoolean();
            t[i] = -(b ? 300 : 430) * Math.log(1 - rnd.nextDouble());
            event[i] = rnd.nextDouble() >= 0.3;
            arm[i] = b ? "B" : "A";
        }
        ModelFrame data = ModelFrame.of(SurvivalData.builder().time("time", t).event("dead", event).text("arm", arm).build(), "arm");
        KaplanMeierResult fit = KaplanMeier.withDefaults().fit(data);
        curves = KaplanMeierPlots.curves(fit);
        System.out.printf("%nSVG size: %,d bytes%n", plot.render(curves).length());
    }

    /** Render both curves, bands, censor marks, legend and risk table. */
    @Benchmark
    public String renderSvg() {
        return plot.render(curves);
    }
}
