package io.survkit.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the data sets that survkit and R are timed on (seeded, so every run compares the same
 * rows). {@code km_N.csv}: {@code time,status,arm}, 2 arms, exponential follow-up in days rounded to
 * 0.01 (ties as in real data), 30 % censored. {@code cox_N.csv}: {@code time,status,x1..x10}, ten
 * standard-normal covariates, log hazard 0.1 x1 - 0.1 x2 + 0.05 (x3 + ... + x10) / 8.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.survkit.bench.CompareData DIR km 10000 100000</pre>
 */
public final class CompareData {
    private CompareData() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        String kind = args[1];
        for (int k = 2; k < args.length; k++) {
            int n = Integer.parseInt(args[k]);
            Path file = dir.resolve(kind + "_" + n + ".csv");
            if (Files.exists(file)) {
                continue;
            }
            if (kind.equals("km")) {
                writeKm(file, n);
            } else {
                writeCox(file, n);
            }
        }
    }

    static void writeKm(Path file, int n) throws IOException {
        SplittableRandom rnd = new SplittableRandom(20261126L + n);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("time,status,arm\n");
            StringBuilder b = new StringBuilder(64);
            for (int i = 0; i < n; i++) {
                boolean treated = rnd.nextBoolean();
                double days = -(treated ? 430 : 300) * Math.log(1 - rnd.nextDouble());
                b.setLength(0);
                b.append(String.format(Locale.ROOT, "%.2f", Math.max(0.01, days))).append(',')
                        .append(rnd.nextDouble() >= 0.3 ? 1 : 0).append(',').append(treated ? "B" : "A").append('\n');
                w.write(b.toString());
            }
        }
    }

    static void writeCox(Path file, int n) throws IOException {
        SplittableRandom rnd = new SplittableRandom(7_000_000L + n);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("time,status,x1,x2,x3,x4,x5,x6,x7,x8,x9,x10\n");
            double[] x = new double[10];
            StringBuilder b = new StringBuilder(160);
            for (int i = 0; i < n; i++) {
                double lp = 0;
                for (int j = 0; j < 10; j++) {
                    x[j] = Math.round(gaussian(rnd) * 1000) / 1000.0;
                }
                lp = 0.1 * x[0] - 0.1 * x[1];
                for (int j = 2; j < 10; j++) {
                    lp += 0.05 * x[j] / 8;
                }
                double t = -Math.log(1 - rnd.nextDouble()) / (0.01 * Math.exp(lp));
                b.setLength(0);
                b.append(String.format(Locale.ROOT, "%.2f", Math.max(0.01, t))).append(',')
                        .append(rnd.nextDouble() >= 0.3 ? 1 : 0);
                for (double v : x) {
                    b.append(',').append(String.format(Locale.ROOT, "%.3f", v));
                }
                w.write(b.append('\n').toString());
            }
        }
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller: enough for benchmark data
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
