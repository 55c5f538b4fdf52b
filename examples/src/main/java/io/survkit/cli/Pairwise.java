package io.survkit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.survkit.compare.PValueAdjustment;
import io.survkit.compare.PairwiseLogRank;
import io.survkit.compare.PairwiseLogRankResult;
import io.survkit.compare.LogRankTest;
import io.survkit.data.ModelFrame;
import java.util.Map;

/**
 * {@code logrank --pairwise none|bonferroni|holm|bh}: every pair of groups, p-values adjusted as R's
 * {@code p.adjust} (survminer {@code pairwise_survdiff} layout: rows groups 2..k, columns 1..k-1).
 */
final class Pairwise {
    private static final Map<String, PValueAdjustment> ADJUST = Map.of("none", PValueAdjustment.NONE, "bonferroni",
            PValueAdjustment.BONFERRONI, "holm", PValueAdjustment.HOLM, "bh", PValueAdjustment.BENJAMINI_HOCHBERG);

    private Pairwise() {
    }

    static PairwiseLogRankResult test(Args a, LogRankTest test, ModelFrame data) {
        PValueAdjustment adjust = a.choice("pairwise", ADJUST, PValueAdjustment.HOLM);
        return PairwiseLogRank.withDefaults().withTest(test).withAdjustment(adjust).test(data);
    }

    /** {@code {"groups": [...], "p": [[...]]}}: the full group list and the lower-triangular matrix. */
    static ObjectNode json(Args a, LogRankTest test, ModelFrame data) {
        PairwiseLogRankResult r = test(a, test, data);
        ObjectNode o = Json.object();
        o.set("groups", Json.strings(r.groups()));
        o.set("rows", Json.strings(r.rowGroups()));
        o.set("columns", Json.strings(r.columnGroups()));
        o.set("p", Json.matrix(r.pValues()));
        o.put("adjustment", r.adjustment().name().toLowerCase(java.util.Locale.ROOT));
        return o;
    }

    static String text(Args a, LogRankTest test, ModelFrame data) {
        return test(a, test, data).toString();
    }
}
