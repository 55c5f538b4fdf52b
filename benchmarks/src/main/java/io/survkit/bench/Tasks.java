package io.survkit.bench;

import io.survkit.data.SurvivalData;

/** Tasks of the R comparison beyond Kaplan-Meier and Cox. */
final class Tasks {
    private Tasks() {
    }

    static Object other(String task, SurvivalData d) {
        throw new IllegalArgumentException("unknown task " + task);
    }

    /** One line on the log-rank test of the data's groups (filled in with the log-rank test). */
    static String logRankSummary(SurvivalData d) {
        return "(log-rank not yet available)";
    }

    static double[] numbers(String task, SurvivalData d) {
        throw new IllegalArgumentException("unknown task " + task);
    }
}
