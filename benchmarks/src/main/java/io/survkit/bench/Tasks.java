package io.survkit.bench;

import io.survkit.compare.LogRankResult;
import io.survkit.compare.LogRankTest;
import io.survkit.data.ModelFrame;
import java.util.Locale;

/** Tasks of the R comparison beyond Kaplan-Meier and Cox. */
final class Tasks {
    private Tasks() {
    }

    static Object other(String task, ModelFrame d) {
        if (task.equals("logrank")) {
            return LogRankTest.withDefaults().test(d);
        }
        throw new IllegalArgumentException("unknown task " + task);
    }

    /** One line on the log-rank test of the data's groups. */
    static String logRankSummary(ModelFrame d) {
        LogRankResult r = LogRankTest.withDefaults().test(d);
        return String.format(Locale.ROOT, "(chisq %.2f, df %d, p %.3g)", r.chiSquare(), r.degreesOfFreedom(),
                r.pValue());
    }

    static double[] numbers(String task, ModelFrame d) {
        if (task.equals("logrank")) {
            return new double[] {((LogRankResult) other(task, d)).chiSquare()};
        }
        throw new IllegalArgumentException("unknown task " + task);
    }
}
