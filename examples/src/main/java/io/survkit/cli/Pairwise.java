package io.survkit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.survkit.compare.PairwiseLogRankResult;
import java.util.Locale;

/**
 * {@code logrank --pairwise none|bonferroni|holm|bh}: every pair of groups, p-values adjusted as R's
 * {@code p.adjust} (survminer {@code pairwise_survdiff} layout: rows groups 2..k, columns 1..k-1).
 */
final class Pairwise {
    private Pairwise() {
    }

    /** {@code {"groups": [...], "p": [[...]]}}: the full group list and the lower-triangular matrix. */
    static ObjectNode json(PairwiseLogRankResult r) {
        ObjectNode o = Json.object();
        o.set("groups", Json.strings(r.groups()));
        o.set("rows", Json.strings(r.rowGroups()));
        o.set("columns", Json.strings(r.columnGroups()));
        o.set("p", Json.matrix(r.pValues()));
        o.put("adjustment", r.adjustment().name().toLowerCase(Locale.ROOT));
        return o;
    }
}
