package io.survkit.bench;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import java.util.SplittableRandom;

/**
 * The two-arm data set of the Kaplan-Meier and log-rank benchmarks (seed 42): exponential follow-up
 * with mean 300 days (arm B) or 430 days (arm A), 30 % censored; {@code months} = whole months
 * 0..150 as in registry data (heavy ties), {@code continuous} = the days as distinct doubles.
 */
final class TwoArmData {
    private TwoArmData() {
    }

    static ModelFrame generate(int n, String times) {
        SplittableRandom rnd = new SplittableRandom(42);
        double[] t = new double[n];
        boolean[] event = new boolean[n];
        String[] arm = new String[n];
        for (int i = 0; i < n; i++) {
            boolean b = rnd.nextBoolean();
            double mean = b ? 300 : 430; // days
            double days = -mean * Math.log(1 - rnd.nextDouble());
            t[i] = times.equals("months") ? Math.min(150, Math.floor(days / 30.4375)) : days;
            event[i] = rnd.nextDouble() >= 0.3;
            arm[i] = b ? "B" : "A";
        }
        return ModelFrame.of(SurvivalData.builder().time("time", t).event("dead", event).text("arm", arm).build(), "arm");
    }
}
