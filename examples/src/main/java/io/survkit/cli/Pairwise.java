package io.survkit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.survkit.compare.LogRankTest;
import io.survkit.data.SurvivalData;

/** {@code --pairwise}: filled in when the pairwise comparisons land. */
final class Pairwise {
    private Pairwise() {
    }

    static ObjectNode json(Args a, LogRankTest test, SurvivalData data) {
        throw new UsageException("logrank: --pairwise is not available in this build");
    }

    static String text(Args a, LogRankTest test, SurvivalData data) {
        throw new UsageException("logrank: --pairwise is not available in this build");
    }
}
