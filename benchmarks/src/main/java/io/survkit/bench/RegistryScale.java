package io.survkit.bench;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.estimate.KaplanMeier;
import io.survkit.estimate.KaplanMeierResult;
import io.survkit.regression.CoxRegression;
import io.survkit.regression.CoxResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Registry scale: writes (once) a 10,000,000-row registry-like CSV (integer months 0..150, arm,
 * age, sex, stage; 8 columns in all), reads it into {@link SurvivalData} (streaming, with progress
 * at INFO), then runs Kaplan-Meier, the log-rank test and a 3-covariate Cox model, printing wall
 * time and peak heap. Meant to run in a JVM with {@code -Xmx2g}:
 *
 * <pre>java -Xmx2g -cp benchmarks/target/benchmarks.jar io.survkit.bench.RegistryScale target/registry 10000000</pre>
 */
public final class RegistryScale {
    private RegistryScale() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/registry");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000_000;
        Files.createDirectories(dir);
        Path file = dir.resolve("registry_" + n + ".csv");
        if (!Files.exists(file)) {
            write(file, n);
        }
        long t0 = System.nanoTime();
        ModelFrame d = ModelFrame.of(SurvivalData.csv(file).time("months").event("vital", "dead")
                .read(), "arm + age + female + stage");
        long t1 = System.nanoTime();
        KaplanMeierResult km = KaplanMeier.withDefaults().fit(d);
        long t2 = System.nanoTime();
        String logRank = Tasks.logRankSummary(d);
        long t3 = System.nanoTime();
        CoxResult cox = CoxRegression.withDefaults().fit(d);
        long t4 = System.nanoTime();
        System.out.printf(Locale.ROOT, "rows %,d (file %.0f MB), max heap %d MB%n", d.rowCount(),
                Files.size(file) / 1e6, Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "read CSV          %8.2f s%n", (t1 - t0) / 1e9);
        System.out.printf(Locale.ROOT, "Kaplan-Meier      %8.2f s  (median %s / %s months)%n", (t2 - t1) / 1e9,
                km.curve(0).median(), km.curve(1).median());
        System.out.printf(Locale.ROOT, "log-rank          %8.2f s  %s%n", (t3 - t2) / 1e9, logRank);
        System.out.printf(Locale.ROOT, "Cox (3 covariates)%8.2f s  (coef %s, %d iterations)%n", (t4 - t3) / 1e9,
                java.util.Arrays.toString(cox.coefficients()), cox.iterations());
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "peak heap used    %8d MB%n", peak >> 20);
    }

    static void write(Path file, int n) throws IOException {
        SplittableRandom rnd = new SplittableRandom(1_000_003L);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id,months,vital,arm,age,female,stage,year\n");
            StringBuilder b = new StringBuilder(64);
            for (int i = 0; i < n; i++) {
                boolean surgery = rnd.nextDouble() < 0.37;
                int age = 30 + rnd.nextInt(60);
                int female = rnd.nextInt(2);
                int stage = 1 + rnd.nextInt(4);
                double rate = 0.012 * Math.exp(0.02 * (age - 60) + 0.25 * (stage - 2) - (surgery ? 0.9 : 0));
                double t = -Math.log(1 - rnd.nextDouble()) / rate;
                int year = 2004 + rnd.nextInt(12);
                double follow = (2016 - year) * 12 + rnd.nextInt(12);
                boolean dead = t <= follow;
                int months = (int) Math.min(Math.floor(dead ? t : follow), 150);
                b.setLength(0);
                b.append(i + 1).append(',').append(months).append(',').append(dead ? "dead" : "alive").append(',')
                        .append(surgery ? "surgery" : "chemo").append(',').append(age).append(',').append(female)
                        .append(',').append(stage).append(',').append(year).append('\n');
                w.write(b.toString());
            }
        }
    }
}
