package io.survkit.bench;

import io.survkit.data.ModelFrame;
import io.survkit.data.CsvSurvivalReader;
import io.survkit.data.SurvivalData;
import io.survkit.estimate.KaplanMeierResult;
import io.survkit.regression.CoxResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Second half of {@code benchmarks/compare-with-r.sh}: reads R's timings and results (written by
 * {@code benchmarks/r/compare.R}), checks that survkit gives the same numbers on the same files
 * (relative 1e-9; Cox 1e-8), times survkit with JMH and prints one table.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.survkit.bench.CompareWithR DIR r-results.tsv</pre>
 */
public final class CompareWithR {
    private CompareWithR() {
    }

    static ModelFrame read(Path file, String task) {
        SurvivalData d = SurvivalData.csv(file).time("time").event("status", "1").read();
        if (task.equals("cox")) {
            StringBuilder f = new StringBuilder("x1");
            for (int j = 2; j <= 10; j++) {
                f.append(" + x").append(j);
            }
            return ModelFrame.of(d, f.toString());
        }
        return ModelFrame.of(d, "arm");
    }

    static Object compute(String task, ModelFrame d) {
        switch (task) {
            case "km":
                return RComparisonBenchmark.km(d);
            case "cox":
                return RComparisonBenchmark.cox(d);
            default:
                return Tasks.other(task, d);
        }
    }

    /** The numbers R wrote for this task, recomputed by survkit. */
    static double[] numbers(String task, ModelFrame d) {
        switch (task) {
            case "km": {
                KaplanMeierResult km = (KaplanMeierResult) compute(task, d);
                double[] t = {100, 365, 730};
                double[] r = new double[6];
                for (int g = 0; g < 2; g++) {
                    for (int k = 0; k < 3; k++) {
                        r[3 * g + k] = km.curve(g).survivalAt(t[k]);
                    }
                }
                return r;
            }
            case "cox":
                return ((CoxResult) compute(task, d)).coefficients();
            default:
                return Tasks.numbers(task, d);
        }
    }

    public static void main(String[] args) throws IOException, RunnerException {
        Path dir = Path.of(args[0]);
        List<String> lines = Files.readAllLines(Path.of(args[1]));
        List<String[]> table = new ArrayList<>();
        boolean allAgree = true;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            String task = f[0];
            int n = Integer.parseInt(f[1]);
            double rSeconds = Double.parseDouble(f[2]);
            String[] rv = f[4].split(";");
            Path file = dir.resolve((task.equals("cox") ? "cox" : "km") + "_" + n + ".csv");
            ModelFrame d = read(file, task);
            double[] ours = numbers(task, d);
            double tol = task.equals("cox") ? 1e-8 : 1e-9;
            double worst = 0;
            for (int i = 0; i < rv.length; i++) {
                double e = Double.parseDouble(rv[i]);
                worst = Math.max(worst, Math.abs(ours[i] - e) / Math.max(Math.abs(e), 1e-300));
            }
            boolean agree = worst <= tol && ours.length == rv.length;
            allAgree &= agree;
            double ms = time(file, task, n);
            table.add(new String[] {task, String.format(Locale.ROOT, "%,d", n),
                    String.format(Locale.ROOT, "%.1f", rSeconds * 1000), String.format(Locale.ROOT, "%.1f", ms),
                    String.format(Locale.ROOT, "%.1f", rSeconds * 1000 / ms),
                    agree ? String.format(Locale.ROOT, "yes (max rel diff %.1e)", worst) : "NO: " + worst});
        }
        System.out.println();
        System.out.println("| task | n | R (ms) | survkit (ms) | R / survkit | same numbers |");
        System.out.println("|---|---|---|---|---|---|");
        for (String[] row : table) {
            System.out.println("| " + String.join(" | ", row) + " |");
        }
        if (!allAgree) {
            System.out.println("R and survkit DISAGREE on at least one data set");
            System.exit(1);
        }
    }

    private static double time(Path file, String task, int n) throws RunnerException {
        boolean big = n >= 1_000_000;
        Options opt = new OptionsBuilder().include(RComparisonBenchmark.class.getName() + ".run$")
                .param("file", file.toString()).param("task", task).forks(1)
                .jvmArgsAppend(big ? "-Xmx8g" : "-Xmx2g")
                .warmupIterations(big ? 2 : 3).warmupTime(TimeValue.seconds(big ? 5 : 2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(big ? 5 : 2)).build();
        RunResult r = new Runner(opt).runSingle();
        return r.getPrimaryResult().getScore();
    }
}
