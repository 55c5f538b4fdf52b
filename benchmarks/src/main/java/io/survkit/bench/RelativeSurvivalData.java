package io.survkit.bench;

import io.survkit.data.SurvivalData;
import io.survkit.relative.Demography;
import io.survkit.relative.Sex;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A seeded synthetic cancer registry for the relative-survival benchmark, written as CSV so that R
 * times {@code relsurv::rs.surv} on the same rows: {@code time,status,age,sex,year}. Age 30-90 years
 * (2 decimals), sex 1:1, diagnosis dates uniform over 1975-2010, exponential survival (mean 6
 * years), censored at 5 years (1826 days); follow-up in whole days, at least 1. Each subject crosses
 * about 10 age or year cells of the US table.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.survkit.bench.RelativeSurvivalData DIR 1000000</pre>
 */
public final class RelativeSurvivalData {
    static final int HORIZON = 1826;

    final double[] time;
    final boolean[] event;
    final double[] age;
    final Sex[] sex;
    final LocalDate[] date;

    private RelativeSurvivalData(int n) {
        SplittableRandom rnd = new SplittableRandom(20261129L + n);
        time = new double[n];
        event = new boolean[n];
        age = new double[n];
        sex = new Sex[n];
        date = new LocalDate[n];
        long first = LocalDate.of(1975, 1, 1).toEpochDay();
        long last = LocalDate.of(2010, 12, 31).toEpochDay();
        for (int i = 0; i < n; i++) {
            age[i] = Math.round((30 + 60 * rnd.nextDouble()) * 100) / 100.0;
            sex[i] = rnd.nextBoolean() ? Sex.MALE : Sex.FEMALE;
            date[i] = LocalDate.ofEpochDay(first + rnd.nextLong(last - first + 1));
            double t = Math.max(1, Math.ceil(-6 * 365.25 * Math.log(1 - rnd.nextDouble())));
            event[i] = t <= HORIZON;
            time[i] = Math.min(t, HORIZON);
        }
    }

    static RelativeSurvivalData generate(int n) {
        return new RelativeSurvivalData(n);
    }

    SurvivalData survivalData() {
        return SurvivalData.builder().time("time", time).event("status", event).build();
    }

    Demography demography() {
        return Demography.of(age, sex, date);
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        for (int k = 1; k < args.length; k++) {
            int n = Integer.parseInt(args[k]);
            RelativeSurvivalData d = generate(n);
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("relsurv_" + n + ".csv"),
                    StandardCharsets.UTF_8)) {
                w.write("time,status,age,sex,year\n");
                for (int i = 0; i < n; i++) {
                    w.write(String.format(Locale.ROOT, "%d,%d,%.2f,%s,%s%n", (long) d.time[i], d.event[i] ? 1 : 0,
                            d.age[i], d.sex[i].label(), d.date[i]));
                }
            }
        }
    }
}
